//! How far apart two colours look. sRGB channels are not spaced as the eye
//! sees them (a step in green shows more than one in blue), so colours are
//! compared in CIELAB, where equal distances look about equally different:
//! sRGB to linear light, to CIE XYZ under daylight (D65), to L*a*b*.

/// A colour in CIELAB: lightness 0 (black) to 100 (white), then green (-)
/// to red (+), and blue (-) to yellow (+).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lab {
    pub l: f64,
    pub a: f64,
    pub b: f64,
}

/// D65 white in XYZ, the white sRGB is defined against.
const WHITE: [f64; 3] = [0.950_47, 1.0, 1.088_83];

/// sRGB's primaries in XYZ (IEC 61966-2-1), one row per X, Y and Z.
const SRGB_TO_XYZ: [[f64; 3]; 3] = [
    [0.412_456_4, 0.357_576_1, 0.180_437_5],
    [0.212_672_9, 0.715_152_2, 0.072_175_0],
    [0.019_333_9, 0.119_192_0, 0.950_304_1],
];

impl Lab {
    pub fn from_rgb((r, g, b): (u8, u8, u8)) -> Lab {
        let linear = [linear(r), linear(g), linear(b)];
        let [x, y, z] = SRGB_TO_XYZ.map(|row| dot(row, linear));
        let [fx, fy, fz] = [x / WHITE[0], y / WHITE[1], z / WHITE[2]].map(f);
        Lab {
            l: 116.0 * fy - 16.0,
            a: 500.0 * (fx - fy),
            b: 200.0 * (fy - fz),
        }
    }

    /// ΔE*76, the straight distance in Lab: about 2.3 is the smallest
    /// difference an eye can tell, and ΔE2000's refinements matter little
    /// for picking the nearest of a few hundred named colours.
    pub fn distance(self, other: Lab) -> f64 {
        ((self.l - other.l).powi(2) + (self.a - other.a).powi(2) + (self.b - other.b).powi(2))
            .sqrt()
    }
}

/// A channel's light, undoing sRGB's gamma.
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn dot(row: [f64; 3], v: [f64; 3]) -> f64 {
    row[0] * v[0] + row[1] * v[1] + row[2] * v[2]
}

/// CIELAB's compression of a ratio to white: a cube root, straightened
/// near black where a cube root would be too steep.
fn f(t: f64) -> f64 {
    const DELTA: f64 = 6.0 / 29.0;
    if t > DELTA.powi(3) {
        t.cbrt()
    } else {
        t / (3.0 * DELTA * DELTA) + 4.0 / 29.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(lab: Lab, (l, a, b): (f64, f64, f64)) -> bool {
        (lab.l - l).abs() < 0.01 && (lab.a - a).abs() < 0.01 && (lab.b - b).abs() < 0.01
    }

    /// Reference values as colour science tools give them (Bruce
    /// Lindbloom's calculator, D65, sRGB).
    #[test]
    fn srgb_to_lab_matches_the_reference() {
        let cases = [
            ((255, 255, 255), (100.0, 0.0, 0.0)),
            ((0, 0, 0), (0.0, 0.0, 0.0)),
            ((255, 0, 0), (53.24, 80.09, 67.20)),
            ((0, 255, 0), (87.73, -86.18, 83.18)),
            ((0, 0, 255), (32.30, 79.19, -107.86)),
            ((128, 128, 128), (53.59, 0.0, 0.0)),
        ];
        for (rgb, expected) in cases {
            let lab = Lab::from_rgb(rgb);
            assert!(close(lab, expected), "{rgb:?}: {lab:?}, not {expected:?}");
        }
    }

    #[test]
    fn distance_is_zero_for_the_same_colour_and_symmetric() {
        let red = Lab::from_rgb((255, 0, 0));
        let crimson = Lab::from_rgb((220, 20, 60));
        assert!(red.distance(red).abs() < 1e-12);
        assert!((red.distance(crimson) - crimson.distance(red)).abs() < 1e-12);
        let white = Lab::from_rgb((255, 255, 255));
        let black = Lab::from_rgb((0, 0, 0));
        assert!((white.distance(black) - 100.0).abs() < 0.01);
    }

    /// What the eye sees, not what the channels say: two greens 30 steps
    /// apart in sRGB look further apart than two blues 30 steps apart.
    #[test]
    fn distance_follows_the_eye_not_the_channels() {
        let d = |a, b| Lab::from_rgb(a).distance(Lab::from_rgb(b));
        assert!(d((0, 100, 0), (0, 130, 0)) > d((0, 0, 100), (0, 0, 130)));
    }
}
