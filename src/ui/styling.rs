//! The styling pane: each celebrity look as a card (outfit, the bag carried,
//! the note) with the bags from the edit that pair with it.

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::drawing::{self, Sketch};
use super::{pane, text};
use crate::app::{App, Pane, Stop};
use crate::lookbook::Look;
use crate::words::count;

const CURSOR: &str = "▶ ";
/// Marks, on a card, the bag selected in the list.
const SELECTED_BAG: &str = "◆ ";
const NO_MARKER: &str = "  ";

/// One look, laid out for a given width.
struct Card {
    look: usize,
    lines: Vec<Line<'static>>,
    /// The content row of each paired bag.
    pair_rows: Vec<usize>,
    /// Whether the bag selected in the list pairs with this look.
    relevant: bool,
    /// The content row of the drawing of the bag carried, when it fits.
    thumbnail_row: Option<usize>,
}

/// The drawing of the bag a look's wearer carried, left of its description;
/// shown when the card leaves the description `MIN_DESCRIPTION_WIDTH`.
const THUMBNAIL_WIDTH: u16 = 16;
const THUMBNAIL_HEIGHT: u16 = 7;
const MIN_DESCRIPTION_WIDTH: usize = 12;

impl Card {
    fn height(&self) -> usize {
        self.lines.len() + 2
    }
}

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

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme();
    let looks = &app.lookbook().looks;
    let focused = app.focus() == Pane::Styling;
    let title = format!(
        " {} ({}) ",
        pane::title(Pane::Styling),
        count(looks.len(), "look")
    );
    let block = pane::block(theme, title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    if looks.is_empty() {
        frame.render_widget(
            Line::styled("This lookbook has no looks.", theme.muted),
            inner,
        );
        return;
    }
    let columns = usize::from(inner.width / MIN_CARD_WIDTH).clamp(1, looks.len());
    let view = rows_in_view(app, inner, columns);
    let mut top = 0;
    for row in &view.rows {
        for (card, slot) in row.cards.iter().zip(&row.slots) {
            let slot = Slot { top, ..*slot };
            let shown = shown_rows(&slot, view.offset, usize::from(inner.height));
            if shown.is_empty() {
                continue;
            }
            let cursor_on_card = focused && app.styling_stop() == Some(Stop::Look(card.look));
            let rendered = render_card(app, card, &slot, cursor_on_card, &shown);
            blit(&rendered, frame.buffer_mut(), inner, &slot, view.offset);
        }
        top += row.height;
    }
    if view.more_above {
        more_marker(frame, area, " ↑ more ", area.y, app);
    }
    if view.more_below {
        more_marker(
            frame,
            area,
            " ↓ more ",
            area.bottom().saturating_sub(1),
            app,
        );
    }
}

