//! One silhouette per `Shape`, in frame units (see `raster`): x from 0.1 to
//! 0.9, y from 0 at the top to 0.8 on the ground. Each function draws the
//! bag and says where its body is, so details (a bow, a knot) can be put on
//! any shape. To add a shape: a function here and an arm in `silhouette`.

use super::raster::{Ink, Point, Raster};
use crate::lookbook::Shape;

/// Where bags stand: just inside the frame's bottom edge.
const GROUND: f64 = super::raster::FRAME_BOTTOM - 0.005;
const CENTRE: f64 = 0.5;

/// Where a drawn bag's body is, and the top of its handles if it has any.
#[derive(Debug, Clone, Copy)]
pub struct Anatomy {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// Where handles meet at the top: a knot goes here.
    pub apex: Option<Point>,
}

impl Anatomy {
    fn body(left: f64, top: f64, right: f64, bottom: f64) -> Anatomy {
        Anatomy {
            left,
            right,
            top,
            bottom,
            apex: None,
        }
    }

    fn with_apex(self, apex: Point) -> Anatomy {
        Anatomy {
            apex: Some(apex),
            ..self
        }
    }

    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    /// The middle of the front, a little below centre: where a bow sits.
    pub fn front(&self) -> Point {
        (
            (self.left + self.right) / 2.0,
            self.top + (self.bottom - self.top) * 0.5,
        )
    }
}

/// The drawing function for a shape; `None` (no shape in the file) gets
/// the generic bag. Exhaustive, so a new `Shape` cannot go undrawn.
pub fn silhouette(shape: Option<Shape>) -> fn(&mut Raster) -> Anatomy {
    match shape {
        Some(Shape::TopHandle) => top_handle,
        Some(Shape::Tote) => tote,
        Some(Shape::Bucket) => bucket,
        Some(Shape::Crossbody) => crossbody,
        Some(Shape::Vanity) => vanity,
        Some(Shape::Drawstring) => drawstring,
        Some(Shape::Clutch) => clutch,
        Some(Shape::Shoulder) => shoulder,
        Some(Shape::Minaudiere) => minaudiere,
        Some(Shape::Box) => box_bag,
        Some(Shape::Pouch) => pouch,
        Some(Shape::Wristlet) => wristlet,
        Some(Shape::Baguette) => baguette,
        Some(Shape::Hobo) => hobo,
        Some(Shape::Saddle) => saddle,
        Some(Shape::BeltBag) => belt_bag,
        Some(Shape::Backpack) => backpack,
        Some(Shape::Satchel) => satchel,
        Some(Shape::Bowling) => bowling,
        None => generic,
    }
}

// Top-handle (Le Chiquito): a rigid, wide little box with one short rolled
// handle, a lid seam and a metal plate on the front.
const TOP_HANDLE_BODY: [f64; 4] = [0.24, 0.44, 0.76, GROUND];
const TOP_HANDLE_RISE: f64 = 0.2;
const TOP_HANDLE_SPAN: f64 = 0.14;
const HANDLE_THICKNESS: f64 = 0.045;

pub fn top_handle(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = TOP_HANDLE_BODY;
    r.arch(
        Ink::Trim,
        (CENTRE, top + 0.01),
        TOP_HANDLE_SPAN,
        TOP_HANDLE_RISE,
        HANDLE_THICKNESS,
    );
    r.rounded(Ink::Body, TOP_HANDLE_BODY, 0.03);
    r.rect(Ink::Trim, left, top + 0.06, right, top + 0.06 + r.pixel());
    r.rect(Ink::Hardware, CENTRE - 0.07, 0.58, CENTRE + 0.07, 0.62);
    Anatomy::body(left, top, right, bottom).with_apex((CENTRE, top - TOP_HANDLE_RISE))
}

