//! Colour maths for the palette rules: hex colours, WCAG contrast (`contrast` warnings) and
//! CIEDE2000 differences between fills (`distinct-classes` warnings).

/// The sRGB channels of a hex colour (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`; alpha ignored).
pub fn rgb(hex: &str) -> Option<[u8; 3]> {
    let h = hex.strip_prefix('#')?;
    if !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&h[i..=i], 16).ok();
    let pair = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    match h.len() {
        3 | 4 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 | 8 => Some([pair(0)?, pair(2)?, pair(4)?]),
        _ => None,
    }
}

/// WCAG 2 relative luminance of an sRGB colour.
pub fn luminance([r, g, b]: [u8; 3]) -> f64 {
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// An sRGB channel (0 to 255) as linear light (0 to 1).
fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The cube root of `t` (positive and normal) by Newton's method from Kahan's estimate: basic
/// arithmetic only, so the same bits on every machine. `f64::cbrt` gives the same value to
/// within an ulp but, as Rust's own correctly rounded `cbrt`, first probes the CPU (`cpuid`,
/// a trap to the hypervisor under KVM) for a fused multiply-add: a twentieth of a millisecond
/// of a run that writes nothing.
fn cube_root(t: f64) -> f64 {
    let mut y = f64::from_bits(t.to_bits() / 3 + 0x2a9f_7893_782d_a1ce);
    for _ in 0..6 {
        y -= (y * y * y - t) / (3.0 * y * y);
    }
    y
}

/// sRGB → CIELAB (D65).
pub fn lab([r, g, b]: [u8; 3]) -> [f64; 3] {
    let (r, g, b) = (linear(r), linear(g), linear(b));
    let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            cube_root(t)
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// The CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), with kL = kC = kH = 1.
pub fn ciede2000([l1, a1, b1]: [f64; 3], [l2, a2, b2]: [f64; 3]) -> f64 {
    use std::f64::consts::PI;
    let deg = |r: f64| r * 180.0 / PI;
    let rad = |d: f64| d * PI / 180.0;
    let c1 = a1.hypot(b1);
    let c2 = a2.hypot(b2);
    let cm = (c1 + c2) / 2.0;
    let g = 0.5 * (1.0 - (cm.powi(7) / (cm.powi(7) + 25f64.powi(7))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            let h = deg(b.atan2(a));
            if h < 0.0 { h + 360.0 } else { h }
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else if (h2p - h1p).abs() <= 180.0 {
        h2p - h1p
    } else if h2p - h1p > 180.0 {
        h2p - h1p - 360.0
    } else {
        h2p - h1p + 360.0
    };
    let dhh = 2.0 * (c1p * c2p).sqrt() * rad(dh / 2.0).sin();
    let lm = (l1 + l2) / 2.0;
    let cmp = (c1p + c2p) / 2.0;
    let hm = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * rad(hm - 30.0).cos()
        + 0.24 * rad(2.0 * hm).cos()
        + 0.32 * rad(3.0 * hm + 6.0).cos()
        - 0.20 * rad(4.0 * hm - 63.0).cos();
    let dtheta = 30.0 * (-((hm - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (cmp.powi(7) / (cmp.powi(7) + 25f64.powi(7))).sqrt();
    let sl = 1.0 + 0.015 * (lm - 50.0).powi(2) / (20.0 + (lm - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cmp;
    let sh = 1.0 + 0.015 * cmp * t;
    let rt = -rad(2.0 * dtheta).sin() * rc;
    ((dl / sl).powi(2) + (dc / sc).powi(2) + (dhh / sh).powi(2) + rt * (dc / sc) * (dhh / sh))
        .sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cube_root_is_within_an_ulp_of_cbrt() {
        // Every value `lab` takes it of: (216/24389, a little over 1].
        let (lo, hi) = (216.0f64 / 24389.0, 1.1f64);
        for i in 0..=200_000 {
            let t = lo + (hi - lo) * f64::from(i) / 200_000.0;
            let (ours, std) = (cube_root(t), t.cbrt());
            assert!(
                ours.to_bits().abs_diff(std.to_bits()) <= 1,
                "cube_root({t}) = {ours}, cbrt = {std}"
            );
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        let white = rgb("#fff").unwrap();
        assert_eq!(white, [255, 255, 255]);
        assert_eq!(rgb("#0b66ffcc"), Some([11, 102, 255]));
        assert!((contrast(white, [0, 0, 0]) - 21.0).abs() < 1e-9);
        assert!((contrast(rgb("#777").unwrap(), white) - 4.48).abs() < 0.01);
        assert_eq!(rgb("#12"), None);
    }

    #[test]
    fn ciede2000_matches_sharmas_test_data() {
        // Pairs 1, 7, 13 and 25 of Sharma, Wu and Dalal's published test set.
        let cases = [
            ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
            ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
            ([50.0, 2.49, -0.001], [50.0, -2.49, 0.0009], 7.1792),
            (
                [60.2574, -34.0099, 36.2677],
                [60.4626, -34.1751, 39.4387],
                1.2644,
            ),
        ];
        for (a, b, want) in cases {
            assert!((ciede2000(a, b) - want).abs() < 1e-4, "{a:?} {b:?}");
        }
    }
}
