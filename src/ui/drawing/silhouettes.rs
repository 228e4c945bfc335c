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
