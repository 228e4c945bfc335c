//! The frame as an SVG picture, built from the Buffer cell by cell: a grid of
//! whole-unit cells in a window frame, every glyph at its cell's x so text
//! never drifts, lines and blocks drawn as shapes so they join. The same
//! buffer always gives the same bytes.

use std::collections::HashMap;
use std::fmt::Write;

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::glyphs::{self, CellBox, LIGHT, Shape, coordinate};
use super::palette::{Painted, Palette, Rgb};
use crate::layout::PhotoArea;
use crate::ui::hyperlink;

/// Cell width and height in SVG units; the PNG doubles them.
pub const CELL_W: u16 = 9;
pub const CELL_H: u16 = 18;
/// DejaVu Sans Mono at 15 units advances 9.03 per glyph: one cell. Ascent
/// 13.9 and descent 3.5 fit the 18-unit row with the baseline at 14.
const FONT_SIZE: u16 = 15;
const BASELINE: u16 = 14;
pub const FONT_FAMILY: &str = "DejaVu Sans Mono";

/// The window around the grid, in the spirit of charm's freeze.
const MARGIN_X: u16 = 32;
const MARGIN_TOP: u16 = 24;
const MARGIN_BOTTOM: u16 = 44;
const TITLE_BAR: u16 = 34;
const PADDING: u16 = 16;
const RADIUS: u16 = 10;
const DOTS: [&str; 3] = ["#ff5f57", "#febc2e", "#28c840"];

/// Where a cell's top-left corner is in the whole picture, in SVG units
/// (a PNG has [`super::png::SCALE`] pixels to the unit).
pub fn cell_origin(col: u16, row: u16) -> (u32, u32) {
    (
        u32::from(MARGIN_X + PADDING) + u32::from(col) * u32::from(CELL_W),
        u32::from(MARGIN_TOP + TITLE_BAR) + u32::from(row) * u32::from(CELL_H),
    )
}

/// The whole picture: its title, shadow, window, three dots, then the grid,
/// with each photo the frame drew whole shown over its cells.
pub fn with_photos(
    buffer: &Buffer,
    palette: &Palette,
    title: &str,
    photos: &[PhotoArea],
) -> String {
    let grid_w = u32::from(buffer.area.width) * u32::from(CELL_W);
    let grid_h = u32::from(buffer.area.height) * u32::from(CELL_H);
    let window_w = grid_w + 2 * u32::from(PADDING);
    let window_h = u32::from(TITLE_BAR) + grid_h + u32::from(PADDING);
    let width = window_w + 2 * u32::from(MARGIN_X);
    let height = window_h + u32::from(MARGIN_TOP) + u32::from(MARGIN_BOTTOM);
    let (wx, wy) = (MARGIN_X, MARGIN_TOP);

    let mut out = String::with_capacity(64 * 1024);
    // Writing to a String cannot fail, here and below.
    let _ = write!(
        out,
        concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" ",
            "viewBox=\"0 0 {width} {height}\">\n",
            "<title>{title}</title>\n",
            "<defs><filter id=\"shadow\" x=\"-10%\" y=\"-10%\" width=\"120%\" height=\"130%\">",
            "<feGaussianBlur stdDeviation=\"11\"/></filter></defs>\n",
            "<rect x=\"{wx}\" y=\"{sy}\" width=\"{ww}\" height=\"{wh}\" rx=\"{r}\" ",
            "fill=\"#000\" fill-opacity=\"0.55\" filter=\"url(#shadow)\"/>\n",
            "<rect x=\"{wx}\" y=\"{wy}\" width=\"{ww}\" height=\"{wh}\" rx=\"{r}\" fill=\"{bg}\"/>\n",
            "<rect x=\"{bx}\" y=\"{by}\" width=\"{bw}\" height=\"{bh}\" rx=\"{br}\" fill=\"none\" ",
            "stroke=\"#fff\" stroke-opacity=\"0.1\"/>\n",
        ),
        width = width,
        height = height,
        title = escape(title),
        wx = wx,
        wy = wy,
        sy = wy + 12,
        ww = window_w,
        wh = window_h,
        r = RADIUS,
        bg = palette.background,
        bx = coordinate(f32::from(wx) + 0.5),
        by = coordinate(f32::from(wy) + 0.5),
        bw = window_w - 1,
        bh = window_h - 1,
        br = coordinate(f32::from(RADIUS) - 0.5),
    );
    for (i, colour) in DOTS.iter().enumerate() {
        let i = u16::try_from(i).unwrap_or(0);
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{colour}\"/>",
            wx + 20 + 20 * i,
            wy + TITLE_BAR / 2 + 1
        );
    }
    let _ = writeln!(
        out,
        "<g transform=\"translate({} {})\">",
        wx + PADDING,
        wy + TITLE_BAR
    );
    out.push_str(&grid(buffer, palette));
    out.push_str(&super::photo::images(photos, palette.background));
    out.push_str("</g>\n</svg>\n");
    out
}