/// Says on a border row that the content goes on past it.
fn more_marker(frame: &mut Frame, area: Rect, marker: &'static str, y: u16, app: &App) {
    let row = Rect::new(area.x + 1, y, area.width.saturating_sub(2), 1).intersection(area);
    frame.render_widget(Line::styled(marker, app.theme().muted).right_aligned(), row);
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
fn rows_in_view(app: &App, inner: Rect, columns: usize) -> View {
    let looks = app.lookbook().looks.len();
    let height = usize::from(inner.height);
    let row_count = looks.div_ceil(columns);
    let (anchor_look, within) = anchor(app, inner, columns);
    let anchor = anchor_look / columns;
    let mut rows = Vec::new();
    let mut built = 0;
    let mut next = anchor;
    while next < row_count && built < within + height {
        let row = card_row(app, next, columns, inner.width);
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
        let row = card_row(app, first - 1, columns, inner.width);
        if built + row.height > height {
            break;
        }
        first -= 1;
        built += row.height;
        rows.insert(0, row);
        offset = 0;
    }
    let offset = offset.min(built.saturating_sub(height));
    View {
        rows,
        offset,
        more_above: first > 0 || offset > 0,
        more_below: next < row_count && built <= offset + height,
    }
}

/// The look whose card row to start from, and how far into that row to
/// scroll: the cursor's card when the pane has focus (far enough in to show
/// a paired bag below a tall card's fold), otherwise the first card that
/// pairs with the selected bag.
fn anchor(app: &App, inner: Rect, columns: usize) -> (usize, usize) {
    let looks = &app.lookbook().looks;
    if app.focus() == Pane::Styling {
        let Some(stop) = app.styling_stop() else {
            return (0, 0);
        };
        let look = stop.look();
        let Stop::Pair { pair, .. } = stop else {
            return (look, 0);
        };
        let width = column_width(inner.width, columns, look % columns);
        let card = card(app, look, width.saturating_sub(4));
        let cursor_row = 1 + card.pair_rows.get(pair).copied().unwrap_or(0);
        // One row more than the cursor's: a card cut by the window closes
        // with its border on the last row, which must not hide the cursor.
        return (
            look,
            (cursor_row + 2).saturating_sub(usize::from(inner.height)),
        );
    }
    let Some(relevant) = app
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
        top += card_row(app, row, columns, inner.width).height;
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

fn card_row(app: &App, row: usize, columns: usize, width: u16) -> CardRow {
    let looks = app.lookbook().looks.len();
    let first = row * columns;
    let mut cards = Vec::new();
    let mut slots = Vec::new();
    let mut x = 0;
    for (column, look) in (first..looks.min(first + columns)).enumerate() {
        let card_width = column_width(width, columns, column);
        // Border and one cell of padding on each side.
        cards.push(card(app, look, card_width.saturating_sub(4)));
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

fn card(app: &App, look_index: usize, width: u16) -> Card {
    let theme = app.theme();
    let lookbook = app.lookbook();
    let look: &Look = &lookbook.looks[look_index];
    let width = usize::from(width).max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let wrapped = |text: &str, indent: &'static str, style: Style| -> Vec<Line<'static>> {
        text::wrap(text, width.saturating_sub(text::width(indent)))
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                let lead = if i == 0 {
                    indent.to_string()
                } else {
                    " ".repeat(text::width(indent))
                };
                Line::from(vec![
                    Span::styled(lead, theme.accent),
                    Span::styled(line, style),
                ])
            })
            .collect()
    };
    lines.push(Line::styled("Outfit", theme.label));
    for piece in &look.outfit {
        lines.extend(wrapped(piece, "• ", Style::new()));
    }
    let label = Span::styled("Carried", theme.label);
    let thumbnail_row = carried(&mut lines, label, &look.carried.description, width);
    if let Some(note) = &look.note {
        let italic = theme.muted.add_modifier(Modifier::ITALIC);
        lines.extend(wrapped(note, "", italic));
    }
    let mut pair_rows = Vec::new();
    if !look.pairs.is_empty() {
        let total = look
            .pairs
            .iter()
            .map(|&b| lookbook.bags[b].price)
            .fold(0, |sum, p| sum + p.minor);
        let total = lookbook
            .currency
            .format(crate::lookbook::Price::from_minor(total));
        lines.extend(wrapped("Shop the look (our pick)", "", theme.label));
        for (pair, &bag) in look.pairs.iter().enumerate() {
            pair_rows.push(lines.len());
            let at_cursor = app.focus() == Pane::Styling
                && app.styling_stop()
                    == Some(Stop::Pair {
                        look: look_index,
                        pair,
                    });
            lines.push(pair_row(app, bag, at_cursor, width));
        }
        let together = match app.budget() {
            Some(budget) => {
                let within = look
                    .pairs
                    .iter()
                    .filter(|&&b| lookbook.bags[b].price <= budget)
                    .count();
                format!("  Together · {within} of {} in budget", look.pairs.len())
            }
            None => "  Together".to_string(),
        };
        let together =
            text::truncate(&together, width.saturating_sub(text::width(&total) + 1)).into_owned();
        let gap = width.saturating_sub(text::width(&together) + text::width(&total));
        lines.push(Line::from(vec![
            Span::styled(together, theme.muted),
            Span::raw(" ".repeat(gap)),
            Span::styled(total, theme.price),
        ]));
    }
    Card {
        look: look_index,
        lines,
        pair_rows,
        relevant: app.selected().is_some_and(|bag| look.pairs.contains(&bag)),
        thumbnail_row,
    }
}

/// "Carried" and the description of the bag, beside room for its drawing
/// when the card is wide enough; returns the drawing's first row.
fn carried(
    lines: &mut Vec<Line<'static>>,
    label: Span<'static>,
    description: &str,
    width: usize,
) -> Option<usize> {
    let indent = usize::from(THUMBNAIL_WIDTH) + 1;
    if width < indent + MIN_DESCRIPTION_WIDTH {
        lines.push(Line::from(label));
        lines.extend(text::wrap(description, width).into_iter().map(Line::from));
        return None;
    }
    let top = lines.len();
    let column = std::iter::once(label).chain(
        text::wrap(description, width - indent)
            .into_iter()
            .map(Span::raw),
    );
    let column: Vec<Span> = column.collect();
    let rows = column.len().max(usize::from(THUMBNAIL_HEIGHT));
    let mut column = column.into_iter();
    for _ in 0..rows {
        let text = column.next().unwrap_or_default();
        lines.push(Line::from(vec![Span::raw(" ".repeat(indent)), text]));
    }
    Some(top)
}

fn pair_row(app: &App, bag_index: usize, at_cursor: bool, width: usize) -> Line<'static> {
    let theme = app.theme();
    let bag = &app.lookbook().bags[bag_index];
    let is_selected_bag = app.selected() == Some(bag_index);
    let marker = match (at_cursor, is_selected_bag) {
        (true, _) => CURSOR,
        (false, true) => SELECTED_BAG,
        (false, false) => NO_MARKER,
    };
    let price = app.lookbook().currency.format(bag.price);
    let room = width.saturating_sub(text::width(marker) + text::width(&price) + 1);
    let name = text::truncate(&bag.name, room).into_owned();
    let gap = width.saturating_sub(text::width(marker) + text::width(&name) + text::width(&price));
    let over_budget = app.budget().is_some_and(|budget| bag.price > budget);
    let name_style = match (is_selected_bag, over_budget) {
        (true, _) => theme.accent,
        (false, true) => theme.muted,
        (false, false) => Style::new(),
    };
    let price_style = if over_budget {
        theme.muted
    } else {
        theme.price
    };
    let mut spans = vec![
        Span::styled(marker, theme.accent),
        Span::styled(name, name_style),
        Span::raw(" ".repeat(gap)),
        Span::styled(price, price_style),
    ];
    if room < 4 {
        spans.truncate(2);
    }
    if at_cursor {
        spans = spans
            .into_iter()
            .map(|s| s.patch_style(theme.selected))
            .collect();
    }
    Line::from(spans)
}

/// Draws a card into a buffer of its own, so a card cut by the pane's edge
/// still shows its border and content in the right place. A card cut by the
/// window (`shown` is not all its rows) is closed by its own border at the
/// cut, marked with which way the rest is, and its drawing is left out
/// unless it shows whole: half a bag reads as a glitch.
fn render_card(
    app: &App,
    card: &Card,
    slot: &Slot,
    cursor_on_card: bool,
    shown: &Range<usize>,
) -> Buffer {
    let theme = app.theme();
    let look = &app.lookbook().looks[card.look];
    let height = u16::try_from(slot.height).unwrap_or(u16::MAX);
    let area = Rect::new(0, 0, slot.width, height);
    let mut buffer = Buffer::empty(area);
    let mut block = pane::block(theme, format!(" {} ", look.wearer), cursor_on_card);
    if card.relevant {
        block = block.title(Line::styled(" ◆ this bag ", theme.accent).right_aligned());
        if !cursor_on_card {
            block = block.border_style(theme.accent);
        }
    }
    let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
    block.render(area, &mut buffer);
    Paragraph::new(card.lines.clone()).render(inner, &mut buffer);
    let cut_top = shown.start > 0;
    let cut_bottom = shown.end < slot.height;
    let whole = (shown.start + usize::from(cut_top))..(shown.end - usize::from(cut_bottom));
    if let Some(row) = card.thumbnail_row.and_then(|row| u16::try_from(row).ok()) {
        let thumbnail = Rect::new(
            inner.x,
            inner.y.saturating_add(row),
            THUMBNAIL_WIDTH,
            THUMBNAIL_HEIGHT,
        )
        .intersection(inner);
        let rows = usize::from(thumbnail.top())..usize::from(thumbnail.bottom());
        if whole.start <= rows.start && rows.end <= whole.end {
            let sketch = Sketch::of_carried(&look.carried);
            drawing::render(&sketch, thumbnail, &mut buffer, theme.drawing);
        }
    }
    if shown.len() >= 2 {
        if cut_top {
            // The title row again, so the reader knows whose card goes on.
            copy_row(&mut buffer, 0, shown.start);
        }
        if cut_bottom {
            let last = copy_row(&mut buffer, height - 1, shown.end - 1);
            let row = Rect::new(1, last, slot.width.saturating_sub(2), 1);
            Line::styled(" ↓ more ", theme.muted)
                .right_aligned()
                .render(row, &mut buffer);
        }
    }
    buffer
}

/// Copies the card's border row `from` over row `to`; returns `to`.
fn copy_row(buffer: &mut Buffer, from: u16, to: usize) -> u16 {
    let to = u16::try_from(to).unwrap_or(from);
    for x in 0..buffer.area.width {
        buffer[(x, to)] = buffer[(x, from)].clone();
    }
    to
}

/// Copies the rows of `card` (placed at `slot` in the pane's content) that
/// fall inside the window starting at content row `offset`.
fn blit(card: &Buffer, target: &mut Buffer, window: Rect, slot: &Slot, offset: usize) {
    for row in 0..card.area.height {
        let content_row = slot.top + usize::from(row);
        let Some(screen_row) = content_row.checked_sub(offset) else {
            continue;
        };
        if screen_row >= usize::from(window.height) {
            break;
        }
        // Below the window's height, so within u16.
        let y = window.y + u16::try_from(screen_row).unwrap_or(u16::MAX - window.y);
        for x in 0..card.area.width.min(window.width.saturating_sub(slot.x)) {
            target[(window.x + slot.x + x, y)] = card[(x, row)].clone();
        }
    }
}
