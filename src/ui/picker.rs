//! The picker: every edit on offer (its title, source and counts, and the
//! name that opens it), for the visitor to choose one.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::hints::{self, Hint};
use super::theme::Theme;
use super::{pane, text, too_small};
use crate::browser::{Browser, Problems};
use crate::layout::{self, Mode, PICKER_ROWS_PER_EDIT};
use crate::library::EditFile;
use crate::words::count;

/// Marks the chosen edit in every theme, colour or not.
const SELECTED: &str = "▶";

pub fn draw(frame: &mut Frame, browser: &Browser, theme: &Theme) {
    let area = frame.area();
    if layout::mode(area) == Mode::TooSmall {
        too_small::draw(frame, area, theme);
        return;
    }
    let regions = layout::picker_regions(area);
    header(frame, regions.header, browser, theme);
    list(frame, regions.list, browser, theme);
    let hint = |keys: &str, word| Hint {
        keys: keys.to_string(),
        word,
        kept: false,
    };
    let bar = vec![
        hint("↑↓", "choose"),
        hint("Enter", "open"),
        hint("q", "quit"),
    ];
    hints::bar(frame, regions.hints, theme, bar);
}

fn header(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme) {
    let edits = count(browser.catalogue().len(), "edit");
    let room = usize::from(area.width).saturating_sub(1);
    let title = text::truncate("Choose an edit", room).into_owned();
    let used = 1 + text::width(&title);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(" "),
            Span::styled(title, theme.header),
        ])),
        area,
    );
    if used + 2 + text::width(&edits) < usize::from(area.width) {
        let edits = Paragraph::new(Span::styled(format!("{edits} "), theme.muted))
            .alignment(Alignment::Right);
        frame.render_widget(edits, area);
    }
}

fn list(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme) {
    let entries = browser.catalogue().entries();
    let block = pane::block(theme, format!(" Edits ({}) ", entries.len()), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    if entries.is_empty() {
        let width = usize::from(inner.width).max(1);
        let lines: Vec<Line> = text::wrap(
            "No edits here right now: a lookbook saved in the folder shows up here.",
            width,
        )
        .into_iter()
        .map(|line| Line::styled(line, theme.muted))
        .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let rows = (usize::from(inner.height) / PICKER_ROWS_PER_EDIT).max(1);
    let offset = browser.picker_offset();
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .flat_map(|(at, entry)| {
            let selected = at == browser.picker_cursor();
            let problem = browser.problems() == Problems::Shown && entry.latest.problem.is_some();
            edit_rows(entry, selected, problem, usize::from(inner.width), theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if entries.len() > rows {
        pane::scrollbar(frame, area, theme, (entries.len(), rows, offset));
    }
}

/// An edit's rows: its title with its counts at the right, then its name
/// (its file's stem: `ssh NAME@HOST` opens it) and who published it, and a
/// word when the file has errors (and the browser shows them); then a
/// blank row.
fn edit_rows(
    entry: &EditFile,
    selected: bool,
    problem: bool,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let lookbook = entry.lookbook();
    let counts = format!(
        "{} · {}",
        lookbook.nouns.count(lookbook.bags.len()),
        count(lookbook.looks.len(), "look")
    );
    let marker = if selected { SELECTED } else { " " };
    // The counts go first when the row is short: the title is the edit.
    let show_counts = width >= 2 + 8 + 2 + text::width(&counts);
    let title_room = if show_counts {
        width - 2 - 2 - text::width(&counts)
    } else {
        width.saturating_sub(2)
    };
    let title = text::truncate(&lookbook.title, title_room).into_owned();
    let mut first = vec![
        Span::styled(marker, theme.accent),
        Span::raw(" "),
        Span::styled(title.clone(), theme.name),
    ];
    let used = 2 + text::width(&title);
    if show_counts {
        first.push(Span::raw(" ".repeat(width - used - text::width(&counts))));
        first.push(Span::styled(counts, theme.muted));
    } else {
        first.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    }

    let mut said = vec![(entry.stem.clone(), theme.accent)];
    said.push((lookbook.source.clone(), theme.header_source));
    if problem {
        said.push(("file has errors".to_string(), theme.error));
    }
    let mut second = vec![Span::raw("  ")];
    let mut used = 2;
    for (i, (words, style)) in said.into_iter().enumerate() {
        let gap = if i == 0 { "" } else { " · " };
        let room = width.saturating_sub(used + gap.len());
        if room < 2 {
            break;
        }
        let words = text::truncate(&words, room).into_owned();
        used += text::width(gap) + text::width(&words);
        second.push(Span::styled(gap, theme.muted));
        second.push(Span::styled(words, style));
    }
    second.push(Span::raw(" ".repeat(width.saturating_sub(used))));

    let mut lines = pane::rows(vec![first, second], selected.then(|| theme.selection(true)));
    lines.push(Line::default());
    lines
}