// Tote: an open-topped body flaring a little towards the top, with long
// handles reaching high above it (the back one shows inside the front one).
const TOTE_TOP: f64 = 0.4;
const TOTE_TOP_HALF: f64 = 0.27;
const TOTE_BOTTOM_HALF: f64 = 0.23;
const TOTE_HANDLE_RISE: f64 = 0.3;
const TOTE_HANDLE_SPAN: f64 = 0.15;
const TOTE_BACK_HANDLE_RISE: f64 = 0.2;

pub fn tote(r: &mut Raster) -> Anatomy {
    r.arch(
        Ink::Trim,
        (CENTRE, TOTE_TOP + 0.01),
        TOTE_HANDLE_SPAN,
        TOTE_HANDLE_RISE,
        HANDLE_THICKNESS,
    );
    r.arch(
        Ink::Trim,
        (CENTRE, TOTE_TOP + 0.01),
        TOTE_HANDLE_SPAN * 0.6,
        TOTE_BACK_HANDLE_RISE,
        0.0,
    );
    let corners = [
        (CENTRE - TOTE_TOP_HALF, TOTE_TOP),
        (CENTRE + TOTE_TOP_HALF, TOTE_TOP),
        (CENTRE + TOTE_BOTTOM_HALF, GROUND),
        (CENTRE - TOTE_BOTTOM_HALF, GROUND),
    ];
    r.polygon(Ink::Body, &corners);
    // The open top: a darker band where the inside shows.
    r.rect(
        Ink::Trim,
        CENTRE - TOTE_TOP_HALF,
        TOTE_TOP,
        CENTRE + TOTE_TOP_HALF,
        TOTE_TOP + r.pixel(),
    );
    Anatomy::body(
        CENTRE - TOTE_TOP_HALF,
        TOTE_TOP,
        CENTRE + TOTE_TOP_HALF,
        GROUND,
    )
    .with_apex((CENTRE, TOTE_TOP - TOTE_HANDLE_RISE))
}

// Bucket (Bon Bon): a round-bottomed drum, narrower at the mouth, with an
// oval opening and a single arched handle.
const BUCKET_TOP: f64 = 0.4;
const BUCKET_MOUTH_HALF: f64 = 0.19;
const BUCKET_BELLY_HALF: f64 = 0.24;
const BUCKET_BASE_DEPTH: f64 = 0.07;
const BUCKET_HANDLE_RISE: f64 = 0.28;

pub fn bucket(r: &mut Raster) -> Anatomy {
    let belly = GROUND - BUCKET_BASE_DEPTH;
    r.arch(
        Ink::Trim,
        (CENTRE, BUCKET_TOP + 0.02),
        BUCKET_MOUTH_HALF - 0.03,
        BUCKET_HANDLE_RISE,
        HANDLE_THICKNESS,
    );
    r.polygon(
        Ink::Body,
        &[
            (CENTRE - BUCKET_MOUTH_HALF, BUCKET_TOP),
            (CENTRE + BUCKET_MOUTH_HALF, BUCKET_TOP),
            (CENTRE + BUCKET_BELLY_HALF, belly),
            (CENTRE - BUCKET_BELLY_HALF, belly),
        ],
    );
    r.ellipse(
        Ink::Body,
        (CENTRE, belly),
        BUCKET_BELLY_HALF,
        BUCKET_BASE_DEPTH,
    );
    r.ellipse(Ink::Trim, (CENTRE, BUCKET_TOP), BUCKET_MOUTH_HALF, 0.03);
    Anatomy::body(
        CENTRE - BUCKET_BELLY_HALF,
        BUCKET_TOP,
        CENTRE + BUCKET_BELLY_HALF,
        GROUND,
    )
    .with_apex((CENTRE, BUCKET_TOP - BUCKET_HANDLE_RISE))
}

// Crossbody: a flap-front box on a long, thin strap that loops high above.
const CROSSBODY_BODY: [f64; 4] = [0.27, 0.48, 0.73, GROUND];
const CROSSBODY_FLAP_DEPTH: f64 = 0.15;
const STRAP_RISE: f64 = 0.44;
const STRAP_THICKNESS: f64 = 0.015;

