//! A photo in half blocks, two pixels a cell, drawn by lookbook rather
//! than ratatui-image, which paints transparent pixels black and pads a
//! photo out to whole cells with transparent black (so a PNG's clear
//! background was a black box, and the last column or row of a fitted
//! photo came out darkened). Here a transparent pixel leaves the pane's
//! background, and a photo fills the cells it takes.

use image::imageops::FilterType;
use image::{DynamicImage, RgbaImage};
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::Color;

/// A cell's size in the pixels a photo is first scaled to (ratatui-image's
/// own for half blocks): two square halves of 10x10.
const CELL: (u32, u32) = (10, 20);
const HALF: u32 = 10;

/// Below this alpha a pixel is background; at or above it, photo.
const OPAQUE: u32 = 128;

pub struct HalfBlocks {
    size: Size,
    cells: Vec<Cell>,
}

/// A cell's two halves, each the photo's colour or `None` (background).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    upper: Option<[u8; 3]>,
    lower: Option<[u8; 3]>,
}

impl HalfBlocks {
    /// `image` fitted into `area` cells, no bigger than its own pixels
    /// would draw (at 10x20 a cell), filling whole cells.
    pub fn new(image: &DynamicImage, area: Size) -> Option<HalfBlocks> {
        let (width, height) = (image.width(), image.height());
        if width == 0 || height == 0 || area.width == 0 || area.height == 0 {
            return None;
        }
        let room = (
            (u32::from(area.width) * CELL.0).min(width),
            (u32::from(area.height) * CELL.1).min(height),
        );
        let (fit_width, fit_height) = fit(width, height, room);
        let columns = fit_width.div_ceil(CELL.0).clamp(1, u32::from(area.width));
        let rows = fit_height.div_ceil(CELL.1).clamp(1, u32::from(area.height));
        // Nearest first: cheap over a big photo, and exact multiples of the
        // halves, which are then averaged, alpha and all.
        let scaled = image
            .resize_exact(columns * CELL.0, rows * CELL.1, FilterType::Nearest)
            .to_rgba8();
        let cells = (0..rows)
            .flat_map(|row| (0..columns).map(move |column| (column, row)))
            .map(|(column, row)| Cell {
                upper: average(&scaled, column * HALF, row * 2 * HALF),
                lower: average(&scaled, column * HALF, (row * 2 + 1) * HALF),
            })
            .collect();
        Some(HalfBlocks {
            size: Size::new(u16::try_from(columns).ok()?, u16::try_from(rows).ok()?),
            cells,
        })
    }

    pub fn size(&self) -> Size {
        self.size
    }

    /// What it keeps in memory.
    pub fn bytes(&self) -> usize {
        self.cells.len() * std::mem::size_of::<Cell>()
    }

    /// Draws it from `at`'s top left, clipped to `at`.
    pub fn render(&self, at: Rect, buffer: &mut Buffer) {
        let width = usize::from(self.size.width);
        for (i, cell) in self.cells.iter().enumerate() {
            let (Ok(x), Ok(y)) = (u16::try_from(i % width), u16::try_from(i / width)) else {
                continue;
            };
            if x >= at.width || y >= at.height {
                continue;
            }
            if let Some(target) = buffer.cell_mut((at.x + x, at.y + y)) {
                cell.paint(target);
            }
        }
    }
}

impl Cell {
    /// The upper half block in the upper colour over the lower, or the
    /// lower half block when the lower is the brighter (as ratatui-image
    /// draws them); a half that is background leaves the cell's own.
    fn paint(self, target: &mut ratatui::buffer::Cell) {
        let rgb = |[r, g, b]: [u8; 3]| Color::Rgb(r, g, b);
        match (self.upper, self.lower) {
            (Some(upper), Some(lower)) if upper == lower => {
                target.set_symbol(" ").set_bg(rgb(upper));
            }
            (Some(upper), Some(lower)) if luminance(lower) > luminance(upper) => {
                target.set_symbol("▄").set_fg(rgb(lower)).set_bg(rgb(upper));
            }
            (Some(upper), Some(lower)) => {
                target.set_symbol("▀").set_fg(rgb(upper)).set_bg(rgb(lower));
            }
            (Some(upper), None) => {
                target.set_symbol("▀").set_fg(rgb(upper));
            }
            (None, Some(lower)) => {
                target.set_symbol("▄").set_fg(rgb(lower));
            }
            (None, None) => {
                target.set_symbol(" ");
            }
        }
    }
}

