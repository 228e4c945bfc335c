//! The detail pane: everything the file says of the selected bag, and the
//! looks it pairs with.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{pane, text};
use crate::app::{App, Pane};
use crate::lookbook::Bag;

/// Labels are padded to this many cells so values line up.
const LABEL_WIDTH: usize = 10;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus() == Pane::Detail;
    let block = pane::block(app.theme(), format!(" {} ", Pane::Detail.title()), focused);
    let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(block, area);
    let lines = lines(app, inner.width);
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = app.detail_scroll().min(max_scroll);
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
    if max_scroll > 0 {
        let more = if scroll < max_scroll {
            " ↓ more "
        } else {
            " ↑ "
        };
        let marker = Line::styled(more, app.theme().muted).right_aligned();
        let bottom = Rect::new(
            area.x + 1,
            area.bottom().saturating_sub(1),
            area.width.saturating_sub(2),
            1,
        );
        frame.render_widget(marker, bottom);
    }
}

pub fn content_height(app: &App, width: u16) -> usize {
    lines(app, width).len()
}

fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some((bag_index, bag)) = app.selected().map(|i| (i, &app.lookbook().bags[i])) else {
        return vec![Line::styled("No bag selected.", app.theme().muted)];
    };
    let width = usize::from(width).max(1);
    let theme = app.theme();
    let mut out: Vec<Line> = text::wrap(&bag.name, width)
        .into_iter()
        .map(|line| Line::styled(line, theme.name))
        .collect();
    out.push(Line::default());
    for (label, value) in facts(app, bag) {
        push_fact(&mut out, label, &value, width, app);
    }
    if let Some(note) = &bag.note {
        out.push(Line::default());
        let style = Style::new().add_modifier(Modifier::ITALIC);
        out.extend(
            text::wrap(note, width)
                .into_iter()
                .map(|line| Line::styled(line, style)),
        );
    }
    let looks: Vec<usize> = app.lookbook().looks_pairing(bag_index).collect();
    if !looks.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(
            "Pairs with (our styling suggestion)",
            theme.label,
        ));
        for look in looks {
            let wearer = &app.lookbook().looks[look].wearer;
            let entry = format!("{wearer}'s look");
            for (i, line) in text::wrap(&entry, width.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                let bullet = if i == 0 { "◆ " } else { "  " };
                out.push(Line::from(vec![
                    Span::styled(bullet, theme.accent),
                    Span::raw(line),
                ]));
            }
        }
    }
    out
}

/// The labelled facts of a bag, in reading order; empty fields are left out.
fn facts(app: &App, bag: &Bag) -> Vec<(&'static str, String)> {
    let price = app.lookbook().currency.format(bag.price);
    let mut facts = vec![
        ("Brand", bag.brand.clone()),
        ("Price", price),
        ("Retailer", bag.retailer.clone()),
    ];
    let optional = [
        ("Size", bag.size.map(|s| s.to_string())),
        ("Shape", bag.shape.map(|s| s.to_string())),
        ("Materials", join(&bag.materials)),
        ("Colours", join(&bag.colours)),
        ("Seen on", join(&bag.seen_on)),
    ];
    facts.extend(
        optional
            .into_iter()
            .filter_map(|(label, value)| Some((label, value?))),
    );
    facts
}

fn join(values: &[String]) -> Option<String> {
    (!values.is_empty()).then(|| values.join(", "))
}

/// `Label     value`, the value wrapped under itself; on a pane too narrow
/// for both, the value goes under the label.
fn push_fact(
    out: &mut Vec<Line<'static>>,
    label: &'static str,
    value: &str,
    width: usize,
    app: &App,
) {
    let theme = app.theme();
    let value_style = if label == "Price" {
        theme.price
    } else {
        Style::new()
    };
    if width < LABEL_WIDTH + 8 {
        out.push(Line::styled(label, theme.label));
        out.extend(
            text::wrap(value, width)
                .into_iter()
                .map(|l| Line::styled(l, value_style)),
        );
        return;
    }
    for (i, line) in text::wrap(value, width - LABEL_WIDTH)
        .into_iter()
        .enumerate()
    {
        let head = if i == 0 { label } else { "" };
        out.push(Line::from(vec![
            Span::styled(format!("{head:<LABEL_WIDTH$}"), theme.label),
            Span::styled(line, value_style),
        ]));
    }
}