/// A cell once resolved: what it paints, what it shows, where.
struct Resolved<'a> {
    painted: Painted,
    /// What the cell shows (a link's escape sequence taken off).
    symbol: &'a str,
    /// The address the cell links to, if it is part of a link.
    link: Option<&'a str>,
    /// The second cell of a wide character: painted, never written.
    covered: bool,
}

/// The grid alone, at the origin: backgrounds, then shapes and lines, then
/// text, each merged as far as it goes.
pub fn grid(buffer: &Buffer, palette: &Palette) -> String {
    let area = buffer.area;
    let mut backgrounds = String::new();
    let mut texts = String::new();
    let mut geometry: Vec<(Rgb, Shape)> = Vec::new();
    for (row, y) in (area.top()..area.bottom()).enumerate() {
        let cells = resolve_row(buffer, palette, y);
        let top = f32::from(u16::try_from(row).unwrap_or(0)) * f32::from(CELL_H);
        background_runs(&cells, top, &mut backgrounds);
        text_runs(&cells, top, &mut texts);
        for (col, cell) in cells.iter().enumerate() {
            let x = f32::from(u16::try_from(col).unwrap_or(0)) * f32::from(CELL_W);
            let cell_box = CellBox {
                x,
                y: top,
                w: f32::from(CELL_W),
                h: f32::from(CELL_H),
            };
            if !cell.covered
                && let Some(drawn) = glyphs::shapes(cell.symbol, cell_box)
            {
                geometry.extend(drawn.into_iter().map(|s| (cell.painted.fg, s)));
            }
            decorations(cell, cell_box, &mut geometry);
        }
    }
    let mut out = backgrounds;
    for (colour, shape) in merge_vertically(merge_horizontally(geometry)) {
        write_shape(&mut out, colour, &shape);
    }
    if !texts.is_empty() {
        let _ = writeln!(
            out,
            "<g font-family=\"'{FONT_FAMILY}', Menlo, Consolas, monospace\" font-size=\"{FONT_SIZE}\" xml:space=\"preserve\">"
        );
        out.push_str(&texts);
        out.push_str("</g>\n");
    }
    out
}

fn resolve_row<'a>(buffer: &'a Buffer, palette: &Palette, y: u16) -> Vec<Resolved<'a>> {
    let area = buffer.area;
    let mut cells: Vec<Resolved<'a>> = Vec::with_capacity(usize::from(area.width));
    let mut covering: Option<(Painted, usize)> = None;
    for x in area.left()..area.right() {
        let cell = &buffer[(x, y)];
        if let Some((painted, left)) = covering.filter(|&(_, left)| left > 0) {
            cells.push(Resolved {
                painted,
                symbol: " ",
                link: None,
                covered: true,
            });
            covering = Some((painted, left - 1));
            continue;
        }
        let painted = palette.resolve(cell);
        let (symbol, link) = hyperlink::split(cell.symbol());
        let extra = symbol.width().saturating_sub(1);
        covering = Some((painted, extra));
        cells.push(Resolved {
            painted,
            symbol,
            link,
            covered: false,
        });
    }
    cells
}

