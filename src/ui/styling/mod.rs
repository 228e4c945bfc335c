//! The styling pane: each celebrity look as a card (outfit, the bag carried,
//! the note) with the bags from the edit that pair with it.

mod card;
mod paint;

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::pane;
use crate::app::{Pane, Stop};
use crate::layout::PhotoArea;
use crate::ui::Scene;
use crate::words::count;
use card::{Card, card};

/// Cards go side by side when the pane has room for columns this wide.
const MIN_CARD_WIDTH: u16 = 36;

/// Rows of a card that must show (its title and a little more) for it to
/// count as in sight.
const MIN_CARD_SHOWN: usize = 4;

/// Where a card sits in the strip of card rows being drawn.
struct Slot {
    x: u16,
    width: u16,
    top: usize,
    height: usize,
}

/// One row of cards, side by side, as tall as its tallest card so that
/// borders line up.
struct CardRow {
    cards: Vec<Card>,
    slots: Vec<Slot>,
    height: usize,
}

/// Draws the pane; returns where whole photos went.
pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) -> Vec<PhotoArea> {
    let theme = ui.theme;
    let looks = &ui.app.lookbook().looks;
    let focused = ui.app.focus() == Pane::Styling;
    let title = format!(
        " {} ({}) ",
        pane::title(Pane::Styling, &ui.app.lookbook().nouns),
        count(looks.len(), "look")
    );
    let block = pane::block(theme, title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut photos = Vec::new();
    if inner.is_empty() {
        return photos;
    }
    if looks.is_empty() {
        frame.render_widget(
            Line::styled("This lookbook has no looks.", theme.muted),
            inner,
        );
        return photos;
    }
    let columns = usize::from(inner.width / MIN_CARD_WIDTH).clamp(1, looks.len());
    let view = rows_in_view(ui, inner, columns);
    let mut top = 0;
    for row in &view.rows {
        for (card, slot) in row.cards.iter().zip(&row.slots) {
            let slot = Slot { top, ..*slot };
            let shown = shown_rows(&slot, view.offset, usize::from(inner.height));
            if shown.is_empty() {
                continue;
            }
            let cursor_on_card = focused && ui.app.styling_stop() == Some(Stop::Look(card.look));
            let band = paint::band(ui, card, &slot, cursor_on_card, &shown);
            let photo = paint::blit(&band, frame.buffer_mut(), inner, &slot, &shown, view.offset);
            photos.extend(
                photo
                    .zip(looks[card.look].image.as_ref())
                    .map(|(area, photo)| PhotoArea {
                        area,
                        file: photo.file.clone(),
                    }),
            );
        }
        top += row.height;
    }
    if view.more_above {
        more_marker(frame, area, " ↑ more ", area.y, ui);
    }
    if view.more_below {
        more_marker(frame, area, " ↓ more ", area.bottom().saturating_sub(1), ui);
    }
    photos
}

/// Says on a border row that the content goes on past it.
fn more_marker(frame: &mut Frame, area: Rect, marker: &'static str, y: u16, ui: &Scene) {
    let row = Rect::new(area.x + 1, y, area.width.saturating_sub(2), 1).intersection(area);
    frame.render_widget(Line::styled(marker, ui.theme.muted).right_aligned(), row);
}

/// The rows of a card (in its own coordinates) that the window starting at
/// content row `offset`, `height` rows tall, shows.
fn shown_rows(slot: &Slot, offset: usize, height: usize) -> Range<usize> {
    let from = offset.saturating_sub(slot.top).min(slot.height);
    let to = (offset + height).saturating_sub(slot.top).min(slot.height);
    from..to.max(from)
}

/// The card rows in view and where the window starts in them.
struct View {
    rows: Vec<CardRow>,
    offset: usize,
    /// Cards above the window: the pane's top border says so.
    more_above: bool,
    /// Whole cards below the window; a card cut by it says so itself.
    more_below: bool,
}

/// The card rows that fill the pane, and the first content row to show.
/// Only rows in view are built, so a lookbook with hundreds of looks costs
/// no more per frame than one with two: drawing starts at the row to show
/// (the cursor's card, or the first card pairing with the selected bag) and
/// reaches back for earlier rows only to fill space left at the bottom.
fn rows_in_view(ui: &Scene, inner: Rect, columns: usize) -> View {
    let looks = ui.app.lookbook().looks.len();
    let height = usize::from(inner.height);
    let row_count = looks.div_ceil(columns);
    let (anchor_look, within) = anchor(ui, inner, columns);
    let anchor = anchor_look / columns;
    let mut rows = Vec::new();
    let mut built = 0;
    let mut next = anchor;
    while next < row_count && built < within + height {
        let row = card_row(ui, next, columns, inner.width);
        built += row.height;
        rows.push(row);
        next += 1;
    }
    // Space left below the last card: earlier rows that fit there whole
    // are shown above, so the anchor card stays in view and no card opens
    // cut through its middle.
    let mut first = anchor;
    let mut offset = within;
    while first > 0 && within == 0 {
        let row = card_row(ui, first - 1, columns, inner.width);
        if built + row.height > height {
            break;
        }
        first -= 1;
        built += row.height;
        rows.insert(0, row);
        offset = 0;
    }
    let offset = offset.min(built.saturating_sub(height));
    let cut_to_title = last_row_shown(&rows, built, offset + height) == Some(1);
    View {
        more_above: first > 0 || offset > 0,
        more_below: next < row_count && built <= offset + height || cut_to_title,
        rows,
        offset,
    }
}

/// How many of the last card row's rows the window shows, if it cuts that
/// row: a card cut to its title row has no room to say "↓ more" itself.
fn last_row_shown(rows: &[CardRow], built: usize, window_end: usize) -> Option<usize> {
    let last = rows.last()?;
    let top = built - last.height;
    (window_end < built).then(|| window_end.saturating_sub(top))
}

/// The look whose card row to start from, and how far into that row to
/// scroll: the cursor's card when the pane has focus (far enough in to show
/// a paired bag below a tall card's fold), otherwise the first card that
/// pairs with the selected bag.
fn anchor(ui: &Scene, inner: Rect, columns: usize) -> (usize, usize) {
    let looks = &ui.app.lookbook().looks;
    if ui.app.focus() == Pane::Styling {
        let Some(stop) = ui.app.styling_stop() else {
            return (0, 0);
        };
        let look = stop.look();
        let Stop::Pair { pair, .. } = stop else {
            return (look, 0);
        };
        let width = card_width(inner.width, columns, looks.len(), look);
        let card = card(ui, look, width.saturating_sub(4));
        let cursor_row = 1 + card.pair_row(pair);
        // One row more than the cursor's: a card cut by the window closes
        // with its border on the last row, which must not hide the cursor.
        return (
            look,
            (cursor_row + 2).saturating_sub(usize::from(inner.height)),
        );
    }
    let Some(relevant) = ui
        .app
        .selected()
        .and_then(|bag| looks.iter().position(|look| look.pairs.contains(&bag)))
    else {
        return (0, 0);
    };
    // Scroll only when the marked card would be out of sight: a pane that
    // stays put as the selection moves is calmer to read, and over SSH a
    // keystroke then sends the marks that changed, not a whole pane.
    let height = usize::from(inner.height);
    let mut top = 0;
    for row in 0..relevant / columns {
        if top + MIN_CARD_SHOWN > height {
            break;
        }
        top += card_row(ui, row, columns, inner.width).height;
    }
    if top + MIN_CARD_SHOWN <= height {
        (0, 0)
    } else {
        (relevant, 0)
    }
}

/// Columns of equal width, the last taking what division leaves over.
fn column_width(width: u16, columns: usize, column: usize) -> u16 {
    let columns = u16::try_from(columns).unwrap_or(1).max(1);
    let column = u16::try_from(column).unwrap_or(0).min(columns - 1);
    let each = width / columns;
    if column + 1 == columns {
        width - each * column
    } else {
        each
    }
}

/// The width of look `look`'s card: its row's share. A last row with fewer
/// cards than columns shares the whole width, so no card sits beside an
/// empty space.
fn card_width(width: u16, columns: usize, looks: usize, look: usize) -> u16 {
    let first = look - look % columns;
    let in_row = looks.min(first + columns) - first;
    column_width(width, in_row, look - first)
}

fn card_row(ui: &Scene, row: usize, columns: usize, width: u16) -> CardRow {
    let looks = ui.app.lookbook().looks.len();
    let first = row * columns;
    let mut cards = Vec::new();
    let mut slots = Vec::new();
    let mut x = 0;
    for look in first..looks.min(first + columns) {
        let card_width = card_width(width, columns, looks, look);
        // Border and one cell of padding on each side.
        cards.push(card(ui, look, card_width.saturating_sub(4)));
        slots.push(Slot {
            x,
            width: card_width,
            top: 0,
            height: 0,
        });
        x += card_width;
    }
    let height = cards.iter().map(Card::height).max().unwrap_or(0);
    for slot in &mut slots {
        slot.height = height;
    }
    CardRow {
        cards,
        slots,
        height,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::app::App;
    use crate::app::keymap::parse_keys;
    use crate::lookbook::parse;
    use crate::ui::theme::Theme;

    /// Three looks, one a row; the third alone pairs with the second bag.
    fn three_looks() -> App {
        let mut toml = String::from(
            "[lookbook]\ntitle = \"T\"\nsource = \"S\"\ncurrency = \"GBP\"\n\n\
             [[bag]]\nid = \"a\"\nname = \"A\"\nbrand = \"B\"\nretailer = \"R\"\nprice = 1\n\n\
             [[bag]]\nid = \"b\"\nname = \"B\"\nbrand = \"B\"\nretailer = \"R\"\nprice = 2\n\n",
        );
        for (look, pairs) in [("x", "a"), ("y", "a"), ("z", "b")] {
            toml.push_str(&format!(
                "[[look]]\nid = \"{look}\"\nwearer = \"W {look}\"\noutfit = [\"o\"]\n\
                 carried = \"c\"\npairs = [\"{pairs}\"]\n\n"
            ));
        }
        let mut app = App::new(Arc::new(parse(&toml, "three.toml").expect("loads")));
        for key in parse_keys("j").expect("keys") {
            app.handle_key(key);
        }
        app
    }

    /// With the list focused, the pane keeps its place while the marked
    /// card shows at least MIN_CARD_SHOWN rows from its top, and starts at
    /// the marked card once it would not: exactly at the boundary.
    #[test]
    fn the_pane_scrolls_to_the_marked_card_only_when_it_would_be_out_of_sight() {
        let app = three_looks();
        let theme = Theme::ansi();
        let ui = Scene::new(&app, &theme);
        assert_eq!(app.selected(), Some(1), "bag B, paired with the third look");
        let width = 40;
        let above: usize = (0..2).map(|row| card_row(&ui, row, 1, width).height).sum();
        let fits = u16::try_from(above + MIN_CARD_SHOWN).expect("small");
        let at = |height| anchor(&ui, Rect::new(0, 0, width, height), 1);
        assert_eq!(at(fits), (0, 0), "its first rows show from the top");
        assert_eq!(at(fits - 1), (2, 0), "one row less: start at it");
        // Room for the first card and a few rows: the second card pushes
        // the marked one out of sight, however the count goes.
        let first = u16::try_from(card_row(&ui, 0, 1, width).height).expect("small");
        let min = u16::try_from(MIN_CARD_SHOWN).expect("small");
        assert_eq!(at(first + min), (2, 0));
        // Two a row: the marked card is on the second row.
        let two_up = u16::try_from(card_row(&ui, 0, 2, width).height).expect("small");
        let at_two = |height| anchor(&ui, Rect::new(0, 0, width, height), 2);
        assert_eq!(at_two(two_up + min), (0, 0));
        assert_eq!(at_two(two_up + min - 1), (2, 0));
    }
}
