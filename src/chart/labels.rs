//! Where the value labels go, so they stay readable: the marker's amounts are
//! spread apart vertically and put on whichever side of the marker covers
//! fewer break-even labels.
//!
//! Text is not measured here (plotters' SVG backend cannot): widths are an
//! estimate on the generous side for the page's sans-serif font, and the
//! browser tests check the result with the real glyph boxes.

/// Label heights for `values` (same units), at least `gap` apart and within
/// 0..=`top`, each as close to its own value as the others allow.
pub(super) fn spread(values: &[f64], gap: f64, top: f64) -> Vec<f64> {
    // A handful of lines: an insertion sort is enough, and far smaller in wasm than sort_by.
    let mut order: Vec<usize> = Vec::with_capacity(values.len());
    for i in 0..values.len() {
        let at = order.iter().position(|&j| values[j] > values[i]).unwrap_or(order.len());
        order.insert(at, i);
    }
    let mut placed = vec![0.0; values.len()];
    let mut floor = f64::NEG_INFINITY;
    for &i in &order {
        placed[i] = values[i].max(floor).max(0.0);
        floor = placed[i] + gap;
    }
    // Pushed past the top: slide the whole stack down, keeping the gaps.
    if let Some(&last) = order.last() {
        let over = placed[last] + gap * 0.5 - top;
        if over > 0.0 {
            for (k, &i) in order.iter().rev().enumerate() {
                let limit = top - gap * (0.5 + k as f64);
                placed[i] = placed[i].min(limit);
            }
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
    fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
    }
}

/// The chart's text size in SVG pixels (plotters writes 14 / 1.24).
pub(super) const FONT_PX: f64 = 14.0 / 1.24;

/// Estimated width of `text` in SVG pixels: digits and Latin letters are
/// 0.55–0.64 em in common sans-serif fonts (DejaVu Sans is the widest), CJK is 1 em.
pub(super) fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.64 } else { 1.0 }).sum::<f64>() * FONT_PX
}

/// The box of a text whose top-left corner (or top-right, `right_aligned`) is at (x, y).
pub(super) fn text_box(text: &str, (x, y): (f64, f64), right_aligned: bool) -> Rect {
    let width = text_width(text);
    let left = if right_aligned { x - width } else { x };
    Rect { left, top: y, right: left + width, bottom: y + FONT_PX * 1.2 }
}

/// Which side of the marker its amounts go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Side {
    Right,
    Left,
}

/// How far from the marker line its amounts start, in SVG pixels.
pub(super) const MARKER_GAP: f64 = 10.0;

/// Picks the side for the marker's amount labels, given each label's text and
/// top edge, the marker's x, the plot's horizontal extent and what they should
/// not cover (break-even marks and labels). A side the labels do not fit on is
/// out; of the others, the one covering fewer obstacles wins, the right on a tie.
pub(super) fn marker_side(labels: &[(String, f64)], marker_x: f64, plot: (f64, f64), obstacles: &[Rect]) -> Side {
    let boxes = |side: Side| -> Vec<Rect> {
        labels
            .iter()
            .map(|(text, top)| match side {
                Side::Right => text_box(text, (marker_x + MARKER_GAP, *top), false),
                Side::Left => text_box(text, (marker_x - MARKER_GAP, *top), true),
            })
            .collect()
    };
    let cost = |side: Side| {
        let boxes = boxes(side);
        let fits = boxes.iter().all(|b| b.left >= plot.0 && b.right <= plot.1);
        let covered = boxes.iter().map(|b| obstacles.iter().filter(|o| b.overlaps(o)).count()).sum::<usize>();
        (!fits, covered)
    };
    if cost(Side::Left) < cost(Side::Right) {
        Side::Left
    } else {
        Side::Right
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_spread_apart_but_stay_near_their_values() {
        let ys = spread(&[354.32, 283.58, 628.27], 25.0, 5000.0);
        assert_eq!(ys, vec![354.32, 283.58, 628.27], "far apart: unchanged");
        let ys = spread(&[100.0, 95.0, 90.0], 25.0, 5000.0);
        assert_eq!(ys, vec![140.0, 115.0, 90.0], "close: stacked upwards from the lowest");
        let ys = spread(&[990.0, 995.0], 25.0, 1000.0);
        assert!(ys[1] <= 1000.0 && ys[1] - ys[0] >= 25.0 - 1e-9, "{ys:?}");
    }

    fn labels(tops: &[f64]) -> Vec<(String, f64)> {
        tops.iter().map(|&t| ("$128.63".to_string(), t)).collect()
    }

    #[test]
    fn amounts_go_right_unless_that_covers_a_break_even_or_leaves_the_plot() {
        let plot = (84.0, 696.0);
        assert_eq!(marker_side(&labels(&[100.0, 120.0]), 300.0, plot, &[]), Side::Right);
        // A break-even label just right of the marker, level with an amount.
        let break_even = text_box("325 h", (315.0, 118.0), false);
        assert_eq!(marker_side(&labels(&[100.0, 120.0]), 300.0, plot, &[break_even]), Side::Left);
        // The same label higher up, clear of the amounts: no reason to move.
        let clear = text_box("325 h", (315.0, 40.0), false);
        assert_eq!(marker_side(&labels(&[100.0, 120.0]), 300.0, plot, &[clear]), Side::Right);
        // Near the right edge the amounts do not fit on the right.
        assert_eq!(marker_side(&labels(&[100.0]), 680.0, plot, &[]), Side::Left);
        // Near the left edge they stay right, even over a break-even label.
        let near_left = text_box("20 h", (100.0, 100.0), false);
        assert_eq!(marker_side(&labels(&[100.0]), 90.0, plot, &[near_left]), Side::Right);
        // Both sides covered: the side covering fewer.
        let (one, two) = (text_box("209 h", (250.0, 100.0), false), text_box("261 h", (315.0, 100.0), false));
        let other = text_box("261 h", (315.0, 120.0), false);
        assert_eq!(marker_side(&labels(&[100.0, 120.0]), 300.0, plot, &[one, two, other]), Side::Left);
    }

    #[test]
    fn widths_grow_with_the_text_and_cjk_is_wider() {
        assert!(text_width("$1,234.56") > text_width("$4.56"));
        assert!(text_width("325 小时") > text_width("325 h"));
        let b = text_box("$1.00", (100.0, 50.0), true);
        assert_eq!((b.right, b.top), (100.0, 50.0));
        assert!(b.left < b.right && b.bottom > b.top);
    }
}
