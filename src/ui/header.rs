//! The top line: what is being browsed, and who published it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Scene;
use super::text;
use crate::edit::Problem;
use crate::words::count;

pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) {
    match ui.app.problem() {
        Some(problem) => banner(frame, area, ui, problem),
        None => title(frame, area, ui),
    }
}

/// The file on disk has errors: the first, in one line, over the title.
/// It says `error:` in words, so it reads as one without colour.
fn banner(frame: &mut Frame, area: Rect, ui: &Scene, problem: &Problem) {
    let more = match problem.more {
        0 => String::new(),
        n => format!(" · +{n} more"),
    };
    let more_width = text::width(&more);
    let room = usize::from(area.width).saturating_sub(1 + more_width);
    let line = text::truncate(&format!("error: {}", problem.headline), room).into_owned();
    let spans = vec![
        Span::raw(" "),
        Span::styled(line, ui.theme.error),
        Span::styled(more, ui.theme.muted),
    ];
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn title(frame: &mut Frame, area: Rect, ui: &Scene) {
    let theme = ui.theme;
    let lookbook = ui.app.lookbook();
    let width = usize::from(area.width);
    // What matters most is kept when the line is short: the title, then the
    // budget in force, then the source, then the counts.
    let budget = ui
        .app
        .budget()
        .map(|budget| format!(" · under {}", lookbook.currency.format(budget)));
    let budget_width = budget.as_deref().map_or(0, text::width);
    let title_room = width.saturating_sub(1 + budget_width);
    let title = text::truncate(&lookbook.title, title_room).into_owned();
    let mut used = 1 + text::width(&title) + budget_width;
    let mut spans = vec![Span::raw(" "), Span::styled(title, theme.header)];
    let source_room = width.saturating_sub(used + 3);
    if source_room > 2 {
        let source = text::truncate(&lookbook.source, source_room).into_owned();
        used += 3 + text::width(&source);
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(source, theme.header_source));
    }
    if let Some(budget) = budget {
        spans.push(Span::styled(budget, theme.accent));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    // A notice (a reload) stands where the counts are, for a few seconds.
    let (counts, style) = match ui.app.notice() {
        Some(notice) => (format!("{notice} "), theme.pick),
        None => (
            format!(
                "{} · {} ",
                lookbook.nouns.count(lookbook.bags.len()),
                count(lookbook.looks.len(), "look")
            ),
            theme.muted,
        ),
    };
    if used + 2 + text::width(&counts) <= width {
        let counts = Paragraph::new(Span::styled(counts, style)).alignment(Alignment::Right);
        frame.render_widget(counts, area);
    }
}
