//! plotters' drawing calls written as SVG text: the elements plotters' own SVG
//! backend writes, less what it repeats on each of them. No `opacity="1"`, the
//! font named once on the `<svg>` (its children inherit it) and no line
//! breaks: a slider step re-parses these strings, and each line break between
//! elements was a text node of its own. It writes no float either: plotters'
//! backend wrote every opacity and font size with `f64`'s `Display`, one of the
//! largest functions in the wasm and among the first V8 optimises on a load.
//! Lines of one stroke drawn one after another (a grid, an axis and its ticks)
//! are one `<path>`: fewer elements for a slider step to parse and lay out.

use crate::format::quantity;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{FontFamily, FontStyle, FontTransform};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use std::convert::Infallible;
use std::fmt::Write;

/// plotters' SVG backend writes a text size `s` as `s / 1.24`; so does this one,
/// so the charts keep their look.
const SIZE_TO_SVG: f64 = 1.24;

/// The font every chart text uses unless it says otherwise: the chart's own
/// (`chart::text_style`), whose size `TEXT_SIZE` is written as `TEXT_SIZE_SVG`.
pub const TEXT_SIZE: f64 = 14.0;
const TEXT_SIZE_SVG: &str = "11.29";

/// An SVG document being written into a `String`: `<svg …>` on creation,
/// `</svg>` on `present` (or when dropped).
pub struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
    /// The open `<path>`'s stroke (colour, opacity, width), while lines of it follow one another.
    run: Option<((u8, u8, u8), f64, u32)>,
}

impl<'a> Svg<'a> {
    pub fn new(out: &'a mut String, (width, height): (u32, u32)) -> Svg<'a> {
        let _ = write!(
            out,
            "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"{TEXT_SIZE_SVG}\">"
        );
        Svg { out, size: (width, height), closed: false, run: None }
    }

    /// Ends the open `<path>`, if any: called before anything else is drawn.
    fn end_run(&mut self) {
        if self.run.take().is_some() {
            self.out.push_str("\"/>");
        }
    }

    /// ` fill="#RRGGBB"` (any attribute name), and ` opacity` when not opaque.
    fn paint(&mut self, attribute: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        let _ = write!(self.out, " {attribute}=\"#{r:02X}{g:02X}{b:02X}\"");
        if color.alpha < 1.0 {
            self.out.push_str(" opacity=\"");
            self.out.push_str(&quantity(color.alpha));
            self.out.push('"');
        }
    }

    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (x, y) in path {
            let _ = write!(self.out, "{x},{y} ");
        }
        self.out.push('"');
    }
}

/// Text as SVG character data or an attribute value.
fn escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

