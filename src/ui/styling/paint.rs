//! Putting cards on screen: each card is painted as the band of its rows
//! the pane shows (never its whole height, which a look with many pairs
//! makes huge), then copied into the pane.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::Slot;
use super::card::{Card, THUMBNAIL_HEIGHT, THUMBNAIL_WIDTH};
use crate::photos::PhotoMode;
use crate::ui::Scene;
use crate::ui::drawing::{self, Sketch};
use crate::ui::{pane, photo, text};

/// The top border, a middle row and the bottom border of a card's frame.
const FRAME_ROWS: u16 = 3;

/// Rows of a card, painted, and where in them its photo went (when it has
/// one, drawn whole).
pub struct Band {
    pub buffer: Buffer,
    pub photo: Option<Rect>,
}

/// Paints rows `shown` of a card (in its own coordinates, border
/// included) into a buffer of their own. A card cut by the window is
/// closed by its own border at the cut, marked with which way the rest is,
/// and its drawing is left out unless it shows whole: half a bag reads as
/// a glitch.
pub fn band(
    ui: &Scene,
    card: &Card,
    slot: &Slot,
    cursor_on_card: bool,
    shown: &Range<usize>,
) -> Band {
    let frame = card_frame(ui, card, slot.width, cursor_on_card);
    let rows = u16::try_from(shown.len()).unwrap_or(u16::MAX);
    let mut buffer = Buffer::empty(Rect::new(0, 0, slot.width, rows));
    let content_width = slot.width.saturating_sub(4);
    for (y, row) in (0..rows).zip(shown.clone()) {
        let from = if row == 0 {
            0
        } else if row + 1 == slot.height {
            FRAME_ROWS - 1
        } else {
            1
        };
        copy_row(&frame, from, &mut buffer, y);
        if from == 1 && row - 1 < card.content_rows() {
            let area = Rect::new(2, y, content_width, 1);
            Paragraph::new(card.line(ui, row - 1)).render(area, &mut buffer);
        }
    }
    let cut_top = shown.start > 0;
    let cut_bottom = shown.end < slot.height;
    let whole = (shown.start + usize::from(cut_top))..(shown.end - usize::from(cut_bottom));
    let mut photo_at = None;
    if let Some(row) = card.thumbnail_row {
        let rows = (row + 1)..(row + 1 + usize::from(THUMBNAIL_HEIGHT));
        if whole.start <= rows.start && rows.end <= whole.end {
            let y = u16::try_from(rows.start - shown.start).unwrap_or(u16::MAX);
            let area = Rect::new(2, y, THUMBNAIL_WIDTH.min(content_width), THUMBNAIL_HEIGHT);
            let look = &ui.app.lookbook().looks[card.look];
            // The look's photo when it has one (and can be read), else the
            // drawing of the bag carried.
            let photo = look
                .image
                .as_ref()
                .filter(|_| ui.theme.photos != PhotoMode::Off);
            photo_at = photo.and_then(|photo| photo::draw(photo, area, &mut buffer, true, ui));
            if photo_at.is_none() {
                let sketch = Sketch::of_carried(&look.carried);
                drawing::render(&sketch, area, &mut buffer, ui.theme.drawing);
            }
        }
    }
    if rows >= 2 {
        if cut_top {
            // The title row again, so the reader knows whose card goes on.
            copy_row(&frame, 0, &mut buffer, 0);
        }
        if cut_bottom {
            copy_row(&frame, FRAME_ROWS - 1, &mut buffer, rows - 1);
            let area = Rect::new(1, rows - 1, slot.width.saturating_sub(2), 1);
            Line::styled(" ↓ more ", ui.theme.muted)
                .right_aligned()
                .render(area, &mut buffer);
        }
    }
    Band {
        buffer,
        photo: photo_at,
    }
}