/// One rect per run of cells with the same background in this row.
fn background_runs(cells: &[Resolved], top: f32, out: &mut String) {
    let mut col = 0;
    while col < cells.len() {
        let Some(bg) = cells[col].painted.bg else {
            col += 1;
            continue;
        };
        let start = col;
        while col < cells.len() && cells[col].painted.bg == Some(bg) {
            col += 1;
        }
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{CELL_H}\" fill=\"{bg}\"/>",
            start * usize::from(CELL_W),
            coordinate(top),
            (col - start) * usize::from(CELL_W),
        );
    }
}

/// What a run of text shares; a change of any of these starts a new run.
#[derive(PartialEq)]
struct TextStyle<'a> {
    fg: Rgb,
    bold: bool,
    italic: bool,
    /// A run in a link is wrapped in `<a href>`.
    link: Option<&'a str>,
}

/// Glyphs of the same style in a row become one `<text>` whose `x` lists
/// every glyph's cell, so each sits exactly on its cell. The spaces between
/// words stay in the text (the group keeps them with `xml:space`), so the
/// picture's text copies, searches and reads aloud as the frame does. A
/// cell drawn as a shape (a border, a block of a drawing) ends a run: text
/// never runs from one pane into the next. A blank takes no style, so it
/// neither ends a run nor starts one, and trailing blanks are dropped.
/// Symbols of more than one char (combining marks) get a `<text>` of their
/// own.
fn text_runs(cells: &[Resolved], top: f32, out: &mut String) {
    let baseline = top + f32::from(BASELINE);
    let mut run: Option<Run> = None;
    let mut flush = |run: &mut Option<Run>| {
        if let Some(mut done) = run.take() {
            done.trim_end();
            write_text(out, done, baseline);
        }
    };
    for (col, cell) in cells.iter().enumerate() {
        if cell.covered {
            continue;
        }
        let x = col * usize::from(CELL_W);
        if is_drawn(cell.symbol) {
            flush(&mut run);
            continue;
        }
        if is_blank(cell.symbol) {
            if let Some(open) = run.as_mut() {
                open.push(x, " ");
            }
            continue;
        }
        let style = TextStyle {
            fg: cell.painted.fg,
            bold: cell.painted.bold,
            italic: cell.painted.italic,
            link: cell.link,
        };
        let single = cell.symbol.chars().count() == 1;
        if !single || run.as_ref().is_some_and(|open| open.style != style) {
            flush(&mut run);
        }
        run.get_or_insert_with(|| Run::new(style))
            .push(x, cell.symbol);
        if !single {
            flush(&mut run);
        }
    }
    flush(&mut run);
}

/// A `<text>` being built: its style, each glyph's x, and the glyphs.
struct Run<'a> {
    style: TextStyle<'a>,
    xs: Vec<usize>,
    text: String,
}

impl<'a> Run<'a> {
    fn new(style: TextStyle<'a>) -> Run<'a> {
        Run {
            style,
            xs: Vec::new(),
            text: String::new(),
        }
    }

    fn push(&mut self, x: usize, symbol: &str) {
        self.xs.push(x);
        self.text.push_str(symbol);
    }

    /// Drops the blanks at its end, and their x.
    fn trim_end(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
            self.xs.pop();
        }
    }
}

fn write_text(out: &mut String, Run { style, xs, text }: Run, y: f32) {
    let xs: Vec<String> = xs.iter().map(usize::to_string).collect();
    if let Some(url) = style.link {
        let _ = write!(out, "<a href=\"{}\">", escape(url));
    }
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" fill=\"{}\"",
        xs.join(" "),
        coordinate(y),
        style.fg
    );
    if style.bold {
        out.push_str(" font-weight=\"bold\"");
    }
    if style.italic {
        out.push_str(" font-style=\"italic\"");
    }
    let _ = write!(out, ">{}</text>", escape(&text));
    if style.link.is_some() {
        out.push_str("</a>");
    }
    out.push('\n');
}

fn is_blank(symbol: &str) -> bool {
    symbol.chars().all(char::is_whitespace)
}

