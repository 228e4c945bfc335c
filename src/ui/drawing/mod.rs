//! A drawing of a bag, made from what the file says of it (shape, size,
//! colours, details, materials): photos cannot travel over SSH or into a
//! snapshot, so lookbook draws each bag itself.
//!
//! A silhouette (`silhouettes`) and its details (`details`) are filled into a
//! pixel grid (`raster`), which `paint` puts on the screen: on ratatui's
//! Canvas with half blocks (two pixels a cell) in colour, or in shading
//! characters in the monochrome theme.

mod colour;
mod details;
mod paint;
mod raster;
mod silhouettes;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use colour::{Palette, colour};
pub use raster::{Ink, Raster};
pub use silhouettes::silhouette;

use crate::lookbook::{Bag, Carried, Detail, Shape, Size};
use crate::ui::theme::Drawing;

/// Below this many cells a bag cannot be told from a blot: nothing is drawn.
pub const MIN_WIDTH: u16 = 6;
pub const MIN_HEIGHT: u16 = 3;

/// How much of its frame a bag of each size fills, so "teeny tiny" shows:
/// nano < micro < mini. A bag of no stated size is drawn as a mini.
const NANO_ZOOM: f64 = 0.62;
const MICRO_ZOOM: f64 = 0.8;
const MINI_ZOOM: f64 = 1.0;

/// Everything a drawing depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct Sketch {
    pub shape: Option<Shape>,
    pub size: Option<Size>,
    pub palette: Palette,
    pub details: Vec<Detail>,
}

impl Sketch {
    pub fn of_bag(bag: &Bag) -> Sketch {
        Sketch::new(
            bag.shape,
            bag.size,
            &bag.colours,
            &bag.details,
            &bag.materials,
        )
    }

    pub fn of_carried(carried: &Carried) -> Sketch {
        Sketch::new(
            carried.shape,
            carried.size,
            &carried.colours,
            &carried.details,
            &[],
        )
    }

    /// Materials the edit names add their touch even without a `details`
    /// entry: metallic leather shines, diamanté sparkles.
    fn new(
        shape: Option<Shape>,
        size: Option<Size>,
        colours: &[String],
        details: &[Detail],
        materials: &[String],
    ) -> Sketch {
        let mut details = details.to_vec();
        let named = |word: &str| materials.iter().any(|m| m.to_lowercase().contains(word));
        for (word, detail) in [
            ("metallic", Detail::Metallic),
            ("diamant", Detail::Diamante),
        ] {
            if named(word) && !details.contains(&detail) {
                details.push(detail);
            }
        }
        Sketch {
            shape,
            size,
            palette: Palette::of(colours),
            details,
        }
    }

    fn zoom(&self) -> f64 {
        match self.size {
            Some(Size::Nano) => NANO_ZOOM,
            Some(Size::Micro) => MICRO_ZOOM,
            // From mini up the bag fills its frame: a drawing shows how
            // small a bag is, not how large.
            Some(Size::Mini | Size::Small | Size::Medium | Size::Large) | None => MINI_ZOOM,
        }
    }

    /// The bag filled into a grid of `width`×`height` pixels.
    pub fn raster(&self, width: usize, height: usize) -> Raster {
        let mut raster = Raster::new(width, height, self.zoom());
        let anatomy = silhouette(self.shape)(&mut raster);
        // Surface touches go last, so they land on the bow as well.
        let (surface, features): (Vec<Detail>, Vec<Detail>) =
            self.details.iter().partition(|d| is_surface(**d));
        for detail in features.into_iter().chain(surface) {
            details::add(&mut raster, &anatomy, detail);
        }
        raster
    }
}

fn is_surface(detail: Detail) -> bool {
    matches!(
        detail,
        Detail::Patterned | Detail::Metallic | Detail::Diamante
    )
}

/// Draws the bag into `area` of `buffer`, touching no cell outside it;
/// an area too small for a recognisable bag is left alone.
pub fn render(sketch: &Sketch, area: Rect, buffer: &mut Buffer, style: Drawing) {
    let area = area.intersection(buffer.area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return;
    }
    let raster = sketch.raster(usize::from(area.width), usize::from(area.height) * 2);
    match style {
        Drawing::HalfBlock => paint::half_blocks(&raster, &sketch.palette, area, buffer),
        Drawing::Shading => paint::shading(&raster, area, buffer),
    }
}
