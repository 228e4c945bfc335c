//! Features drawn on top of a silhouette, placed from its `Anatomy` so each
//! works on every shape: bows, knots, chains, tassels, and the surface
//! touches (pattern, metallic sheen, diamanté sparkle).

use super::raster::{Ink, Raster};
use super::silhouettes::{Anatomy, cord};
use crate::lookbook::Detail;

/// A bow's half-width, as a share of the body's width.
const BOW_SPAN: f64 = 0.4;
const KNOT_SIZE: f64 = 0.07;

pub fn add(r: &mut Raster, body: &Anatomy, detail: Detail) {
    match detail {
        Detail::Bow => bow(r, body),
        Detail::Knot => knot(r, body),
        Detail::Drawstring => cord(r, body.top + 0.03, body.left, body.right),
        Detail::Chain => chain(r, body),
        Detail::Flap => flap(r, body),
        Detail::Tassel => tassel(r, body),
        Detail::Patterned => pattern(r),
        Detail::Metallic => sheen(r, body),
        Detail::Diamante => sparkle(r),
    }
}

/// Two wings pinched at a centre knot, with two short tails.
fn bow(r: &mut Raster, body: &Anatomy) {
    // High on the front, where a flap would close.
    let (cx, _) = body.front();
    let cy = body.top + (body.bottom - body.top) * 0.4;
    let span = body.width() * BOW_SPAN;
    let lift = span * 0.55;
    for side in [-1.0, 1.0] {
        let tip = cx + side * span;
        r.polygon(Ink::Detail, &[(cx, cy), (tip, cy - lift), (tip, cy + lift)]);
        r.stroke(
            Ink::Detail,
            (cx, cy),
            (cx + side * span * 0.45, cy + span * 0.8),
            span * 0.12,
        );
    }
    r.ellipse(Ink::Hardware, (cx, cy), span * 0.16, span * 0.22);
}

/// Handles tied together on top: a knot with two loops.
fn knot(r: &mut Raster, body: &Anatomy) {
    let (x, y) = body
        .apex
        .unwrap_or(((body.left + body.right) / 2.0, body.top));
    for side in [-1.0, 1.0] {
        r.ellipse(
            Ink::Detail,
            (x + side * KNOT_SIZE * 1.2, y + KNOT_SIZE * 0.3),
            KNOT_SIZE * 0.9,
            KNOT_SIZE * 0.6,
        );
    }
    r.ellipse(
        Ink::Trim,
        (x, y + KNOT_SIZE * 0.2),
        KNOT_SIZE * 0.7,
        KNOT_SIZE,
    );
}

/// Handles and straps (the trim above the body) become metal links.
fn chain(r: &mut Raster, body: &Anatomy) {
    let top = body.top;
    r.recolour(&[Ink::Trim], Ink::Hardware, |x, y, (_, fy)| {
        fy < top && (x + y) % 2 == 0
    });
}

fn flap(r: &mut Raster, body: &Anatomy) {
    let (cx, _) = body.front();
    let tip = body.top + (body.bottom - body.top) * 0.45;
    r.stroke(Ink::Trim, (body.left, body.top), (cx, tip), 0.0);
    r.stroke(Ink::Trim, (cx, tip), (body.right, body.top), 0.0);
}

fn tassel(r: &mut Raster, body: &Anatomy) {
    let hook = (body.right - 0.02, body.top + 0.02);
    let knot = (body.right + 0.03, body.top + 0.12);
    r.stroke(Ink::Trim, hook, knot, 0.0);
    r.polygon(
        Ink::Detail,
        &[
            knot,
            (knot.0 + 0.03, knot.1 + 0.14),
            (knot.0 - 0.03, knot.1 + 0.14),
        ],
    );
}

/// A staggered grid of dots over the body, like a monogram canvas.
fn pattern(r: &mut Raster) {
    r.recolour(&[Ink::Body], Ink::Trim, |x, y, _| {
        y % 2 == 1 && (x + y / 2 * 2) % 4 == 0
    });
}

/// A diagonal band of light across the body: metallic leather.
fn sheen(r: &mut Raster, body: &Anatomy) {
    let (left, top, width) = (body.left, body.top, body.width());
    r.recolour(&[Ink::Body], Ink::Glint, |_, _, (x, y)| {
        let along = (x - left) - (y - top) * 0.8;
        (along - width * 0.3).abs() < width * 0.05
    });
}

/// Scattered points of light over the body and its bow: diamanté.
fn sparkle(r: &mut Raster) {
    r.recolour(&[Ink::Body, Ink::Detail], Ink::Glint, |x, y, _| {
        (x * 5 + y * 3) % 9 == 0 && y % 2 == 0
    });
}