fn is_drawn(symbol: &str) -> bool {
    let probe = CellBox {
        x: 0.0,
        y: 0.0,
        w: 1.0,
        h: 1.0,
    };
    glyphs::shapes(symbol, probe).is_some()
}

/// Underline and strike-through as rects across the whole cell, blanks
/// included, as terminals draw them.
fn decorations(cell: &Resolved, cell_box: CellBox, out: &mut Vec<(Rgb, Shape)>) {
    let mut line = |y: f32| {
        out.push((
            cell.painted.fg,
            Shape::Rect {
                x: cell_box.x,
                y,
                w: cell_box.w,
                h: LIGHT,
                opacity: 100,
            },
        ))
    };
    if cell.painted.underline {
        line(cell_box.y + f32::from(BASELINE) + 1.5);
    }
    if cell.painted.crossed_out {
        line(cell_box.y + f32::from(BASELINE) - 5.0);
    }
}

/// Joins rects that continue each other along a row: a border of a hundred
/// `─` becomes one rect.
fn merge_horizontally(shapes: Vec<(Rgb, Shape)>) -> Vec<(Rgb, Shape)> {
    merge(shapes, true)
}

/// Joins rects that continue each other down a column: the sides of a
/// pane become one rect each.
fn merge_vertically(shapes: Vec<(Rgb, Shape)>) -> Vec<(Rgb, Shape)> {
    merge(shapes, false)
}

/// Merges rects of one colour and opacity that line up along an axis and
/// touch or overlap on it. Each cell's shapes stay inside the cell, so
/// merging never changes the picture; the order of first appearance is
/// kept, so the output is deterministic.
fn merge(shapes: Vec<(Rgb, Shape)>, along_x: bool) -> Vec<(Rgb, Shape)> {
    // (start, length) along the axis, (position, size) across it.
    let split = |x: f32, y: f32, w: f32, h: f32| {
        if along_x {
            ((x, w), (y, h))
        } else {
            ((y, h), (x, w))
        }
    };
    let mut out: Vec<(Rgb, Shape)> = Vec::with_capacity(shapes.len());
    let mut open: HashMap<(Rgb, u32, u32, u8), usize> = HashMap::new();
    for (colour, shape) in shapes {
        let Shape::Rect {
            x,
            y,
            w,
            h,
            opacity,
        } = shape
        else {
            out.push((colour, shape));
            continue;
        };
        let ((start, length), (across, size)) = split(x, y, w, h);
        let key = (colour, across.to_bits(), size.to_bits(), opacity);
        if let Some(&index) = open.get(&key)
            && let Some((_, Shape::Rect { x, y, w, h, .. })) = out.get_mut(index)
        {
            let ((open_start, open_length), _) = split(*x, *y, *w, *h);
            if start >= open_start && start <= open_start + open_length {
                let merged = (start + length).max(open_start + open_length) - open_start;
                if along_x {
                    *w = merged;
                } else {
                    *h = merged;
                }
                continue;
            }
        }
        open.insert(key, out.len());
        out.push((colour, shape));
    }
    out
}

fn write_shape(out: &mut String, colour: Rgb, shape: &Shape) {
    let _ = match shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            opacity,
        } => {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"",
                coordinate(*x),
                coordinate(*y),
                coordinate(*w),
                coordinate(*h)
            );
            if *opacity < 100 {
                let _ = write!(out, " fill-opacity=\"0.{opacity:02}\"");
            }
            writeln!(out, "/>")
        }
        Shape::Stroke { d, width } => writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\"/>",
            coordinate(*width)
        ),
        Shape::Dot { cx, cy, r } => writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{colour}\"/>",
            coordinate(*cx),
            coordinate(*cy),
            coordinate(*r)
        ),
    };
}