fn luminance([r, g, b]: [u8; 3]) -> u32 {
    2126 * u32::from(r) + 7152 * u32::from(g) + 722 * u32::from(b)
}

/// The HALFxHALF square from (`x`, `y`) as one colour, weighted by alpha
/// (a half-clear square is its opaque pixels' colour); `None` when it is
/// mostly clear.
fn average(image: &RgbaImage, x: u32, y: u32) -> Option<[u8; 3]> {
    let (mut sum, mut alpha) = ([0_u64; 3], 0_u64);
    for dy in 0..HALF {
        for dx in 0..HALF {
            let [r, g, b, a] = image.get_pixel(x + dx, y + dy).0;
            let a = u64::from(a);
            for (total, channel) in sum.iter_mut().zip([r, g, b]) {
                *total += u64::from(channel) * a;
            }
            alpha += a;
        }
    }
    let pixels = u64::from(HALF * HALF);
    if alpha < u64::from(OPAQUE) * pixels {
        return None;
    }
    Some(sum.map(|total| u8::try_from(total / alpha).unwrap_or(u8::MAX)))
}

/// The largest size of `width`x`height`'s shape within `room`, rounded as
/// ratatui-image rounds its fits.
fn fit(width: u32, height: u32, room: (u32, u32)) -> (u32, u32) {
    let ratio = f64::min(
        f64::from(room.0) / f64::from(width),
        f64::from(room.1) / f64::from(height),
    );
    let side = |length: u32| {
        let scaled = (f64::from(length) * ratio).round();
        // Within room, which fits in u32: the cast cannot wrap.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let scaled = scaled as u32;
        scaled.max(1)
    };
    (side(width), side(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(blocks: &HalfBlocks) -> Vec<Cell> {
        blocks.cells.clone()
    }

    /// A photo whose shape leaves part of its last cells empty fills them
    /// with its own colour: no darkened edge.
    #[test]
    fn a_fitted_photo_fills_its_cells_to_the_edge() {
        let colour = [0xd7, 0xaf, 0x87];
        let image = DynamicImage::from(image::RgbImage::from_pixel(95, 47, image::Rgb(colour)));
        let blocks = HalfBlocks::new(&image, Size::new(40, 10)).expect("drawn");
        assert_eq!(blocks.size(), Size::new(10, 3));
        let every = Cell {
            upper: Some(colour),
            lower: Some(colour),
        };
        assert!(cells(&blocks).iter().all(|cell| *cell == every));
    }

    /// Clear pixels are background; a half-clear half is its opaque
    /// pixels' colour, not darkened by the clear ones.
    #[test]
    fn transparent_pixels_leave_the_background() {
        let pink = [240, 110, 170];
        // Left half clear, right half pink; the pink's edge half-clear.
        let image = RgbaImage::from_fn(40, 40, |x, _| {
            let a = match x {
                0..20 => 0,
                20..25 => 200,
                _ => 255,
            };
            image::Rgba([pink[0], pink[1], pink[2], a])
        });
        let blocks = HalfBlocks::new(&DynamicImage::from(image), Size::new(4, 2)).expect("drawn");
        assert_eq!(blocks.size(), Size::new(4, 2));
        let row: Vec<Cell> = cells(&blocks)[..4].to_vec();
        let clear = Cell {
            upper: None,
            lower: None,
        };
        let full = Cell {
            upper: Some(pink),
            lower: Some(pink),
        };
        assert_eq!(row, vec![clear, clear, full, full]);
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 2));
        blocks.render(buffer.area, &mut buffer);
        assert_eq!(buffer[(0, 0)].bg, Color::Reset, "the pane's own background");
        assert_eq!(buffer[(3, 0)].bg, Color::Rgb(240, 110, 170));
    }

    /// A photo over a clear ground: the half of a cell that is photo is
    /// drawn, the other half is background.
    #[test]
    fn a_cell_half_clear_draws_only_its_photo_half() {
        let image = RgbaImage::from_fn(10, 20, |_, y| {
            image::Rgba([10, 20, 30, if y < 10 { 255 } else { 0 }])
        });
        let blocks = HalfBlocks::new(&DynamicImage::from(image), Size::new(1, 1)).expect("drawn");
        let mut buffer = Buffer::empty(Rect::new(0, 0, 1, 1));
        blocks.render(buffer.area, &mut buffer);
        let cell = &buffer[(0, 0)];
        assert_eq!(cell.symbol(), "▀");
        assert_eq!(cell.fg, Color::Rgb(10, 20, 30));
        assert_eq!(cell.bg, Color::Reset);
    }
}