pub fn crossbody(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = CROSSBODY_BODY;
    let span = (right - left) / 2.0 - 0.01;
    r.arch(
        Ink::Trim,
        (CENTRE, top + 0.02),
        span,
        STRAP_RISE,
        STRAP_THICKNESS,
    );
    r.rounded(Ink::Body, CROSSBODY_BODY, 0.03);
    flap(r, left, top, right, top + CROSSBODY_FLAP_DEPTH);
    Anatomy::body(left, top, right, bottom)
}

/// A flap's edge, curving down to a clasp in the middle.
fn flap(r: &mut Raster, left: f64, top: f64, right: f64, tip: f64) {
    let edge = tip - (tip - top) * 0.4;
    r.stroke(Ink::Trim, (left, edge), (CENTRE, tip), 0.0);
    r.stroke(Ink::Trim, (CENTRE, tip), (right, edge), 0.0);
    r.ellipse(Ink::Hardware, (CENTRE, tip), 0.025, 0.02);
}

// Vanity: a boxy case, almost as tall as wide, with a rounded lid, a zip
// running along the top and a short carry handle.
const VANITY_BODY: [f64; 4] = [0.29, 0.36, 0.71, GROUND];
const VANITY_HANDLE_RISE: f64 = 0.13;
const VANITY_HANDLE_SPAN: f64 = 0.1;

pub fn vanity(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = VANITY_BODY;
    r.arch(
        Ink::Trim,
        (CENTRE, top + 0.01),
        VANITY_HANDLE_SPAN,
        VANITY_HANDLE_RISE,
        HANDLE_THICKNESS,
    );
    r.rounded(Ink::Body, VANITY_BODY, 0.08);
    r.rect(
        Ink::Hardware,
        left + 0.03,
        top + 0.05,
        right - 0.03,
        top + 0.05 + r.pixel(),
    );
    // Piping down the sides and along the base, as on a hard case.
    r.rect(
        Ink::Trim,
        left + 0.01,
        bottom - r.pixel(),
        right - 0.01,
        bottom,
    );
    Anatomy::body(left, top, right, bottom).with_apex((CENTRE, top - VANITY_HANDLE_RISE))
}

// Drawstring: a soft pouch gathered at the neck by a cord, with a frill
// above the cord and the cord's two ends hanging down, beaded.
const POUCH_NECK: f64 = 0.42;
const POUCH_NECK_HALF: f64 = 0.11;
const POUCH_BELLY: f64 = 0.62;
const POUCH_BELLY_HALF: f64 = 0.22;
const FRILL_TOP: f64 = 0.3;
const FRILL_HALF: f64 = 0.16;

pub fn drawstring(r: &mut Raster) -> Anatomy {
    r.polygon(
        Ink::Body,
        &[
            (CENTRE - FRILL_HALF, FRILL_TOP),
            (CENTRE + FRILL_HALF, FRILL_TOP),
            (CENTRE + POUCH_NECK_HALF, POUCH_NECK),
            (CENTRE - POUCH_NECK_HALF, POUCH_NECK),
        ],
    );
    r.polygon(
        Ink::Body,
        &[
            (CENTRE - POUCH_NECK_HALF, POUCH_NECK),
            (CENTRE + POUCH_NECK_HALF, POUCH_NECK),
            (CENTRE + POUCH_BELLY_HALF, POUCH_BELLY),
            (CENTRE - POUCH_BELLY_HALF, POUCH_BELLY),
        ],
    );
    r.ellipse(
        Ink::Body,
        (CENTRE, POUCH_BELLY),
        POUCH_BELLY_HALF,
        GROUND - POUCH_BELLY,
    );
    // Gathers: the pleats the cord pulls into the frill.
    for dx in [-0.08, 0.0, 0.08] {
        r.stroke(
            Ink::Trim,
            (CENTRE + dx * 1.4, FRILL_TOP),
            (CENTRE + dx, POUCH_NECK),
            0.0,
        );
    }
    cord(
        r,
        POUCH_NECK,
        CENTRE - POUCH_NECK_HALF - 0.02,
        CENTRE + POUCH_NECK_HALF + 0.02,
    );
    Anatomy::body(
        CENTRE - POUCH_BELLY_HALF,
        POUCH_NECK,
        CENTRE + POUCH_BELLY_HALF,
        GROUND,
    )
}

