//! Where the marker's amounts go, so they stay readable: each as close to its
//! own value as it can be without running into the other amounts or into a
//! break-even label, on the side of the marker where that moves them least.
//!
//! Text is not measured here (an SVG string has no fonts): widths are an
//! estimate on the generous side for the page's sans-serif font, and the
//! browser tests check the result with the real glyph boxes.

/// Label heights for `values` (same units), at least `gap` apart and within
/// 0..=`top`, each as close to its own value as the others allow, and never
/// inside a `blocked` interval (lo, hi): a label that would be moves to its
/// nearer end, down only while that keeps the gap to the label below.
fn spread(values: &[f64], gap: f64, top: f64, blocked: &[(f64, f64)]) -> Vec<f64> {
    // A handful of lines: an insertion sort is enough, and far smaller in wasm than sort_by.
    let mut order: Vec<usize> = Vec::with_capacity(values.len());
    for i in 0..values.len() {
        let at = order.iter().position(|&j| values[j] > values[i]).unwrap_or(order.len());
        order.insert(at, i);
    }
    let mut placed = vec![0.0; values.len()];
    let mut floor = f64::NEG_INFINITY;
    for &i in &order {
        let lowest = floor.max(0.0);
        let mut y = values[i].max(lowest);
        // Down steps only go down and up steps only up (after the first, no
        // more down), each to another interval's end: this ends.
        let mut may_go_down = true;
        while let Some(&(lo, hi)) = blocked.iter().find(|&&(lo, hi)| lo < y && y < hi) {
            if may_go_down && y - lo < hi - y && lo >= lowest {
                y = lo;
            } else {
                y = hi;
                may_go_down = false;
            }
        }
        placed[i] = y;
        floor = y + gap;
    }
    // Pushed past the top: place them again from the top down, each at most
    // a gap below the one above, stepping down over the blocked heights.
    if order.last().is_some_and(|&last| placed[last] + gap * 0.5 > top) {
        let mut ceiling = top - gap * 0.5;
        for &i in order.iter().rev() {
            let mut y = placed[i].min(ceiling);
            while let Some(&(lo, _)) = blocked.iter().find(|&&(lo, hi)| lo < y && y < hi) {
                y = lo;
            }
            placed[i] = y;
            ceiling = y - gap;
        }
    }
    placed
}

/// A rectangle in the SVG's pixels (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    /// Whether a circle of radius `r` around `center` touches the rectangle.
    pub(super) fn meets_circle(&self, (x, y): (f64, f64), r: f64) -> bool {
        let (dx, dy) = (x - super::within(x, self.left, self.right), y - super::within(y, self.top, self.bottom));
        dx * dx + dy * dy <= r * r
    }
}

/// The chart's text size in SVG pixels (plotters writes the size / 1.24).
const FONT_PX: f64 = super::FONT_SIZE / 1.24;
/// Where a text drawn at y (plotters' `dy="0.76em"`) has its glyphs: from
/// about 0.2 em above y to 1.05 em below (ascent and descent of common fonts).
const GLYPHS_ABOVE: f64 = 0.2 * FONT_PX;
const LINE_PX: f64 = 1.25 * FONT_PX;
/// Room kept between an amount and a break-even label: positions are rounded
/// to whole pixels when drawn.
const CLEARANCE: f64 = 2.0;

/// Estimated width of `text` in SVG pixels: digits and Latin letters are
/// 0.55–0.64 em in common sans-serif fonts (DejaVu Sans is the widest), CJK is 1 em.
fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.64 } else { 1.0 }).sum::<f64>() * FONT_PX
}

/// The glyphs' box of a text drawn with its top-left corner at (x, y).
pub(super) fn text_box(text: &str, (x, y): (f64, f64)) -> Rect {
    Rect { left: x, top: y - GLYPHS_ABOVE, right: x + text_width(text), bottom: y - GLYPHS_ABOVE + LINE_PX }
}

/// Which side of the marker its amounts go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Side {
    Right,
    Left,
}

/// How far from the marker line its amounts start, in SVG pixels.
pub(super) const MARKER_GAP: f64 = 10.0;
/// How far apart the amounts are at least, in SVG pixels.
const AMOUNT_GAP: f64 = 18.0;
/// An amount's top edge from its height, in SVG pixels.
pub(super) const AMOUNT_DY: f64 = -7.0;

