//! A small pixel grid that bag drawings are filled into. Shapes are given
//! in "frame units" (a square frame, x from `FRAME_LEFT` to `FRAME_RIGHT`,
//! y from 0 at the top to `FRAME_BOTTOM` on the ground) so every drawing is
//! written once and scales to any number of pixels. A pixel is filled when
//! its centre is inside a shape; strokes are kept at least a pixel wide so
//! handles and straps never break up when the drawing is small.

/// The frame every shape is drawn in: square, so with half-block pixels
/// (about as wide as they are tall) nothing looks squashed.
pub const FRAME_LEFT: f64 = 0.1;
pub const FRAME_RIGHT: f64 = 0.9;
pub const FRAME_BOTTOM: f64 = 0.8;

/// The roles a pixel can play; the palette (colour or shading) decides how
/// each looks, so a shape never names a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// The bag itself, in its colour.
    Body,
    /// Handles, straps, edges, pattern: a darker tone of the bag.
    Trim,
    /// Bows and knots: features that stand out from the body.
    Detail,
    /// Metal: clasps, zips, plates, beads, chain links.
    Hardware,
    /// Light catching the bag: metallic sheen, diamanté sparkle.
    Glint,
}

pub type Point = (f64, f64);

pub struct Raster {
    width: usize,
    height: usize,
    pixels: Vec<Option<Ink>>,
    /// Pixels per frame unit, and where the frame's origin lands.
    scale: f64,
    origin_x: f64,
    origin_y: f64,
}