/// The card's border, titles and all, three rows tall.
fn card_frame(ui: &Scene, card: &Card, width: u16, cursor_on_card: bool) -> Buffer {
    let theme = ui.theme;
    let look = &ui.app.lookbook().looks[card.look];
    // The mark of the selected bag's looks, short when the wearer needs the
    // room; the wearer ends in … when cut, never under the mark.
    let inside = usize::from(width).saturating_sub(2);
    let mark = match card.relevant {
        true => {
            let long = format!(" ◆ this {} ", ui.app.lookbook().nouns.one);
            let wanted = text::width(&look.wearer) + 2 + 1 + text::width(&long);
            if wanted <= inside {
                long
            } else {
                " ◆ ".to_string()
            }
        }
        false => String::new(),
    };
    let room = inside.saturating_sub(text::width(&mark) + usize::from(!mark.is_empty()) + 2);
    let wearer = text::truncate(&look.wearer, room);
    let mut block = pane::block(theme, format!(" {wearer} "), cursor_on_card);
    if card.relevant {
        block = block.title(Line::styled(mark, theme.accent).right_aligned());
        if !cursor_on_card {
            block = block.border_style(theme.accent);
        }
    }
    let area = Rect::new(0, 0, width, FRAME_ROWS);
    let mut buffer = Buffer::empty(area);
    block.render(area, &mut buffer);
    buffer
}

fn copy_row(from: &Buffer, from_row: u16, to: &mut Buffer, to_row: u16) {
    for x in 0..from.area.width.min(to.area.width) {
        to[(x, to_row)] = from[(x, from_row)].clone();
    }
}

/// Copies a card's band (its rows `shown`, placed at `slot` in the pane's
/// content) into the window starting at content row `offset`; returns
/// where its photo went on screen, when the window shows all of it.
pub fn blit(
    band: &Band,
    target: &mut Buffer,
    window: Rect,
    slot: &Slot,
    shown: &Range<usize>,
    offset: usize,
) -> Option<Rect> {
    let first = slot.top + shown.start;
    let photo = band.photo.and_then(|photo| {
        let row = (first + usize::from(photo.y)).checked_sub(offset)?;
        let on_screen = Rect::new(
            window.x.saturating_add(slot.x).saturating_add(photo.x),
            window.y.saturating_add(u16::try_from(row).ok()?),
            photo.width,
            photo.height,
        );
        (window.intersection(on_screen) == on_screen).then_some(on_screen)
    });
    let band = &band.buffer;
    for row in 0..band.area.height {
        let Some(screen_row) = (first + usize::from(row)).checked_sub(offset) else {
            continue;
        };
        let Ok(y) = u16::try_from(screen_row) else {
            break;
        };
        if y >= window.height {
            break;
        }
        for x in 0..band.area.width.min(window.width.saturating_sub(slot.x)) {
            target[(window.x + slot.x + x, window.y + y)] = band[(x, row)].clone();
        }
    }
    photo
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::card::card;
    use super::*;
    use crate::app::App;
    use crate::lookbook::bundled;
    use crate::ui::theme::Theme;

    /// A card the window cuts exactly at its thumbnail's first row shows
    /// none of it: that row goes to the repeated title, and half a drawing
    /// would be a torn one.
    #[test]
    fn a_card_cut_at_its_thumbnail_shows_none_of_it() {
        let app = App::new(Arc::new(bundled()));
        let theme = Theme::ansi();
        let ui = Scene::new(&app, &theme);
        let card = card(&ui, 0, 40);
        let first = card.thumbnail_row.expect("a thumbnail") + 1;
        let height = card.height();
        let slot = Slot {
            x: 0,
            width: 44,
            top: 0,
            height,
        };
        let is_block = |c: char| ('\u{2580}'..='\u{259f}').contains(&c);
        let drawn_rows = |shown: Range<usize>| {
            let band = band(&ui, &card, &slot, false, &shown).buffer;
            (0..band.area.height)
                .filter(|&y| {
                    (2..2 + THUMBNAIL_WIDTH).any(|x| band[(x, y)].symbol().chars().any(is_block))
                })
                .count()
        };
        assert!(drawn_rows(0..height) > 0, "whole, the card draws it");
        assert_eq!(drawn_rows(first..height), 0, "cut at its first row");
        assert_eq!(
            drawn_rows(first - 1..height),
            drawn_rows(0..height),
            "whole below the title"
        );
    }
}