/// Text as XML character data: the five markup characters escaped, and
/// control characters (which XML forbids) shown as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};

    const P: Palette = Palette::LOOKBOOK;

    fn buffer(width: u16, lines: &[(&str, Style)]) -> Buffer {
        let height = u16::try_from(lines.len()).unwrap_or(0);
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        for (y, (text, style)) in lines.iter().enumerate() {
            buffer.set_string(0, u16::try_from(y).unwrap_or(0), text, *style);
        }
        buffer
    }

    fn texts(svg: &str) -> Vec<&str> {
        svg.lines().filter(|l| l.starts_with("<text")).collect()
    }

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape("Dolce & Gabbana <mini> \"bag\" 'x'"),
            "Dolce &amp; Gabbana &lt;mini&gt; &quot;bag&quot; &apos;x&apos;"
        );
        assert_eq!(escape("a\u{1b}b"), "a\u{fffd}b");
        let svg = grid(&buffer(6, &[("<&\">", Style::new())]), &P);
        assert_eq!(
            texts(&svg),
            ["<text x=\"0 9 18 27\" y=\"14\" fill=\"#e8e3ea\">&lt;&amp;&quot;&gt;</text>"]
        );
    }

    #[test]
    fn a_style_run_is_one_text_with_every_glyph_at_its_cell() {
        let svg = grid(&buffer(12, &[("Le Chiquito", Style::new())]), &P);
        assert_eq!(
            texts(&svg),
            [
                "<text x=\"0 9 18 27 36 45 54 63 72 81 90\" y=\"14\" fill=\"#e8e3ea\">Le Chiquito</text>"
            ]
        );
    }

    #[test]
    fn style_changes_start_new_runs_and_backgrounds_merge_per_row() {
        let mut b = buffer(8, &[("ab", Style::new().bg(Color::Magenta))]);
        b.set_string(
            2,
            0,
            "cd",
            Style::new().fg(Color::Yellow).bg(Color::Magenta),
        );
        b.set_string(4, 0, "ef", Style::new().add_modifier(Modifier::BOLD));
        let svg = grid(&b, &P);
        let runs = texts(&svg);
        assert_eq!(runs.len(), 3, "{svg}");
        assert!(runs[1].contains("fill=\"#f0c67e\">cd<"));
        assert!(runs[2].contains("font-weight=\"bold\""));
        let rects: Vec<&str> = svg.lines().filter(|l| l.starts_with("<rect")).collect();
        assert_eq!(
            rects,
            ["<rect x=\"0\" y=\"0\" width=\"36\" height=\"18\" fill=\"#e69dd8\"/>"]
        );
    }

    #[test]
    fn reversed_cells_merge_with_cells_that_look_the_same() {
        let mut b = buffer(4, &[("ab", Style::new().fg(Color::Black).bg(Color::Cyan))]);
        b.set_string(
            2,
            0,
            "cd",
            Style::new()
                .fg(Color::Cyan)
                .bg(Color::Black)
                .add_modifier(Modifier::REVERSED),
        );
        let svg = grid(&b, &P);
        assert_eq!(texts(&svg).len(), 1, "{svg}");
        assert!(svg.contains("width=\"36\" height=\"18\" fill=\"#81c8be\""));
    }

    #[test]
    fn a_border_between_panes_ends_the_run_and_spaces_stay() {
        let svg = grid(&buffer(20, &[("三宅一生 │ BAO BAO", Style::new())]), &P);
        let runs = texts(&svg);
        assert_eq!(runs.len(), 2, "{svg}");
        assert!(runs[0].ends_with(">三宅一生</text>"), "{}", runs[0]);
        assert!(runs[1].ends_with(">BAO BAO</text>"), "{}", runs[1]);
        assert!(svg.contains("xml:space=\"preserve\""));
    }

    /// The text a reader gets from a grid, row by row: each `<text>`'s
    /// content as it is (no reading of its `x` list beyond the first),
    /// after blanks up to where it starts. Each glyph's x must then be
    /// where the text before it ends: no word is glued to the next.
    fn read_back(svg: &str, height: usize) -> Vec<String> {
        let mut rows = vec![String::new(); height];
        for line in texts(svg) {
            let attr = |name: &str| {
                let start =
                    line.find(&format!(" {name}=\"")).expect("the attribute") + name.len() + 3;
                let end = start + line[start..].find('"').expect("its end");
                line[start..end].to_string()
            };
            let y: usize = attr("y").parse().expect("a whole y");
            let row = (y - usize::from(BASELINE)) / usize::from(CELL_H);
            let content =
                &line[line.find('>').expect("content") + 1..line.rfind("</text>").expect("end")];
            let content = content
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            let xs: Vec<usize> = attr("x")
                .split(' ')
                .map(|x| x.parse().expect("an x"))
                .collect();
            let text = &mut rows[row];
            let start = xs[0] / usize::from(CELL_W);
            let at = text.width();
            assert!(start >= at, "row {row}: {content:?} overlaps {text:?}");
            text.push_str(&" ".repeat(start - at));
            for (x, c) in xs.iter().zip(content.chars()) {
                assert_eq!(
                    x / usize::from(CELL_W),
                    text.width(),
                    "row {row}: {c:?} of {content:?} is not where the text before it ends"
                );
                text.push(c);
            }
        }
        rows.into_iter().map(|r| r.trim_end().to_string()).collect()
    }

    /// The frame's rows as text, with what the picture draws as shapes
    /// (borders, blocks) left blank.
    fn frame_rows(buffer: &Buffer) -> Vec<String> {
        (0..buffer.area.height)
            .map(|y| {
                let mut text = String::new();
                for cell in resolve_row(buffer, &P, y) {
                    if cell.covered {
                        continue;
                    }
                    if is_drawn(cell.symbol) || is_blank(cell.symbol) {
                        text.push(' ');
                    } else {
                        text.push_str(cell.symbol);
                    }
                }
                text.trim_end().to_string()
            })
            .collect()
    }

    #[test]
    fn every_curated_scene_reads_back_row_by_row_as_its_frame() {
        use crate::render::screenshots::{SCENES, scene_buffer};
        let edit = std::sync::Arc::new(crate::lookbook::bundled());
        for scene in SCENES {
            let buffer = scene_buffer(&edit, scene).expect("a scene");
            let svg = grid(&buffer, &P);
            let height = usize::from(buffer.area.height);
            assert_eq!(
                read_back(&svg, height),
                frame_rows(&buffer),
                "{}",
                scene.name
            );
        }
    }

    #[test]
    fn wide_characters_take_two_cells() {
        let svg = grid(&buffer(6, &[("包a包", Style::new().bg(Color::Blue))]), &P);
        assert_eq!(
            texts(&svg),
            ["<text x=\"0 18 27\" y=\"14\" fill=\"#e8e3ea\">包a包</text>"]
        );
        assert!(svg.contains("width=\"45\" height=\"18\""), "{svg}");
    }

    #[test]
    fn underline_and_strike_through_are_lines_across_the_cells() {
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        let svg = grid(&buffer(4, &[("a b", underlined)]), &P);
        assert!(svg.contains("<rect x=\"0\" y=\"15.5\" width=\"27\" height=\"1\""));
        let crossed = Style::new().add_modifier(Modifier::CROSSED_OUT | Modifier::ITALIC);
        let svg = grid(&buffer(2, &[("x", crossed)]), &P);
        assert!(svg.contains("<rect x=\"0\" y=\"9\" width=\"9\" height=\"1\""));
        assert!(svg.contains("font-style=\"italic\""));
    }

    #[test]
    fn borders_become_a_few_long_rects() {
        let svg = grid(
            &buffer(
                5,
                &[
                    ("┌───┐", Style::new()),
                    ("│   │", Style::new()),
                    ("└───┘", Style::new()),
                ],
            ),
            &P,
        );
        assert!(texts(&svg).is_empty());
        let rects = svg.lines().filter(|l| l.starts_with("<rect")).count();
        assert_eq!(rects, 4, "{svg}");
    }

    #[test]
    fn same_buffer_same_bytes() {
        let b = buffer(10, &[("╭─ x ─╮", Style::new().fg(Color::Magenta))]);
        assert_eq!(with_photos(&b, &P, "x", &[]), with_photos(&b, &P, "x", &[]));
        assert!(with_photos(&b, &P, "A & B", &[]).contains("<title>A &amp; B</title>\n<defs>"));
    }
}
