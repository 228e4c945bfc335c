//! Characters a picture draws as geometry instead of glyphs: box-drawing
//! lines (so borders join seamlessly whatever the font's metrics), block
//! elements (so bars and scrollbar thumbs fill their cells exactly) and
//! Braille (which the bundled font lacks).

/// A cell's place and size in picture units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellBox {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// Geometry filled in the cell's foreground colour.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `opacity` in percent, for the shade blocks ░▒▓.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        opacity: u8,
    },
    /// A stroked path (rounded corners, diagonals) of the given width.
    Stroke {
        d: String,
        width: f32,
    },
    Dot {
        cx: f32,
        cy: f32,
        r: f32,
    },
}

/// The thickness of a light line; heavy lines are twice as thick.
pub const LIGHT: f32 = 1.0;
/// Half the distance between the two strokes of a double line.
const DOUBLE_GAP: f32 = 1.5;

/// The shapes that draw `symbol`, or `None` when a glyph should.
pub fn shapes(symbol: &str, cell: CellBox) -> Option<Vec<Shape>> {
    let mut chars = symbol.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    match u32::from(c) {
        0x256D..=0x2570 => Some(rounded(c, cell)),
        0x2571..=0x2573 => Some(diagonal(c, cell)),
        0x2500..=0x257F => arms(c).map(|arms| lines(arms, cell)),
        0x2580..=0x259F => Some(block(c, cell)),
        0x2801..=0x28FF => Some(braille(c, cell)),
        // The blank Braille pattern draws nothing, like a space.
        0x2800 => Some(Vec::new()),
        _ => None,
    }
}

/// Line weights of the four arms, in the order up, right, down, left:
/// 0 none, 1 light, 2 heavy, 3 double.
type Arms = [u8; 4];

/// The arms of the box-drawing characters U+2500–U+257F, dashed lines
/// drawn solid. Rounded corners and diagonals are drawn apart.
fn arms(c: char) -> Option<Arms> {
    const TABLE: [&str; 128] = [
        "0101", "0202", "1010", "2020", "0101", "0202", "1010",
        "2020", // ─━│┃┄┅┆┇
        "0101", "0202", "1010", "2020", "0110", "0210", "0120",
        "0220", // ┈┉┊┋┌┍┎┏
        "0011", "0012", "0021", "0022", "1100", "1200", "2100",
        "2200", // ┐┑┒┓└┕┖┗
        "1001", "1002", "2001", "2002", "1110", "1210", "2110",
        "1120", // ┘┙┚┛├┝┞┟
        "2120", "2210", "1220", "2220", "1011", "1012", "2011",
        "1021", // ┠┡┢┣┤┥┦┧
        "2021", "2012", "1022", "2022", "0111", "0112", "0211",
        "0212", // ┨┩┪┫┬┭┮┯
        "0121", "0122", "0221", "0222", "1101", "1102", "1201",
        "1202", // ┰┱┲┳┴┵┶┷
        "2101", "2102", "2201", "2202", "1111", "1112", "1211",
        "1212", // ┸┹┺┻┼┽┾┿
        "2111", "1121", "2121", "2112", "2211", "1122", "1221",
        "2212", // ╀╁╂╃╄╅╆╇
        "1222", "2122", "2221", "2222", "0101", "0202", "1010",
        "2020", // ╈╉╊╋╌╍╎╏
        "0303", "3030", "0310", "0130", "0330", "0013", "0031",
        "0033", // ═║╒╓╔╕╖╗
        "1300", "3100", "3300", "1003", "3001", "3003", "1310",
        "3130", // ╘╙╚╛╜╝╞╟
        "3330", "1013", "3031", "3033", "0313", "0131", "0333",
        "1303", // ╠╡╢╣╤╥╦╧
        "3101", "3303", "1313", "3131", "3333", "", "",
        "", //             ╨╩╪╫╬╭╮╯
        "", "", "", "", "0001", "1000", "0100",
        "0010", //                 ╰╱╲╳╴╵╶╷
        "0002", "2000", "0200", "0020", "0201", "1020", "0102",
        "2010", // ╸╹╺╻╼╽╾╿
    ];
    let index = usize::try_from(u32::from(c).checked_sub(0x2500)?).ok()?;
    let code = TABLE.get(index)?.as_bytes();
    if code.len() != 4 {
        return None;
    }
    Some([
        code[0] - b'0',
        code[1] - b'0',
        code[2] - b'0',
        code[3] - b'0',
    ])
}

