//! The styling pane: each celebrity look as a card (outfit, the bag carried,
//! the note) with the bags from the edit that pair with it.

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

/// Where a card sits in the pane's scrollable content.
struct Slot {
    x: u16,
    width: u16,
    top: usize,
    height: usize,
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme();
    let looks = &app.lookbook().looks;
    let focused = app.focus() == Pane::Styling;
    let title = format!(" {} ({} looks) ", Pane::Styling.title(), looks.len());
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
    let slots = slots(inner.width, columns, looks.len());
    // Border and one cell of padding on each side.
    let cards: Vec<Card> = slots
        .iter()
        .enumerate()
        .map(|(look, slot)| card(app, look, slot.width.saturating_sub(4)))
        .collect();
    let slots = with_heights(slots, &cards, columns);
    let total = slots.iter().map(|s| s.top + s.height).max().unwrap_or(0);
    let offset = scroll_offset(app, &cards, &slots, usize::from(inner.height), total);
    for (card, slot) in cards.iter().zip(&slots) {
        if slot.top + slot.height <= offset || slot.top >= offset + usize::from(inner.height) {
            continue;
        }
        let cursor_on_card = focused && app.styling_stop() == Some(Stop::Look(card.look));
        let rendered = render_card(app, card, slot, cursor_on_card);
        blit(&rendered, frame.buffer_mut(), inner, slot, offset);
    }
}

/// Columns of equal width, the last taking what division leaves over.
fn slots(width: u16, columns: usize, count: usize) -> Vec<Slot> {
    let columns_u16 = u16::try_from(columns).unwrap_or(1).max(1);
    let column_width = width / columns_u16;
    (0..count)
        .map(|i| {
            let column = u16::try_from(i % columns).unwrap_or(0);
            let x = column * column_width;
            let last = column + 1 == columns_u16;
            Slot {
                x,
                width: if last { width - x } else { column_width },
                top: 0,
                height: 0,
            }
        })
        .collect()
}

/// Each row of cards is as tall as its tallest card, so borders line up.
fn with_heights(mut slots: Vec<Slot>, cards: &[Card], columns: usize) -> Vec<Slot> {
    let mut top = 0;
    for (row_slots, row_cards) in slots.chunks_mut(columns).zip(cards.chunks(columns)) {
        let height = row_cards.iter().map(Card::height).max().unwrap_or(0);
        for slot in row_slots {
            slot.top = top;
            slot.height = height;
        }
        top += height;
    }
    slots
}

/// Shows the cursor's card when the pane has focus; otherwise the first
/// card that pairs with the selected bag.
fn scroll_offset(app: &App, cards: &[Card], slots: &[Slot], height: usize, total: usize) -> usize {
    let max = total.saturating_sub(height);
    let target = if app.focus() == Pane::Styling {
        app.styling_stop().map(|stop| {
            let look = stop.look();
            let card_top = slots[look].top;
            let row = match stop {
                Stop::Look(_) => card_top,
                Stop::Pair { pair, .. } => card_top + 1 + cards[look].pair_rows[pair],
            };
            // The whole card if it fits, else enough to show the cursor row.
            if row + 1 - card_top <= height {
                card_top
            } else {
                row + 1 - height
            }
        })
    } else {
        cards
            .iter()
            .position(|c| c.relevant)
            .map(|i| card_top_within(slots, slots[i].top, max))
    };
    target.unwrap_or(0).min(max)
}

/// `top` if the pane can scroll that far; else the lowest card top it can
/// reach, so the pane never opens on a card cut through its middle.
fn card_top_within(slots: &[Slot], top: usize, max: usize) -> usize {
    if top <= max {
        return top;
    }
    slots
        .iter()
        .map(|slot| slot.top)
        .filter(|&t| t <= max)
        .max()
        .unwrap_or(0)
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
        let gap = width.saturating_sub(2 + "Together".len() + text::width(&total));
        lines.push(Line::from(vec![
            Span::styled("  Together", theme.muted),
            Span::raw(" ".repeat(gap)),
            Span::styled(total, theme.price),
        ]));
    }
    Card {
        look: look_index,
        lines,
        pair_rows,
        relevant: look.pairs.contains(&app.selected()),
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
    let is_selected_bag = bag_index == app.selected();
    let marker = match (at_cursor, is_selected_bag) {
        (true, _) => CURSOR,
        (false, true) => SELECTED_BAG,
        (false, false) => NO_MARKER,
    };
    let price = app.lookbook().currency.format(bag.price);
    let room = width.saturating_sub(text::width(marker) + text::width(&price) + 1);
    let name = text::truncate(&bag.name, room).into_owned();
    let gap = width.saturating_sub(text::width(marker) + text::width(&name) + text::width(&price));
    let name_style = if is_selected_bag {
        theme.accent
    } else {
        Style::new()
    };
    let mut spans = vec![
        Span::styled(marker, theme.accent),
        Span::styled(name, name_style),
        Span::raw(" ".repeat(gap)),
        Span::styled(price, theme.price),
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
/// still shows its border and content in the right place.
fn render_card(app: &App, card: &Card, slot: &Slot, cursor_on_card: bool) -> Buffer {
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
    if let Some(row) = card.thumbnail_row.and_then(|row| u16::try_from(row).ok()) {
        let thumbnail = Rect::new(
            inner.x,
            inner.y.saturating_add(row),
            THUMBNAIL_WIDTH,
            THUMBNAIL_HEIGHT,
        )
        .intersection(inner);
        let sketch = Sketch::of_carried(&look.carried);
        drawing::render(&sketch, thumbnail, &mut buffer, theme.drawing);
    }
    buffer
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
        let y = window.y + screen_row as u16;
        for x in 0..card.area.width.min(window.width.saturating_sub(slot.x)) {
            target[(window.x + slot.x + x, y)] = card[(x, row)].clone();
        }
    }
}
