//! The list pane: each bag's name, brand and price (the brand in a column
//! of its own when the pane is wide, else on a dim second line), with the
//! filter or budget entry on top. Only the rows in view are built, so a frame costs
//! the same for eight bags or a hundred thousand.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Scene;
use super::{pane, text};
use crate::app::{Pane, Prompt, PromptKind};
use crate::layout;

/// Marks the selected row in every theme, colour or not.
const SELECTED: &str = "▶";
/// Marks a shortlisted bag.
const PICKED: &str = "✓";
/// Follows a filter in force, saying how to clear it.
const ESC_CLEARS: &str = "  Esc clears";
/// Follows a filter while a big edit is searched away from the keys.
const FILTERING: &str = "  filtering…";
/// The brand column takes a third of a wide list, up to this many cells.
const MAX_BRAND_COLUMN: usize = 22;
/// Room kept right of the brand column for the price and a space before
/// it: `£1,450.50`. A wider price narrows that row's brand.
const PRICE_COLUMN: usize = 11;

pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) {
    let theme = ui.theme;
    let focused = ui.app.focus() == Pane::List;
    // Cut to the border's length, with its … (the sort label is long).
    let room = usize::from(area.width.saturating_sub(4));
    let title = format!(" {} ", text::truncate(title(ui).trim(), room));
    let block = pane::block(theme, title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let prompt_rows = u16::try_from(ui.app.prompt_rows())
        .unwrap_or(0)
        .min(inner.height);
    let prompt_area = Rect {
        height: prompt_rows,
        ..inner
    };
    let rows_area = Rect {
        y: inner.y + prompt_rows,
        height: inner.height - prompt_rows,
        ..inner
    };
    frame.render_widget(Paragraph::new(prompt_lines(ui, inner.width)), prompt_area);
    if ui.app.visible().is_empty() {
        frame.render_widget(Paragraph::new(empty_state(ui, rows_area.width)), rows_area);
        return;
    }
    let item_rows = layout::item_rows(area.width);
    let rows = (usize::from(rows_area.height) / item_rows).max(1);
    let len = ui.app.visible().len();
    // The app keeps the selection in view at the rows this frame has.
    let offset = ui.app.list_offset();
    let lines: Vec<Line> = (offset..len.min(offset + rows))
        .flat_map(|position| item(ui, position, focused, rows_area.width, item_rows))
        .collect();
    frame.render_widget(Paragraph::new(lines), rows_area);
    if len > rows {
        pane::scrollbar(frame, area, theme, (len, rows, offset));
    }
}

/// ` Bags (8) `, or ` Bags 3 of 8 · price low–high ` once narrowed or sorted.
fn title(ui: &Scene) -> String {
    let total = ui.app.lookbook().bags.len();
    let shown = ui.app.visible().len();
    let filtering = !ui.app.filter().is_empty();
    let count = if shown == total {
        format!("({total})")
    } else {
        format!("{shown} of {total}")
    };
    let sort = ui.app.sort();
    if sort == crate::app::Sort::Edit && !filtering {
        format!(
            " {} {count} ",
            pane::title(Pane::List, &ui.app.lookbook().nouns)
        )
    } else {
        format!(
            " {} {count} · {} ",
            pane::title(Pane::List, &ui.app.lookbook().nouns),
            sort.label(filtering)
        )
    }
}

/// The entry being typed, or the filter in force.
fn prompt_lines(ui: &Scene, width: u16) -> Vec<Line<'static>> {
    let theme = ui.theme;
    let width = usize::from(width);
    let Some(prompt) = ui.app.prompt() else {
        if ui.app.filter().is_empty() {
            return Vec::new();
        }
        let kept = format!("/ {}", ui.app.filter());
        let after = if ui.app.is_searching() {
            FILTERING
        } else {
            ESC_CLEARS
        };
        let room = width.saturating_sub(text::width(after));
        return vec![Line::from(vec![
            Span::styled(text::truncate(&kept, room).into_owned(), theme.accent),
            Span::styled(after, theme.muted),
        ])];
    };
    let (label, help) = match prompt.kind {
        PromptKind::Filter if ui.app.is_searching() => ("/ ".to_string(), FILTERING),
        PromptKind::Filter => ("/ ".to_string(), "  Enter keeps · Esc clears"),
        PromptKind::Budget => (
            format!("Budget {} ", ui.app.lookbook().currency.symbol()),
            "  Enter sets · empty clears",
        ),
    };
    let mut lines = vec![entry_line(prompt, &label, help, width, ui)];
    if let Some(error) = &prompt.error {
        lines.push(Line::styled(
            text::truncate(error, width).into_owned(),
            theme.error,
        ));
    }
    lines
}