/// Each arm runs from the cell's edge to just past its centre, so arms meet
/// in a clean corner and lines in neighbouring cells abut exactly.
fn lines(arms: Arms, cell: CellBox) -> Vec<Shape> {
    let (cx, cy) = (cell.x + cell.w / 2.0, cell.y + cell.h / 2.0);
    let [up, right, down, left] = arms;
    let mut out = Vec::new();
    let mut rect = |x: f32, y: f32, w: f32, h: f32| {
        out.push(Shape::Rect {
            x,
            y,
            w,
            h,
            opacity: 100,
        })
    };
    let vertical_double = up == 3 || down == 3;
    let horizontal_double = left == 3 || right == 3;
    // Horizontal arms: (weight, from x, to x) with the centre end decided
    // per stroke.
    for (weight, toward_right) in [(left, false), (right, true)] {
        match weight {
            0 => {}
            3 => {
                for side in [-1.0f32, 1.0] {
                    // The stroke nearer a vertical double arm stops at it;
                    // the far one runs on to the outer stroke.
                    let blocked = if side < 0.0 { up != 0 } else { down != 0 };
                    let reach = if blocked && vertical_double {
                        -DOUBLE_GAP + LIGHT / 2.0
                    } else if blocked {
                        -LIGHT / 2.0
                    } else {
                        DOUBLE_GAP + LIGHT / 2.0
                    };
                    let y = cy + side * DOUBLE_GAP - LIGHT / 2.0;
                    if toward_right {
                        let from = cx - reach;
                        rect(from, y, cell.x + cell.w - from, LIGHT);
                    } else {
                        rect(cell.x, y, cx + reach - cell.x, LIGHT);
                    }
                }
            }
            weight => {
                let t = LIGHT * f32::from(weight);
                let reach = if vertical_double {
                    DOUBLE_GAP + LIGHT / 2.0
                } else {
                    t / 2.0
                };
                if toward_right {
                    rect(cx - reach, cy - t / 2.0, cell.x + cell.w - cx + reach, t);
                } else {
                    rect(cell.x, cy - t / 2.0, cx + reach - cell.x, t);
                }
            }
        }
    }
    for (weight, toward_down) in [(up, false), (down, true)] {
        match weight {
            0 => {}
            3 => {
                for side in [-1.0f32, 1.0] {
                    let blocked = if side < 0.0 { left != 0 } else { right != 0 };
                    let reach = if blocked && horizontal_double {
                        -DOUBLE_GAP + LIGHT / 2.0
                    } else if blocked {
                        -LIGHT / 2.0
                    } else {
                        DOUBLE_GAP + LIGHT / 2.0
                    };
                    let x = cx + side * DOUBLE_GAP - LIGHT / 2.0;
                    if toward_down {
                        let from = cy - reach;
                        rect(x, from, LIGHT, cell.y + cell.h - from);
                    } else {
                        rect(x, cell.y, LIGHT, cy + reach - cell.y);
                    }
                }
            }
            weight => {
                let t = LIGHT * f32::from(weight);
                let reach = if horizontal_double {
                    DOUBLE_GAP + LIGHT / 2.0
                } else {
                    t / 2.0
                };
                if toward_down {
                    rect(cx - t / 2.0, cy - reach, t, cell.y + cell.h - cy + reach);
                } else {
                    rect(cx - t / 2.0, cell.y, t, cy + reach - cell.y);
                }
            }
        }
    }
    out
}

