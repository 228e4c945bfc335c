//! Putting a raster on screen: in colour on ratatui's Canvas with the
//! HalfBlock marker (each cell shows two pixels, upper and lower, so fills
//! look solid); in the monochrome theme with shading characters, where
//! tone rather than colour tells the body from its handles and details.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Painter, Shape};

use super::colour::Palette;
use super::raster::{Ink, Raster};

/// The raster as a Canvas shape: one canvas point per pixel.
struct Pixels<'a> {
    raster: &'a Raster,
    palette: &'a Palette,
}

impl Shape for Pixels<'_> {
    fn draw(&self, painter: &mut Painter) {
        // The grid's last point, asked of the painter rather than assumed,
        // so a raster and a canvas of different sizes can never overflow.
        let (x_bounds, y_bounds) = painter.bounds();
        let Some((last_x, last_y)) = painter.get_point(x_bounds[1], y_bounds[0]) else {
            return;
        };
        for y in 0..=last_y.min(self.raster.height().saturating_sub(1)) {
            for x in 0..=last_x.min(self.raster.width().saturating_sub(1)) {
                if let Some(ink) = self.raster.get(x, y) {
                    painter.paint(x, y, self.palette.ink(ink));
                }
            }
        }
    }
}

pub fn half_blocks(raster: &Raster, palette: &Palette, area: Rect, buffer: &mut Buffer) {
    let pixels = Pixels { raster, palette };
    Canvas::default()
        .marker(Marker::HalfBlock)
        .background_color(Color::Reset)
        .x_bounds([0.0, area.width as f64])
        .y_bounds([0.0, area.height as f64])
        .paint(|context| context.draw(&pixels))
        .render(area, buffer);
}

/// Darkest first: in a cell where two inks meet, the one that carries the
/// shape (a handle, a bow) wins over the body.
fn weight(ink: Ink) -> u8 {
    match ink {
        Ink::Body => 1,
        Ink::Glint => 2,
        Ink::Hardware => 3,
        Ink::Detail => 4,
        Ink::Trim => 5,
    }
}

fn shade(ink: Ink) -> char {
    match ink {
        Ink::Body => '▒',
        Ink::Glint => '░',
        Ink::Hardware => '░',
        Ink::Detail => '▓',
        Ink::Trim => '█',
    }
}

/// The character for a cell whose upper and lower pixels have these inks.
/// Lines (trim) keep their half-cell position so thin straps stay thin.
fn cell(upper: Option<Ink>, lower: Option<Ink>) -> Option<char> {
    match (upper, lower) {
        (None, None) => None,
        (Some(Ink::Trim), None) => Some('▀'),
        (None, Some(Ink::Trim)) => Some('▄'),
        (Some(ink), None) | (None, Some(ink)) => Some(shade(ink)),
        (Some(a), Some(b)) => Some(shade(if weight(a) >= weight(b) { a } else { b })),
    }
}

pub fn shading(raster: &Raster, area: Rect, buffer: &mut Buffer) {
    for row in 0..area.height {
        for column in 0..area.width {
            let (x, y) = (usize::from(column), usize::from(row) * 2);
            let Some(symbol) = cell(raster.get(x, y), raster.get(x, y + 1)) else {
                continue;
            };
            if let Some(target) = buffer.cell_mut((area.x + column, area.y + row)) {
                target.set_char(symbol);
            }
        }
    }
}