fn entry_line(
    prompt: &Prompt,
    label: &str,
    help: &'static str,
    width: usize,
    ui: &Scene,
) -> Line<'static> {
    let theme = ui.theme;
    // The end of what was typed stays in view as the entry grows.
    let room = width.saturating_sub(text::width(label) + 1);
    let typed = tail(&prompt.text, room);
    let mut spans = vec![
        Span::styled(label.to_string(), theme.label),
        Span::raw(typed.clone()),
        Span::styled("█", theme.accent),
    ];
    if text::width(label) + text::width(&typed) + 1 + text::width(help) <= width {
        spans.push(Span::styled(help, theme.muted));
    }
    Line::from(spans)
}

/// The last `max` cells of `text`.
fn tail(text: &str, max: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
}

/// What an empty list says: why, and how to get the bags back. A filter
/// that matched bags the budget then hid is not said to match none.
fn empty_state(ui: &Scene, width: u16) -> Vec<Line<'static>> {
    let theme = ui.theme;
    let mut said = Vec::new();
    let matched = ui.app.filter_matches().unwrap_or(0);
    let budget = ui
        .app
        .budget()
        .map(|budget| ui.app.lookbook().currency.format(budget));
    let filtering = !ui.app.filter().is_empty();
    let nouns = &ui.app.lookbook().nouns;
    // The budget is to blame when there is no filter, or the filter matched.
    let budget_hid = budget.is_some() && (!filtering || matched > 0);
    match (filtering, &budget) {
        (true, Some(budget)) if budget_hid => {
            said.push(format!(
                "{} match “{}”, none under {budget}.",
                nouns.count(matched),
                ui.app.filter()
            ));
        }
        (true, _) => said.push(format!("No {} match “{}”.", nouns.many, ui.app.filter())),
        (false, Some(budget)) => said.push(format!("Nothing under {budget}.")),
        (false, None) => {}
    }
    if budget_hid {
        said.push("b then Enter clears the budget.".to_string());
    }
    if filtering {
        said.push("Esc clears the filter.".to_string());
    }
    said.iter()
        .flat_map(|line| text::wrap(line, usize::from(width).max(1)))
        .map(|line| Line::styled(line, theme.muted))
        .collect()
}