/// A drawstring cord across `y`, tied in the middle, its ends hanging down
/// to a bead each.
pub fn cord(r: &mut Raster, y: f64, left: f64, right: f64) {
    r.stroke(Ink::Trim, (left, y), (right, y), 0.02);
    let tie = (CENTRE, y);
    for (end_x, drop) in [(-0.07, 0.16), (0.05, 0.19)] {
        let end = (CENTRE + end_x, y + drop);
        r.stroke(Ink::Trim, tie, end, 0.0);
        r.ellipse(Ink::Hardware, end, 0.02, 0.02);
    }
}

// Clutch: a long flat envelope, no handle, its flap a deep V.
const CLUTCH_BODY: [f64; 4] = [0.18, 0.52, 0.82, GROUND];

pub fn clutch(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = CLUTCH_BODY;
    r.rounded(Ink::Body, CLUTCH_BODY, 0.02);
    r.stroke(Ink::Trim, (left, top), (CENTRE, top + 0.15), 0.0);
    r.stroke(Ink::Trim, (CENTRE, top + 0.15), (right, top), 0.0);
    r.ellipse(Ink::Hardware, (CENTRE, top + 0.15), 0.02, 0.02);
    Anatomy::body(left, top, right, bottom)
}

// Shoulder: a soft half-moon hobo on a wide strap that sits on the
// shoulder, shorter than a crossbody's.
const SHOULDER_TOP: f64 = 0.46;
const SHOULDER_HALF: f64 = 0.28;
const SHOULDER_STRAP_RISE: f64 = 0.34;

pub fn shoulder(r: &mut Raster) -> Anatomy {
    r.arch(
        Ink::Trim,
        (CENTRE, SHOULDER_TOP + 0.02),
        SHOULDER_HALF - 0.06,
        SHOULDER_STRAP_RISE,
        0.035,
    );
    let depth = GROUND - SHOULDER_TOP;
    r.fill(
        Ink::Body,
        [
            CENTRE - SHOULDER_HALF,
            SHOULDER_TOP,
            CENTRE + SHOULDER_HALF,
            GROUND,
        ],
        |(x, y)| {
            let (dx, dy) = ((x - CENTRE) / SHOULDER_HALF, (y - SHOULDER_TOP) / depth);
            y >= SHOULDER_TOP && dx * dx + dy * dy <= 1.0
        },
    );
    Anatomy::body(
        CENTRE - SHOULDER_HALF,
        SHOULDER_TOP,
        CENTRE + SHOULDER_HALF,
        GROUND,
    )
}

// Minaudière: a small hard evening case, its rounded body framed in metal
// along the top, a jewelled clasp on the frame and a fine chain above.
const MINAUDIERE_BODY: [f64; 4] = [0.3, 0.5, 0.7, GROUND];

pub fn minaudiere(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = MINAUDIERE_BODY;
    r.arch(Ink::Hardware, (CENTRE, top), 0.17, 0.24, 0.0);
    r.rounded(Ink::Body, MINAUDIERE_BODY, 0.1);
    r.rect(
        Ink::Hardware,
        left + 0.03,
        top + 0.04,
        right - 0.03,
        top + 0.04 + r.pixel(),
    );
    r.ellipse(Ink::Hardware, (CENTRE, top + 0.02), 0.035, 0.035);
    Anatomy::body(left, top, right, bottom)
}

// Box: a rigid cube with a lid seam a little below the top and a short,
// stiff handle.
const BOX_BODY: [f64; 4] = [0.3, 0.38, 0.7, GROUND];