/// ╭╮╯╰: a quarter circle between the middles of two edges, with straight
/// ends so it meets the lines beside it.
fn rounded(c: char, cell: CellBox) -> Vec<Shape> {
    let (cx, cy) = (cell.x + cell.w / 2.0, cell.y + cell.h / 2.0);
    let r = cell.w.min(cell.h) / 2.0;
    // Which edges the corner joins: the horizontal line comes in from the
    // right (╭╰) or the left (╮╯), the vertical one goes down (╭╮) or up.
    let from_right = matches!(c, '╭' | '╰');
    let goes_down = matches!(c, '╭' | '╮');
    let (edge_x, turn_x) = if from_right {
        (cell.x + cell.w, cx + r)
    } else {
        (cell.x, cx - r)
    };
    let (turn_y, edge_y) = if goes_down {
        (cy + r, cell.y + cell.h)
    } else {
        (cy - r, cell.y)
    };
    // Counter-clockwise when the line turns left of its travel.
    let sweep = u8::from(from_right != goes_down);
    let d = format!(
        "M{} {}H{}A{} {} 0 0 {sweep} {} {}V{}",
        coordinate(edge_x),
        coordinate(cy),
        coordinate(turn_x),
        coordinate(r),
        coordinate(r),
        coordinate(cx),
        coordinate(turn_y),
        coordinate(edge_y)
    );
    vec![Shape::Stroke { d, width: LIGHT }]
}

/// ╱╲╳ corner to corner.
fn diagonal(c: char, cell: CellBox) -> Vec<Shape> {
    let (x0, y0, x1, y1) = (cell.x, cell.y, cell.x + cell.w, cell.y + cell.h);
    let rising = format!(
        "M{} {}L{} {}",
        coordinate(x0),
        coordinate(y1),
        coordinate(x1),
        coordinate(y0)
    );
    let falling = format!(
        "M{} {}L{} {}",
        coordinate(x0),
        coordinate(y0),
        coordinate(x1),
        coordinate(y1)
    );
    let d = match c {
        '╱' => rising,
        '╲' => falling,
        _ => format!("{rising}{falling}"),
    };
    vec![Shape::Stroke { d, width: LIGHT }]
}

/// U+2580–U+259F: eighths, halves, shades and quadrants as rects.
fn block(c: char, cell: CellBox) -> Vec<Shape> {
    let part = |fx: f32, fy: f32, fw: f32, fh: f32, opacity: u8| Shape::Rect {
        x: cell.x + cell.w * fx,
        y: cell.y + cell.h * fy,
        w: cell.w * fw,
        h: cell.h * fh,
        opacity,
    };
    let code = u32::from(c);
    let eighths = |k: u32| f32::from(u8::try_from(k).unwrap_or(8)) / 8.0;
    match code {
        0x2580 => vec![part(0.0, 0.0, 1.0, 0.5, 100)],
        0x2581..=0x2588 => {
            let f = eighths(code - 0x2580);
            vec![part(0.0, 1.0 - f, 1.0, f, 100)]
        }
        0x2589..=0x258F => vec![part(0.0, 0.0, eighths(0x2590 - code), 1.0, 100)],
        0x2590 => vec![part(0.5, 0.0, 0.5, 1.0, 100)],
        0x2591..=0x2593 => {
            let opacity = [25, 50, 75][usize::try_from(code - 0x2591).unwrap_or(0)];
            vec![part(0.0, 0.0, 1.0, 1.0, opacity)]
        }
        0x2594 => vec![part(0.0, 0.0, 1.0, 0.125, 100)],
        0x2595 => vec![part(0.875, 0.0, 0.125, 1.0, 100)],
        _ => {
            // Quadrants ▖▗▘▙▚▛▜▝▞▟ as bits: upper left 1, upper right 2,
            // lower left 4, lower right 8.
            const QUADRANTS: [u8; 10] = [4, 8, 1, 13, 9, 7, 11, 2, 6, 14];
            let bits = QUADRANTS[usize::try_from(code - 0x2596).unwrap_or(0) % 10];
            [(1, 0.0, 0.0), (2, 0.5, 0.0), (4, 0.0, 0.5), (8, 0.5, 0.5)]
                .into_iter()
                .filter(|(bit, _, _)| bits & bit != 0)
                .map(|(_, fx, fy)| part(fx, fy, 0.5, 0.5, 100))
                .collect()
        }
    }
}