/// The bag at `position` in the list: one row (name, brand column, price)
/// or two (name and price, then the brand), the selection marked on both.
fn item(
    ui: &Scene,
    position: usize,
    focused: bool,
    width: u16,
    item_rows: usize,
) -> Vec<Line<'static>> {
    let theme = ui.theme;
    let bag_index = ui.app.visible()[position];
    let bag = &ui.app.lookbook().bags[bag_index];
    let selected = position == ui.app.cursor();
    let width = usize::from(width);
    let price = ui.app.lookbook().currency.format(bag.price);
    let marker = if selected { SELECTED } else { " " };
    let pick = if ui.app.shortlist().contains(bag_index) {
        PICKED
    } else {
        " "
    };
    // In one row the brand has a column of its own, two cells clear of the
    // name, at the same place on every row whatever the price's width.
    let brand_column = if item_rows == 1 {
        (width / 3).min(MAX_BRAND_COLUMN)
    } else {
        0
    };
    let fixed = if brand_column > 0 {
        3 + PRICE_COLUMN + brand_column + 2
    } else {
        3 + text::width(&price) + 1
    };
    let (name_room, show_price) = if width >= fixed + 4 {
        (width - fixed, true)
    } else {
        (width.saturating_sub(3), false)
    };
    let name = text::truncate(&bag.name, name_room).into_owned();
    let name_width = text::width(&name);
    let mut spans = vec![
        Span::styled(marker, theme.accent),
        Span::styled(pick, theme.pick),
        Span::raw(" "),
    ];
    spans.extend(highlighted(ui, bag_index, name, theme.name));
    let mut used = 3 + name_width;
    if brand_column > 0 {
        let column_at = 3 + name_room + 2;
        let room = width.saturating_sub(column_at + text::width(&price) + 1);
        let brand = text::truncate(&bag.brand, room.min(brand_column)).into_owned();
        spans.push(Span::raw(" ".repeat(column_at.saturating_sub(used))));
        used = column_at + text::width(&brand);
        spans.push(Span::styled(brand, theme.muted));
    }
    if show_price {
        let gap = width.saturating_sub(used + text::width(&price));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(price, theme.price));
    }
    let mut lines = vec![spans];
    if item_rows == 2 {
        let brand = text::truncate(&bag.brand, width.saturating_sub(3)).into_owned();
        let gap = width.saturating_sub(3 + text::width(&brand));
        lines.push(vec![
            Span::raw("   "),
            Span::styled(brand, theme.muted),
            Span::raw(" ".repeat(gap)),
        ]);
    }
    pane::rows(lines, selected.then(|| theme.selection(focused)))
}

/// The name in runs, the characters the filter matched in the highlight
/// style.
fn highlighted(ui: &Scene, bag: usize, name: String, style: Style) -> Vec<Span<'static>> {
    let matched = match ui.app.search_index() {
        Some(index) if !ui.app.filter().is_empty() => index.name_matches(ui.app.filter(), bag),
        _ => Vec::new(),
    };
    if matched.is_empty() {
        return vec![Span::styled(name, style)];
    }
    let highlight = style.patch(ui.theme.highlight);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_is_match = false;
    for (i, c) in name.chars().enumerate() {
        let is_match = matched.binary_search(&i).is_ok() && c != text::ELLIPSIS;
        if is_match != run_is_match && !run.is_empty() {
            let run_style = if run_is_match { highlight } else { style };
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_is_match = is_match;
        run.push(c);
    }
    let run_style = if run_is_match { highlight } else { style };
    spans.push(Span::styled(run, run_style));
    spans
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::app::App;
    use crate::lookbook::bundled;
    use crate::ui::theme::Theme;

    #[test]
    fn the_end_of_a_long_entry_stays_in_view() {
        assert_eq!(tail("chiquito", 4), "uito");
        assert_eq!(tail("バッグ", 3), "グ");
    }

    /// The entry line's text for `typed` after `label`, `width` cells wide.
    fn entry(typed: &str, label: &str, help: &'static str, width: usize) -> String {
        let app = App::new(Arc::new(bundled()));
        let theme = Theme::ansi();
        let ui = Scene::new(&app, &theme);
        let prompt = Prompt {
            kind: PromptKind::Filter,
            text: typed.to_string(),
            error: None,
        };
        entry_line(&prompt, label, help, width, &ui).to_string()
    }

    #[test]
    fn an_entry_fills_its_width_and_keeps_the_cursor_in_it() {
        // "/ " (2) + "nano" (4) + the cursor (1) + "  ok" (4) is 11 cells.
        assert_eq!(entry("nano", "/ ", "  ok", 11), "/ nano█  ok");
        assert_eq!(
            entry("nano", "/ ", "  ok", 10),
            "/ nano█",
            "no room for the help"
        );
        // Past the room, the end of what was typed shows, and the cursor
        // is the last cell: 2 for the label, 5 typed, 1 cursor.
        assert_eq!(entry("chiquito", "/ ", "  ok", 8), "/ quito█");
        assert_eq!(entry("chiquito", "Budget £ ", "", 12), "Budget £ to█");
    }
}