pub fn box_bag(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = BOX_BODY;
    r.arch(
        Ink::Trim,
        (CENTRE, top + 0.01),
        0.09,
        0.14,
        HANDLE_THICKNESS,
    );
    r.rounded(Ink::Body, BOX_BODY, 0.01);
    r.rect(Ink::Trim, left, top + 0.1, right, top + 0.1 + r.pixel());
    r.rect(
        Ink::Hardware,
        CENTRE - 0.03,
        top + 0.1,
        CENTRE + 0.03,
        top + 0.15,
    );
    Anatomy::body(left, top, right, bottom).with_apex((CENTRE, top - 0.14))
}

// Pouch: a soft, low, wide body with no handle, zipped along the top, the
// pull hanging at one end.
const POUCH_BODY: [f64; 4] = [0.18, 0.5, 0.82, GROUND];

pub fn pouch(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = POUCH_BODY;
    r.rounded(Ink::Body, POUCH_BODY, 0.1);
    r.rect(
        Ink::Hardware,
        left + 0.06,
        top + 0.04,
        right - 0.06,
        top + 0.04 + r.pixel(),
    );
    r.stroke(
        Ink::Hardware,
        (right - 0.06, top + 0.04),
        (right - 0.03, top + 0.12),
        0.02,
    );
    Anatomy::body(left, top, right, bottom)
}

// Wristlet: a small zipped pouch with a loop for the wrist at one corner.
const WRISTLET_BODY: [f64; 4] = [0.36, 0.5, 0.78, GROUND];

pub fn wristlet(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = WRISTLET_BODY;
    r.arch(
        Ink::Trim,
        (left + 0.01, top + 0.08),
        0.12,
        0.2,
        STRAP_THICKNESS * 2.0,
    );
    r.rounded(Ink::Body, WRISTLET_BODY, 0.05);
    r.rect(
        Ink::Hardware,
        left + 0.04,
        top + 0.04,
        right - 0.04,
        top + 0.04 + r.pixel(),
    );
    r.ellipse(Ink::Hardware, (left + 0.01, top + 0.08), 0.025, 0.025);
    Anatomy::body(left, top, right, bottom)
}

// Baguette: long, narrow and shallow, carried tucked under the arm on a
// short strap, its flap closed by a clasp in the middle.
const BAGUETTE_BODY: [f64; 4] = [0.14, 0.56, 0.86, GROUND];

pub fn baguette(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = BAGUETTE_BODY;
    r.arch(Ink::Trim, (CENTRE, top + 0.01), 0.26, 0.2, 0.03);
    r.rounded(Ink::Body, BAGUETTE_BODY, 0.04);
    r.rect(Ink::Trim, left, top + 0.12, right, top + 0.12 + r.pixel());
    r.rect(
        Ink::Hardware,
        CENTRE - 0.06,
        top + 0.09,
        CENTRE + 0.06,
        top + 0.15,
    );
    Anatomy::body(left, top, right, bottom)
}

// Hobo: slouchy, its top edge sagging into a curve between the two points
// where a single strap is fixed.
const HOBO_TOP: f64 = 0.38;
const HOBO_HALF: f64 = 0.27;
const HOBO_SAG: f64 = 0.12;

pub fn hobo(r: &mut Raster) -> Anatomy {
    r.arch(
        Ink::Trim,
        (CENTRE, HOBO_TOP + 0.02),
        HOBO_HALF - 0.04,
        0.26,
        0.03,
    );
    let bottom_half = HOBO_HALF - 0.05;
    r.fill(
        Ink::Body,
        [CENTRE - HOBO_HALF, HOBO_TOP, CENTRE + HOBO_HALF, GROUND],
        |(x, y)| {
            let across = ((x - CENTRE) / HOBO_HALF).abs();
            let edge = HOBO_TOP + HOBO_SAG * (1.0 - across * across);
            let depth = (y - HOBO_TOP) / (GROUND - HOBO_TOP);
            let half = HOBO_HALF - (HOBO_HALF - bottom_half) * depth;
            y >= edge && (x - CENTRE).abs() <= half * (1.0 - depth.powi(6)).sqrt()
        },
    );
    Anatomy::body(
        CENTRE - HOBO_HALF,
        HOBO_TOP + HOBO_SAG,
        CENTRE + HOBO_HALF,
        GROUND,
    )
}