/// U+2800–U+28FF: eight dots in two columns of four, one bit each.
fn braille(c: char, cell: CellBox) -> Vec<Shape> {
    let bits = u32::from(c) - 0x2800;
    // Bit order of the Unicode Braille patterns: dots 1-2-3 down the left,
    // 4-5-6 down the right, then 7 and 8 on the bottom row.
    const DOTS: [(f32, f32); 8] = [
        (0.0, 0.0),
        (0.0, 1.0),
        (0.0, 2.0),
        (1.0, 0.0),
        (1.0, 1.0),
        (1.0, 2.0),
        (0.0, 3.0),
        (1.0, 3.0),
    ];
    let r = (cell.w / 8.0).max(0.5);
    DOTS.iter()
        .enumerate()
        .filter(|(bit, _)| bits & (1 << bit) != 0)
        .map(|(_, &(col, row))| Shape::Dot {
            cx: cell.x + cell.w * (0.3 + 0.4 * col),
            cy: cell.y + cell.h * (0.125 + 0.25 * row),
            r,
        })
        .collect()
}

/// A number as SVG writes it: shortest form, at most two decimals.
pub fn coordinate(value: f32) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CELL: CellBox = CellBox {
        x: 0.0,
        y: 0.0,
        w: 9.0,
        h: 18.0,
    };

    fn rects(symbol: &str) -> Vec<(f32, f32, f32, f32)> {
        shapes(symbol, CELL)
            .expect("drawn as shapes")
            .into_iter()
            .filter_map(|shape| match shape {
                Shape::Rect { x, y, w, h, .. } => Some((x, y, w, h)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn lines_span_the_cell_so_neighbours_join() {
        assert_eq!(rects("─"), [(0.0, 8.5, 5.0, 1.0), (4.0, 8.5, 5.0, 1.0)]);
        assert_eq!(rects("│"), [(4.0, 0.0, 1.0, 9.5), (4.0, 8.5, 1.0, 9.5)]);
        assert_eq!(rects("┃"), [(3.5, 0.0, 2.0, 10.0), (3.5, 8.0, 2.0, 10.0)]);
        // A corner: right arm and down arm meet in the centre square.
        assert_eq!(rects("┌"), [(4.0, 8.5, 5.0, 1.0), (4.0, 8.5, 1.0, 9.5)]);
    }

    #[test]
    fn double_lines_have_two_strokes_and_nest_at_corners() {
        let corner = rects("╔");
        assert_eq!(corner.len(), 4);
        // The outer strokes reach further than the inner ones.
        assert!(corner[0].0 < corner[1].0);
        assert_eq!(rects("═").len(), 4);
    }

    #[test]
    fn every_box_drawing_character_is_drawn() {
        for code in 0x2500..=0x257F {
            let c = char::from_u32(code).expect("a char");
            let drawn = shapes(&c.to_string(), CELL).expect("drawn as shapes");
            assert!(!drawn.is_empty(), "{c} draws nothing");
        }
    }

    #[test]
    fn blocks_fill_their_part_of_the_cell() {
        assert_eq!(rects("█"), [(0.0, 0.0, 9.0, 18.0)]);
        assert_eq!(rects("▀"), [(0.0, 0.0, 9.0, 9.0)]);
        assert_eq!(rects("▂"), [(0.0, 13.5, 9.0, 4.5)]);
        assert_eq!(rects("▌"), [(0.0, 0.0, 4.5, 18.0)]);
        assert_eq!(rects("▚"), [(0.0, 0.0, 4.5, 9.0), (4.5, 9.0, 4.5, 9.0)]);
        assert_eq!(rects("▟").len(), 3);
    }

    #[test]
    fn braille_draws_one_dot_per_bit() {
        let dots = |s: &str| shapes(s, CELL).map(|d| d.len());
        assert_eq!(dots("⠀"), Some(0));
        assert_eq!(dots("⠁"), Some(1));
        assert_eq!(dots("⣿"), Some(8));
        assert_eq!(dots("a"), None);
        assert_eq!(dots("─a"), None);
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(coordinate(4.0), "4");
        assert_eq!(coordinate(4.5), "4.5");
        assert_eq!(coordinate(1.0 / 3.0), "0.33");
        assert_eq!(coordinate(-0.001), "0");
    }
}