/// Where the marker and the plot are, in SVG pixels, and the y axis's top value.
pub(super) struct Geometry {
    pub marker_x: f64,
    /// The plot's left edge and the canvas's right edge: the amounts stay between.
    pub left: f64,
    pub right: f64,
    /// The y of value 0 and of `y_max`.
    pub bottom: f64,
    pub top: f64,
    pub y_max: f64,
}

impl Geometry {
    fn px_per_unit(&self) -> f64 {
        (self.bottom - self.top) / self.y_max
    }
}

/// Places the marker's amounts (`values`, shown as `texts`): a side for all of
/// them and a height for each (value units). On each side they are spread
/// apart and kept off the `obstacles` (break-even marks and labels) that their
/// column would cross; the side they fit on wins, then the one that moves them
/// less from their values, the right on a tie.
pub(super) fn place_amounts(values: &[f64], texts: &[String], g: &Geometry, obstacles: &[Rect]) -> (Side, Vec<f64>) {
    let widest = texts.iter().map(|t| text_width(t)).fold(0.0, f64::max);
    let per_px = 1.0 / g.px_per_unit();
    let place = |side: Side| {
        let (left, right) = match side {
            Side::Right => (g.marker_x + MARKER_GAP, g.marker_x + MARKER_GAP + widest),
            Side::Left => (g.marker_x - MARKER_GAP - widest, g.marker_x - MARKER_GAP),
        };
        // An obstacle in the column blocks the heights whose label box would
        // come within CLEARANCE of it; the box's top is AMOUNT_DY - GLYPHS_ABOVE
        // from the height, its bottom LINE_PX below that.
        let blocked: Vec<(f64, f64)> = obstacles
            .iter()
            .filter(|o| o.left - CLEARANCE < right && left < o.right + CLEARANCE)
            .map(|o| {
                let value_at = |px: f64| (g.bottom - px) * per_px;
                let top_offset = AMOUNT_DY - GLYPHS_ABOVE;
                (value_at(o.bottom + CLEARANCE - top_offset), value_at(o.top - CLEARANCE - top_offset - LINE_PX))
            })
            .collect();
        let ys = spread(values, AMOUNT_GAP * per_px, g.y_max, &blocked);
        let moved: f64 = ys.iter().zip(values).map(|(y, v)| (y - v).abs()).sum();
        let fits = left >= g.left && right <= g.right;
        ((!fits, moved), ys)
    };
    let (right, left) = (place(Side::Right), place(Side::Left));
    if left.0 < right.0 {
        (Side::Left, left.1)
    } else {
        (Side::Right, right.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_spread_apart_but_stay_near_their_values() {
        let ys = spread(&[354.32, 283.58, 628.27], 25.0, 5000.0, &[]);
        assert_eq!(ys, vec![354.32, 283.58, 628.27], "far apart: unchanged");
        let ys = spread(&[100.0, 95.0, 90.0], 25.0, 5000.0, &[]);
        assert_eq!(ys, vec![140.0, 115.0, 90.0], "close: stacked upwards from the lowest");
        let ys = spread(&[990.0, 995.0], 25.0, 1000.0, &[]);
        assert!(ys[1] <= 1000.0 && ys[1] - ys[0] >= 25.0 - 1e-9, "{ys:?}");
    }

    #[test]
    fn labels_step_over_blocked_heights_and_keep_their_gaps() {
        // 110 would fall in (95, 120), nearer its top: it moves to 120, and
        // the next keeps its gap above it.
        assert_eq!(spread(&[110.0, 130.0, 300.0], 25.0, 5000.0, &[(95.0, 120.0)]), vec![120.0, 145.0, 300.0]);
        // Nearer the bottom, it moves down, unless that would crowd the label below.
        assert_eq!(spread(&[100.0], 25.0, 5000.0, &[(95.0, 140.0)]), vec![95.0]);
        assert_eq!(spread(&[80.0, 100.0], 25.0, 5000.0, &[(95.0, 140.0)]), vec![80.0, 140.0]);
        // Pushed past the top, the stack comes down again over a blocked band, keeping its gaps.
        // 960, 985, 1010 up; then down from 987.5: 962.5, and 937.5 is in (930, 945): 930.
        assert_eq!(spread(&[960.0, 970.0, 980.0], 25.0, 1000.0, &[(930.0, 945.0)]), vec![930.0, 962.5, 987.5]);
        // Overlapping intervals are stepped over together; a label on an edge stays.
        assert_eq!(spread(&[109.0], 25.0, 5000.0, &[(90.0, 110.0), (105.0, 130.0)]), vec![130.0]);
        assert_eq!(spread(&[90.0], 25.0, 5000.0, &[(90.0, 110.0)]), vec![90.0]);
    }

    impl Rect {
        fn overlaps(&self, other: &Rect) -> bool {
            self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
        }
    }

    fn geometry(marker_x: f64) -> Geometry {
        // 0..500 USD over 364..12 px: 0.704 px per dollar.
        Geometry { marker_x, left: 84.0, right: 720.0, bottom: 364.0, top: 12.0, y_max: 500.0 }
    }

    fn texts(n: usize) -> Vec<String> {
        vec!["$128.63".to_string(); n]
    }

    /// The amounts' boxes as drawn, for checking what they cover.
    fn boxes(side: Side, ys: &[f64], g: &Geometry, texts: &[String]) -> Vec<Rect> {
        ys.iter()
            .zip(texts)
            .map(|(y, t)| {
                let top = g.bottom - y * g.px_per_unit() + AMOUNT_DY - GLYPHS_ABOVE;
                let w = text_width(t);
                let left = if side == Side::Right { g.marker_x + MARKER_GAP } else { g.marker_x - MARKER_GAP - w };
                Rect { left, top, right: left + w, bottom: top + LINE_PX }
            })
            .collect()
    }

    #[test]
    fn amounts_go_right_unless_the_left_keeps_them_nearer_their_values_or_the_right_is_too_narrow() {
        let g = geometry(300.0);
        let (side, ys) = place_amounts(&[100.0, 200.0], &texts(2), &g, &[]);
        assert_eq!((side, ys), (Side::Right, vec![100.0, 200.0]));
        // A break-even label right of the marker at the first amount's height:
        // on the left the amounts need not move at all.
        let at_100 = g.bottom - 100.0 * g.px_per_unit();
        let break_even = text_box("325 h", (315.0, at_100 - 5.0));
        let (side, ys) = place_amounts(&[100.0, 200.0], &texts(2), &g, &[break_even]);
        assert_eq!((side, ys), (Side::Left, vec![100.0, 200.0]));
        // Near the right edge the amounts do not fit on the right.
        assert_eq!(place_amounts(&[100.0], &texts(1), &geometry(690.0), &[]).0, Side::Left);
    }

    #[test]
    fn with_break_even_labels_on_both_sides_the_amounts_step_over_them() {
        let g = geometry(300.0);
        let at = |usd: f64| g.bottom - usd * g.px_per_unit();
        let obstacles = [text_box("209 h", (250.0, at(100.0) - 4.0)), text_box("261 h", (295.0, at(100.0) - 8.0))];
        let values = [100.0, 104.0, 60.0];
        let (side, ys) = place_amounts(&values, &texts(3), &g, &obstacles);
        let drawn = boxes(side, &ys, &g, &texts(3));
        assert!(drawn.iter().all(|b| obstacles.iter().all(|o| !b.overlaps(o))), "{side:?} {ys:?}");
        assert_eq!(ys[2], 60.0, "an amount clear of everything stays at its value");
        for (a, b) in drawn.iter().zip(drawn.iter().skip(1)) {
            assert!(!a.overlaps(b), "amounts clear of each other");
        }
    }

    #[test]
    fn widths_grow_with_the_text_and_cjk_is_wider() {
        assert!(text_width("$1,234.56") > text_width("$4.56"));
        assert!(text_width("325 小时") > text_width("325 h"));
        let b = text_box("$1.00", (100.0, 50.0));
        assert_eq!(b.left, 100.0);
        assert!(b.top < 50.0 && b.bottom > 50.0 + FONT_PX, "glyphs reach a little above and below the line");
        assert!(b.right > b.left && b.bottom > b.top);
    }
}