// Saddle: a kidney shape, flat along the top and swelling into a round
// belly low on one side, its flap curving over the front, on a short strap.
const SADDLE_TOP: f64 = 0.44;

pub fn saddle(r: &mut Raster) -> Anatomy {
    let (left, right) = (0.22, 0.78);
    r.arch(Ink::Trim, (0.56, SADDLE_TOP + 0.01), 0.18, 0.26, 0.03);
    r.fill(Ink::Body, [left, SADDLE_TOP, right, GROUND], |(x, y)| {
        // A wide ellipse, its right half shorter: the lopsided belly.
        let cx = 0.48;
        let rx = if x < cx { cx - left } else { right - cx };
        let ry = if x < cx {
            GROUND - SADDLE_TOP
        } else {
            (GROUND - SADDLE_TOP) * 0.7
        };
        let (dx, dy) = ((x - cx) / rx, (y - SADDLE_TOP) / ry);
        y >= SADDLE_TOP && dx * dx + dy * dy <= 1.0
    });
    r.stroke(
        Ink::Trim,
        (0.3, SADDLE_TOP + 0.02),
        (0.62, GROUND - 0.12),
        0.0,
    );
    r.ellipse(Ink::Hardware, (0.62, GROUND - 0.12), 0.02, 0.02);
    Anatomy::body(left, SADDLE_TOP, right, GROUND)
}

// Belt bag: a rounded pill worn at the waist, the belt running behind it
// across the whole frame, buckled at one side.
const BELT_Y: f64 = 0.58;
const BELT_BAG_BODY: [f64; 4] = [0.24, 0.48, 0.76, 0.72];

pub fn belt_bag(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = BELT_BAG_BODY;
    r.rect(Ink::Trim, 0.1, BELT_Y - 0.02, 0.9, BELT_Y + 0.02);
    r.rect(Ink::Hardware, 0.8, BELT_Y - 0.035, 0.84, BELT_Y + 0.035);
    r.rounded(Ink::Body, BELT_BAG_BODY, 0.12);
    r.rect(
        Ink::Hardware,
        left + 0.08,
        top + 0.05,
        right - 0.08,
        top + 0.05 + r.pixel(),
    );
    Anatomy::body(left, top, right, bottom)
}

// Backpack: taller than wide, round-shouldered, a grab loop on top and a
// pocket on the front.
const BACKPACK_BODY: [f64; 4] = [0.3, 0.26, 0.7, GROUND];

pub fn backpack(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = BACKPACK_BODY;
    r.arch(
        Ink::Trim,
        (CENTRE, top + 0.01),
        0.05,
        0.06,
        HANDLE_THICKNESS,
    );
    r.rounded(Ink::Body, BACKPACK_BODY, 0.12);
    let pocket = [left + 0.06, 0.56, right - 0.06, bottom - 0.04];
    r.rounded(Ink::Trim, pocket, 0.04);
    r.rounded(
        Ink::Body,
        [
            pocket[0] + 0.02,
            pocket[1] + 0.02,
            pocket[2] - 0.02,
            pocket[3] - 0.02,
        ],
        0.03,
    );
    r.rect(
        Ink::Hardware,
        pocket[0] + 0.04,
        pocket[1] + 0.04,
        pocket[2] - 0.04,
        pocket[1] + 0.04 + r.pixel(),
    );
    Anatomy::body(left, top, right, bottom).with_apex((CENTRE, top - 0.06))
}

// Satchel: a structured school-bag shape, a deep flap over the front held
// by two buckled straps, one handle on top.
const SATCHEL_BODY: [f64; 4] = [0.24, 0.42, 0.76, GROUND];