impl Raster {
    /// A blank `width`×`height` grid with the frame fitted in, shrunk by
    /// `zoom` (1.0 fills it) and standing on the bottom edge, centred.
    pub fn new(width: usize, height: usize, zoom: f64) -> Raster {
        let frame_width = FRAME_RIGHT - FRAME_LEFT;
        let fit = (width as f64 / frame_width).min(height as f64 / FRAME_BOTTOM);
        let scale = fit * zoom.clamp(0.0, 1.0);
        let origin_x = (width as f64 - frame_width * scale) / 2.0 - FRAME_LEFT * scale;
        let origin_y = height as f64 - FRAME_BOTTOM * scale;
        Raster {
            width,
            height,
            pixels: vec![None; width * height],
            scale,
            origin_x,
            origin_y,
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    pub fn get(&self, x: usize, y: usize) -> Option<Ink> {
        if x >= self.width || y >= self.height {
            return None;
        }
        self.pixels[y * self.width + x]
    }

    /// The frame-unit position of a pixel's centre.
    fn centre(&self, x: usize, y: usize) -> Point {
        (
            (x as f64 + 0.5 - self.origin_x) / self.scale,
            (y as f64 + 0.5 - self.origin_y) / self.scale,
        )
    }

    /// One pixel, in frame units: thin lines need at least this much.
    pub fn pixel(&self) -> f64 {
        1.0 / self.scale.max(f64::MIN_POSITIVE)
    }

    /// Fills every pixel inside `bounds` (frame units: left, top, right,
    /// bottom) whose centre passes `inside`.
    pub fn fill(&mut self, ink: Ink, bounds: [f64; 4], inside: impl Fn(Point) -> bool) {
        let [left, top, right, bottom] = bounds;
        let column = |x: f64| (self.origin_x + x * self.scale).floor();
        let row = |y: f64| (self.origin_y + y * self.scale).floor();
        let clamp = pixel_index;
        let (x0, x1) = (
            clamp(column(left) - 1.0, self.width),
            clamp(column(right) + 2.0, self.width),
        );
        let (y0, y1) = (
            clamp(row(top) - 1.0, self.height),
            clamp(row(bottom) + 2.0, self.height),
        );
        for y in y0..y1 {
            for x in x0..x1 {
                if inside(self.centre(x, y)) {
                    self.pixels[y * self.width + x] = Some(ink);
                }
            }
        }
    }

    /// Changes the ink of the pixels that have ink `from` and pass `pick`
    /// (given the pixel's column and row, and its centre in frame units):
    /// how patterns, sheen and sparkle go onto a bag already drawn.
    pub fn recolour(&mut self, from: &[Ink], to: Ink, pick: impl Fn(usize, usize, Point) -> bool) {
        for y in 0..self.height {
            for x in 0..self.width {
                let index = y * self.width + x;
                let Some(ink) = self.pixels[index] else {
                    continue;
                };
                if from.contains(&ink) && pick(x, y, self.centre(x, y)) {
                    self.pixels[index] = Some(to);
                }
            }
        }
    }

    pub fn rect(&mut self, ink: Ink, left: f64, top: f64, right: f64, bottom: f64) {
        self.fill(ink, [left, top, right, bottom], |(x, y)| {
            x >= left && x <= right && y >= top && y <= bottom
        });
    }

    /// A rectangle whose corners are rounded with `radius`.
    pub fn rounded(&mut self, ink: Ink, [left, top, right, bottom]: [f64; 4], radius: f64) {
        let r = radius.min((right - left) / 2.0).min((bottom - top) / 2.0);
        self.fill(ink, [left, top, right, bottom], |(x, y)| {
            let dx = (left + r - x).max(x - (right - r)).max(0.0);
            let dy = (top + r - y).max(y - (bottom - r)).max(0.0);
            x >= left && x <= right && y >= top && y <= bottom && dx * dx + dy * dy <= r * r
        });
    }

    pub fn ellipse(&mut self, ink: Ink, (cx, cy): Point, rx: f64, ry: f64) {
        // At least half a pixel, so a small bead still shows.
        let half = self.pixel() / 2.0;
        let (rx, ry) = (rx.max(half), ry.max(half));
        self.fill(ink, [cx - rx, cy - ry, cx + rx, cy + ry], |(x, y)| {
            let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
            dx * dx + dy * dy <= 1.0
        });
    }

    /// Any closed polygon (even-odd rule): bodies, flaps, bow wings.
    pub fn polygon(&mut self, ink: Ink, corners: &[Point]) {
        if corners.len() < 3 {
            return;
        }
        let xs = corners.iter().map(|p| p.0);
        let ys = corners.iter().map(|p| p.1);
        let bounds = [
            xs.clone().fold(f64::INFINITY, f64::min),
            ys.clone().fold(f64::INFINITY, f64::min),
            xs.fold(f64::NEG_INFINITY, f64::max),
            ys.fold(f64::NEG_INFINITY, f64::max),
        ];
        self.fill(ink, bounds, |point| inside_polygon(point, corners));
    }

    /// The upper half of an elliptical ring standing on `base_y`: a handle
    /// or a strap. `thickness` is widened to at least one pixel.
    pub fn arch(&mut self, ink: Ink, (cx, base_y): Point, rx: f64, ry: f64, thickness: f64) {
        let half = thickness.max(self.pixel() * 1.1) / 2.0;
        let (outer_x, outer_y) = (rx + half, ry + half);
        let (inner_x, inner_y) = (rx - half, ry - half);
        self.fill(
            ink,
            [cx - outer_x, base_y - outer_y, cx + outer_x, base_y],
            |(x, y)| {
                let within = |a: f64, b: f64| {
                    a > 0.0 && b > 0.0 && ((x - cx) / a).powi(2) + ((y - base_y) / b).powi(2) <= 1.0
                };
                y <= base_y && within(outer_x, outer_y) && !within(inner_x, inner_y)
            },
        );
    }

    /// A straight line `thickness` wide (at least about a pixel, so it stays
    /// connected at any angle).
    pub fn stroke(&mut self, ink: Ink, from: Point, to: Point, thickness: f64) {
        let half = (thickness / 2.0).max(self.pixel() * 0.71);
        let bounds = [
            from.0.min(to.0) - half,
            from.1.min(to.1) - half,
            from.0.max(to.0) + half,
            from.1.max(to.1) + half,
        ];
        self.fill(ink, bounds, |point| {
            distance_to_segment(point, from, to) <= half
        });
    }
}

fn inside_polygon((x, y): Point, corners: &[Point]) -> bool {
    let mut inside = false;
    let mut previous = corners[corners.len() - 1];
    for &(cx, cy) in corners {
        let (px, py) = previous;
        if (cy > y) != (py > y) && x < (px - cx) * (y - cy) / (py - cy) + cx {
            inside = !inside;
        }
        previous = (cx, cy);
    }
    inside
}

fn distance_to_segment((x, y): Point, (ax, ay): Point, (bx, by): Point) -> f64 {
    let (dx, dy) = (bx - ax, by - ay);
    let length = dx * dx + dy * dy;
    let t = if length > 0.0 {
        (((x - ax) * dx + (y - ay) * dy) / length).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (nx, ny) = (ax + t * dx - x, ay + t * dy - y);
    (nx * nx + ny * ny).sqrt()
}

/// The pixel at coordinate `v`, held within `0..=max`.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "clamped to 0..=max first, and max is a usize"
)]
fn pixel_index(v: f64, max: usize) -> usize {
    v.clamp(0.0, max as f64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_fills_a_square_grid() {
        let mut raster = Raster::new(10, 10, 1.0);
        raster.rect(Ink::Body, FRAME_LEFT, 0.0, FRAME_RIGHT, FRAME_BOTTOM);
        assert!((0..10).all(|x| (0..10).all(|y| raster.get(x, y) == Some(Ink::Body))));
    }

    #[test]
    fn zoom_shrinks_onto_the_ground() {
        let mut raster = Raster::new(10, 10, 0.5);
        raster.rect(Ink::Body, FRAME_LEFT, 0.0, FRAME_RIGHT, FRAME_BOTTOM);
        assert_eq!(raster.get(5, 9), Some(Ink::Body));
        assert_eq!(raster.get(5, 2), None);
        assert_eq!(raster.get(0, 9), None);
    }

    #[test]
    fn thin_strokes_stay_connected() {
        let mut raster = Raster::new(40, 40, 1.0);
        raster.stroke(Ink::Trim, (0.1, 0.0), (0.9, 0.8), 0.0);
        for y in 0..40 {
            assert!((0..40).any(|x| raster.get(x, y).is_some()), "row {y}");
        }
    }
}
