//! The detail pane: a drawing of the selected bag, everything the file says
//! of it, and the looks it pairs with. The drawing is the top of the pane's
//! content, so it scrolls away with the text rather than eating into it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Scene;
use super::drawing::{self, Sketch};
use super::photo;
use super::{pane, text};
use crate::app::Pane;
use crate::layout::{Extent, LinkArea, PhotoArea};
use crate::lookbook::{Bag, Photo};
use crate::photos::PhotoMode;

/// Labels are padded to this many cells so values line up.
const LABEL_WIDTH: usize = LABEL_COLUMNS as usize;
const LABEL_COLUMNS: u16 = 10;

/// The drawing is shown only when the pane has this many rows, so the
/// facts keep most of a small pane; it takes at most `DRAWING_SHARE` of
/// them, and never more than `MAX_DRAWING_ROWS`.
const MIN_ROWS_FOR_DRAWING: u16 = 12;
/// Two fifths.
const DRAWING_SHARE: (u32, u32) = (2, 5);
const MAX_DRAWING_ROWS: u16 = 12;

/// What the pane drew that the app and pictures of the frame need.
pub struct Drawn {
    /// How long its content is and how much shows.
    pub extent: Extent,
    /// Where the bag's link is, when it is in view.
    pub link: Option<LinkArea>,
    /// Where its photo is, when it is wholly in view.
    pub photo: Option<PhotoArea>,
}

pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) -> Drawn {
    let focused = ui.app.focus() == Pane::Detail;
    let block = pane::block(
        ui.theme,
        format!(" {} ", pane::title(Pane::Detail, &ui.app.lookbook().nouns)),
        focused,
    );
    let inner = text_area(area);
    frame.render_widget(block, area);
    let bag = ui.app.selected().map(|i| &ui.app.lookbook().bags[i]);
    let photo = bag
        .and_then(|bag| bag.image.as_ref())
        .filter(|_| ui.theme.photos != PhotoMode::Off);
    let drawn = photo.is_some() || bag.is_some_and(|bag| ui.app.lookbook().draws(bag.shape));
    let picture = if drawn { drawing_rows(inner) } else { 0 };
    let (lines, link_at) = lines(ui, inner.width, picture);
    let extent = Extent {
        len: lines.len(),
        viewport: usize::from(inner.height),
    };
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = ui.app.detail_scroll().min(max_scroll);
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
    let link = link_at.and_then(|at| placed(ui, at, inner, scroll));
    let mut photo_area = None;
    if let Some(bag) = bag {
        let picture_of = match photo {
            Some(photo) => Picture::Photo(photo, Sketch::of_bag(bag)),
            None => Picture::Drawing(Sketch::of_bag(bag)),
        };
        let drawn = draw_picture(frame.buffer_mut(), &picture_of, inner, picture, scroll, ui);
        photo_area = photo.zip(drawn).map(|(photo, at)| PhotoArea {
            area: Rect::new(inner.x + at.x, inner.y + at.y, at.width, at.height),
            file: photo.file.clone(),
        });
    }
    if max_scroll > 0 {
        let more = if scroll < max_scroll {
            " ↓ more "
        } else {
            " ↑ "
        };
        let marker = Line::styled(more, ui.theme.muted).right_aligned();
        let bottom = Rect::new(
            area.x + 1,
            area.bottom().saturating_sub(1),
            area.width.saturating_sub(2),
            1,
        );
        frame.render_widget(marker, bottom);
    }
    Drawn {
        extent,
        link,
        photo: photo_area,
    }
}

/// Where a link line of the text (`at`) lands on screen after scrolling,
/// if it does.
fn placed(ui: &Scene, at: LinkLine, inner: Rect, scroll: usize) -> Option<LinkArea> {
    let row = at.line.checked_sub(scroll)?;
    let y = inner.y + u16::try_from(row).ok().filter(|&r| r < inner.height)?;
    let link = ui
        .app
        .selected()
        .and_then(|i| ui.app.lookbook().bags[i].url.as_ref())?;
    Some(LinkArea {
        x: inner.x + at.column,
        y,
        width: at.width,
        url: link.url.clone(),
    })
}