pub fn satchel(r: &mut Raster) -> Anatomy {
    let [left, top, right, bottom] = SATCHEL_BODY;
    r.arch(Ink::Trim, (CENTRE, top + 0.01), 0.1, 0.16, HANDLE_THICKNESS);
    r.rounded(Ink::Body, SATCHEL_BODY, 0.03);
    let flap = top + 0.2;
    r.rect(Ink::Trim, left, flap, right, flap + r.pixel());
    for x in [0.36, 0.64] {
        r.rect(Ink::Trim, x - 0.02, top, x + 0.02, flap + 0.08);
        r.rect(
            Ink::Hardware,
            x - 0.035,
            flap + 0.03,
            x + 0.035,
            flap + 0.07,
        );
    }
    Anatomy::body(left, top, right, bottom).with_apex((CENTRE, top - 0.16))
}

// Bowling: a domed top over a flat base, zipped along the dome, two rolled
// handles.
const BOWLING_TOP: f64 = 0.42;
const BOWLING_HALF: f64 = 0.28;
const BOWLING_SHOULDER: f64 = 0.56;

pub fn bowling(r: &mut Raster) -> Anatomy {
    r.arch(
        Ink::Trim,
        (CENTRE, BOWLING_TOP + 0.03),
        0.12,
        0.18,
        HANDLE_THICKNESS,
    );
    let dome = BOWLING_SHOULDER - BOWLING_TOP;
    r.fill(
        Ink::Body,
        [
            CENTRE - BOWLING_HALF,
            BOWLING_TOP,
            CENTRE + BOWLING_HALF,
            GROUND,
        ],
        |(x, y)| {
            let dx = (x - CENTRE) / BOWLING_HALF;
            let dy = (BOWLING_SHOULDER - y) / dome;
            (y >= BOWLING_SHOULDER || dx * dx + dy * dy <= 1.0) && dx.abs() <= 1.0
        },
    );
    r.arch(
        Ink::Hardware,
        (CENTRE, BOWLING_SHOULDER),
        BOWLING_HALF - 0.06,
        dome - 0.05,
        0.0,
    );
    r.rect(
        Ink::Trim,
        CENTRE - BOWLING_HALF,
        GROUND - r.pixel(),
        CENTRE + BOWLING_HALF,
        GROUND,
    );
    Anatomy::body(
        CENTRE - BOWLING_HALF,
        BOWLING_TOP,
        CENTRE + BOWLING_HALF,
        GROUND,
    )
    .with_apex((CENTRE, BOWLING_TOP - 0.15))
}

// Generic (no shape given): the handbag everyone draws, a trapezoid a
// little narrower at the top, with one handle.
const GENERIC_TOP: f64 = 0.44;
const GENERIC_TOP_HALF: f64 = 0.2;
const GENERIC_BOTTOM_HALF: f64 = 0.26;
const GENERIC_HANDLE_RISE: f64 = 0.2;

pub fn generic(r: &mut Raster) -> Anatomy {
    r.arch(
        Ink::Trim,
        (CENTRE, GENERIC_TOP + 0.01),
        GENERIC_TOP_HALF - 0.06,
        GENERIC_HANDLE_RISE,
        HANDLE_THICKNESS,
    );
    r.polygon(
        Ink::Body,
        &[
            (CENTRE - GENERIC_TOP_HALF, GENERIC_TOP),
            (CENTRE + GENERIC_TOP_HALF, GENERIC_TOP),
            (CENTRE + GENERIC_BOTTOM_HALF, GROUND),
            (CENTRE - GENERIC_BOTTOM_HALF, GROUND),
        ],
    );
    r.ellipse(Ink::Hardware, (CENTRE, GENERIC_TOP + 0.08), 0.025, 0.02);
    Anatomy::body(
        CENTRE - GENERIC_BOTTOM_HALF,
        GENERIC_TOP,
        CENTRE + GENERIC_BOTTOM_HALF,
        GROUND,
    )
    .with_apex((CENTRE, GENERIC_TOP - GENERIC_HANDLE_RISE))
}