type Result = std::result::Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for Svg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        self.end_run();
        if !self.closed {
            self.out.push_str("</svg>");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result {
        self.end_run();
        if color.alpha > 0.0 {
            let _ = write!(self.out, "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\" stroke=\"none\"");
            self.paint("fill", color);
            self.out.push_str("/>");
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, (x, y): BackendCoord, (right, bottom): BackendCoord, style: &S, fill: bool) -> Result {
        self.end_run();
        if style.color().alpha > 0.0 {
            let _ = write!(self.out, "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\"", right - x, bottom - y);
            self.paint(if fill { "fill" } else { "stroke" }, style.color());
            self.out.push_str(if fill { " stroke=\"none\"/>" } else { " fill=\"none\"/>" });
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let stroke = (color.rgb, color.alpha, style.stroke_width());
        if self.run != Some(stroke) {
            self.end_run();
            self.out.push_str("<path fill=\"none\"");
            self.paint("stroke", color);
            let _ = write!(self.out, " stroke-width=\"{}\" d=\"", stroke.2);
            self.run = Some(stroke);
        }
        for (k, (x, y)) in path.into_iter().enumerate() {
            let _ = write!(self.out, "{}{x} {y}", if k == 0 { 'M' } else { 'L' });
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        self.end_run();
        if style.color().alpha > 0.0 {
            self.out.push_str("<polygon");
            self.paint("fill", style.color());
            self.points(path);
            self.out.push_str("/>");
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, (cx, cy): BackendCoord, r: u32, style: &S, fill: bool) -> Result {
        self.end_run();
        if style.color().alpha > 0.0 {
            let _ = write!(self.out, "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\"");
            self.paint(if fill { "fill" } else { "stroke" }, style.color());
            let _ = write!(
                self.out,
                "{} stroke-width=\"{}\"/>",
                if fill { " stroke=\"none\"" } else { " fill=\"none\"" },
                style.stroke_width()
            );
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, (x, y): BackendCoord) -> Result {
        self.end_run();
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let text_anchor = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match anchor.v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let _ = write!(self.out, "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{text_anchor}\"");
        if !matches!(style.family(), FontFamily::SansSerif) {
            self.out.push_str(" font-family=\"");
            escaped(self.out, style.family().as_str());
            self.out.push('"');
        }
        if style.size() != TEXT_SIZE {
            self.out.push_str(" font-size=\"");
            self.out.push_str(&quantity(style.size() / SIZE_TO_SVG));
            self.out.push('"');
        }
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            other => {
                let _ = write!(self.out, " font-style=\"{}\"", other.as_str());
            }
        }
        self.paint("fill", color);
        let degrees = match style.transform() {
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
            _ => 0,
        };
        if degrees != 0 {
            let _ = write!(self.out, " transform=\"rotate({degrees}, {x}, {y})\"");
        }
        self.out.push('>');
        escaped(self.out, text);
        self.out.push_str("</text>");
        Ok(())
    }
}

impl Drop for Svg<'_> {
    fn drop(&mut self) {
        let _ = self.present();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::IntoFont;

    #[test]
    fn the_default_text_size_is_what_plotters_would_write_to_a_hundredth() {
        assert_eq!(TEXT_SIZE_SVG, format!("{:.2}", TEXT_SIZE / SIZE_TO_SVG));
    }

    #[test]
    fn opacities_and_sizes_are_written_to_a_hundredth_without_trailing_zeros() {
        let text = quantity;
        assert_eq!(
            [text(0.45), text(0.5), text(2.0), text(11.290322580645162), text(0.999), text(0.004)],
            ["0.45", "0.5", "2", "11.29", "1", "0"]
        );
    }

    #[test]
    fn text_is_escaped_and_written_in_the_default_font_without_repeating_it() {
        let mut out = String::new();
        {
            let mut svg = Svg::new(&mut out, (100, 50));
            let style = plotters::style::TextStyle::from((FontFamily::SansSerif, TEXT_SIZE).into_font());
            svg.draw_text("<a & \"b\">", &style, (10, 20)).unwrap();
            let bigger = plotters::style::TextStyle::from((FontFamily::Serif, 28.0).into_font());
            svg.draw_text("x", &bigger, (1, 2)).unwrap();
        }
        assert_eq!(
            out,
            "<svg width=\"100\" height=\"50\" viewBox=\"0 0 100 50\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"11.29\">\
             <text x=\"10\" y=\"20\" dy=\"0.76em\" text-anchor=\"start\" fill=\"#000000\">&lt;a &amp; &quot;b&quot;&gt;</text>\
             <text x=\"1\" y=\"2\" dy=\"0.76em\" text-anchor=\"start\" font-family=\"serif\" font-size=\"22.58\" fill=\"#000000\">x</text></svg>"
        );
    }

    #[test]
    fn shapes_say_opacity_only_when_not_opaque_and_skip_invisible_ones() {
        use plotters::style::{Color, RGBColor, ShapeStyle};
        let mut out = String::new();
        {
            let mut svg = Svg::new(&mut out, (10, 10));
            svg.draw_path([(1, 2), (3, 4)], &Color::stroke_width(&RGBColor(1, 2, 3), 2)).unwrap();
            svg.draw_circle((5, 5), 3, &RGBColor(0xAA, 0xBB, 0xCC).mix(0.5).filled(), true).unwrap();
            svg.draw_line((0, 0), (9, 9), &ShapeStyle::from(plotters::style::TRANSPARENT)).unwrap();
            svg.present().unwrap();
        }
        let body = out.split_once('>').unwrap().1;
        assert_eq!(
            body,
            "<path fill=\"none\" stroke=\"#010203\" stroke-width=\"2\" d=\"M1 2L3 4\"/>\
             <circle cx=\"5\" cy=\"5\" r=\"3\" fill=\"#AABBCC\" opacity=\"0.5\" stroke=\"none\" stroke-width=\"1\"/></svg>"
        );
    }

    #[test]
    fn lines_of_one_stroke_in_a_row_are_one_path_and_anything_between_ends_it() {
        use plotters::style::{Color, RGBColor};
        let mut out = String::new();
        {
            let mut svg = Svg::new(&mut out, (10, 10));
            let grey = Color::stroke_width(&RGBColor(9, 9, 9), 1);
            svg.draw_path([(0, 1), (9, 1)], &grey).unwrap();
            svg.draw_line((0, 2), (9, 2), &grey).unwrap();
            svg.draw_path([(0, 3), (5, 4), (9, 3)], &Color::stroke_width(&RGBColor(9, 9, 9), 2)).unwrap();
            svg.draw_text("a", &plotters::style::TextStyle::from((FontFamily::SansSerif, TEXT_SIZE).into_font()), (1, 1)).unwrap();
            svg.draw_path([(0, 5), (9, 5)], &grey).unwrap();
        }
        let body = out.split_once('>').unwrap().1;
        assert_eq!(
            body,
            "<path fill=\"none\" stroke=\"#090909\" stroke-width=\"1\" d=\"M0 1L9 1M0 2L9 2\"/>\
             <path fill=\"none\" stroke=\"#090909\" stroke-width=\"2\" d=\"M0 3L5 4L9 3\"/>\
             <text x=\"1\" y=\"1\" dy=\"0.76em\" text-anchor=\"start\" fill=\"#000000\">a</text>\
             <path fill=\"none\" stroke=\"#090909\" stroke-width=\"1\" d=\"M0 5L9 5\"/></svg>"
        );
    }
}