/// The line of the pane's text that shows the link, where in it, how wide.
#[derive(Clone, Copy)]
struct LinkLine {
    line: usize,
    column: u16,
    width: u16,
}

/// Where the text goes inside the pane at `area`: within the border, one
/// cell of padding either side.
fn text_area(area: Rect) -> Rect {
    area.inner(Margin::new(2, 1))
}

/// How many rows of the pane's content the drawing takes (0: hidden).
fn drawing_rows(inner: Rect) -> u16 {
    if inner.height < MIN_ROWS_FOR_DRAWING {
        return 0;
    }
    let (part, whole) = DRAWING_SHARE;
    let share = u16::try_from(u32::from(inner.height) * part / whole).unwrap_or(u16::MAX);
    // The drawing's frame is square in pixels: two columns per row.
    let rows = share.min(MAX_DRAWING_ROWS).min(inner.width / 2);
    if rows < drawing::MIN_HEIGHT + 1 {
        0
    } else {
        rows
    }
}

/// What the pane shows above the facts: the bag's photo (with its drawing
/// for when the photo can't be read), or its drawing.
enum Picture<'a> {
    Photo(&'a Photo, Sketch),
    Drawing(Sketch),
}

/// Draws the rows of the picture still in view after scrolling `scroll`
/// rows: drawn whole off screen, then copied, so it scrolls like text.
/// Returns where in the picture a photo went, when it is wholly in view.
fn draw_picture(
    target: &mut Buffer,
    picture_of: &Picture,
    inner: Rect,
    rows: u16,
    scroll: usize,
    ui: &Scene,
) -> Option<Rect> {
    let scroll = u16::try_from(scroll).ok()?;
    if rows == 0 || scroll >= rows {
        return None;
    }
    let area = Rect::new(0, 0, inner.width, rows);
    let mut picture = Buffer::empty(area);
    let mut photo_at = None;
    match picture_of {
        Picture::Photo(photo, sketch) => {
            photo_at = photo::draw(photo, area, &mut picture, scroll == 0, ui);
            if photo_at.is_none() {
                drawing::render(sketch, area, &mut picture, ui.theme.drawing);
            }
        }
        Picture::Drawing(sketch) => drawing::render(sketch, area, &mut picture, ui.theme.drawing),
    }
    for row in scroll..rows.min(scroll.saturating_add(inner.height)) {
        for x in 0..inner.width {
            if let Some(cell) = target.cell_mut((inner.x + x, inner.y + row - scroll)) {
                *cell = picture[(x, row)].clone();
            }
        }
    }
    photo_at.filter(|_| scroll == 0)
}

/// The pane's text, below `picture` blank rows where the drawing goes, and
/// where in it the link is.
fn lines(ui: &Scene, width: u16, picture: u16) -> (Vec<Line<'static>>, Option<LinkLine>) {
    let Some((bag_index, bag)) = ui.app.selected().map(|i| (i, &ui.app.lookbook().bags[i])) else {
        let none = format!("No {} selected.", ui.app.lookbook().nouns.one);
        return (vec![Line::styled(none, ui.theme.muted)], None);
    };
    let width = usize::from(width).max(1);
    let theme = ui.theme;
    // The picture's rows, and a blank row between it and the name.
    let spacer = usize::from(picture > 0);
    let mut out: Vec<Line> = vec![Line::default(); usize::from(picture) + spacer];
    out.extend(
        text::wrap(&bag.name, width)
            .into_iter()
            .map(|line| Line::styled(line, theme.name)),
    );
    out.push(Line::default());
    let mut link = None;
    for (label, value) in facts(ui, bag) {
        let at = push_fact(&mut out, label, &value, width, ui);
        if label == LINK {
            link = Some(at);
        }
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
    let looks: Vec<usize> = ui.app.lookbook().looks_pairing(bag_index).collect();
    if !looks.is_empty() {
        out.push(Line::default());
        out.extend(
            text::wrap(
                &ui.app
                    .lookbook()
                    .nouns
                    .fill("{Pairs with} (our styling suggestion)"),
                width,
            )
            .into_iter()
            .map(|line| Line::styled(line, theme.label)),
        );
        for look in looks {
            let wearer = &ui.app.lookbook().looks[look].wearer;
            let entry = crate::words::look_of(wearer);
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
    (out, link)
}

/// The labelled facts of a bag, in reading order; empty fields are left out.
fn facts(ui: &Scene, bag: &Bag) -> Vec<(&'static str, String)> {
    let price = ui.app.lookbook().currency.format(bag.price);
    let mut facts = vec![
        ("Brand", bag.brand.clone()),
        ("Price", price),
        ("Retailer", bag.retailer.clone()),
    ];
    let host = bag.url.as_ref().map(|link| link.host.clone());
    let optional = [
        (LINK, host),
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

/// The label of the bag's link, whose value is the shop's host.
const LINK: &str = "Link";

/// `Label     value`, the value wrapped under itself; on a pane too narrow
/// for both, the value goes under the label. Returns where the value's
/// first line is; a link's host is cut to one line rather than wrapped.
fn push_fact(
    out: &mut Vec<Line<'static>>,
    label: &'static str,
    value: &str,
    width: usize,
    ui: &Scene,
) -> LinkLine {
    let theme = ui.theme;
    let value_style = if label == "Price" {
        theme.price
    } else {
        Style::new()
    };
    let narrow = width < LABEL_WIDTH + 8;
    let room = if narrow { width } else { width - LABEL_WIDTH };
    let lines = if label == LINK {
        vec![text::truncate(value, room).into_owned()]
    } else {
        text::wrap(value, room)
    };
    let at = LinkLine {
        line: out.len() + usize::from(narrow),
        column: if narrow { 0 } else { LABEL_COLUMNS },
        width: u16::try_from(text::width(&lines[0])).unwrap_or(u16::MAX),
    };
    if narrow {
        out.push(Line::styled(label, theme.label));
        out.extend(lines.into_iter().map(|l| Line::styled(l, value_style)));
        return at;
    }
    for (i, line) in lines.into_iter().enumerate() {
        let head = if i == 0 { label } else { "" };
        out.push(Line::from(vec![
            Span::styled(format!("{head:<LABEL_WIDTH$}"), theme.label),
            Span::styled(line, value_style),
        ]));
    }
    at
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::app::App;
    use crate::lookbook::bundled;
    use crate::ui::theme::Theme;

    fn rows(width: u16, height: u16) -> u16 {
        drawing_rows(Rect::new(0, 0, width, height))
    }

    #[test]
    fn the_drawing_takes_two_fifths_of_a_tall_enough_pane_and_stays_square() {
        assert_eq!(rows(40, 11), 0, "too short for a drawing");
        assert_eq!(rows(40, 12), 4, "12 rows: two fifths, 4");
        assert_eq!(rows(40, 30), 12, "capped at 12 rows");
        assert_eq!(rows(8, 30), 4, "two columns a row: 8 wide, 4 rows");
        assert_eq!(rows(6, 30), 0, "3 rows is too small to draw");
    }

    /// The lines `push_fact` makes of a fact `width` cells wide, after one
    /// line already there, and the line it says the value starts on.
    fn fact(label: &'static str, value: &str, width: usize) -> (Vec<String>, usize) {
        let app = App::new(Arc::new(bundled()));
        let theme = Theme::ansi();
        let ui = Scene::new(&app, &theme);
        let mut out = vec![Line::raw("above")];
        let at = push_fact(&mut out, label, value, width, &ui);
        (out.iter().map(ToString::to_string).collect(), at.line)
    }

    #[test]
    fn a_fact_goes_under_its_label_only_when_both_do_not_fit_side_by_side() {
        // 10 columns of label and at least 8 of value.
        let (lines, at) = fact(LINK, "example.com", 18);
        assert_eq!(lines, ["above", "Link      example…"]);
        assert_eq!(at, 1);
        let (lines, at) = fact(LINK, "example.com", 17);
        assert_eq!(lines, ["above", "Link", "example.com"]);
        assert_eq!(at, 2, "the value's line, under the label");
    }
}
