//! Charts: pure functions from numbers to an SVG string (plotters, drawing
//! through `svg`).
//!
//! The app inlines the string; tests read it natively. Nothing here knows about
//! yew or the browser, and no text in the chart comes from user input.

use crate::i18n::Lang;
use crate::model::line::Line;
use crate::model::HOURS_PER_MONTH;
use plotters::prelude::*;
pub use plotters::style::RGBColor;
use std::rc::Rc;

mod labels;
pub mod lines;
mod svg;
pub mod week;

use labels::{Rect, Side};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
pub const SKY: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
/// The "you are here" marker; a grey no series uses, so tests can find it.
pub const MARKER: RGBColor = RGBColor(0x6E, 0x6E, 0x6E);

/// How a line is drawn, so lines differ by more than colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
}

/// One line on the chart: monthly cost (USD) against hours per month per task.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// What it prices: element ids, CSV columns and the lines a person hid
    /// are keyed by its id.
    pub id: Line,
    /// The name shown, in the page's language.
    pub label: String,
    pub color: RGBColor,
    pub dash: Dash,
    /// (hours per month per task, USD per month), in increasing hours.
    pub points: Vec<(f64, f64)>,
}

impl Series {
    /// USD per month at `x`, by straight lines between the points. Where a
    /// step jumps at `x` (two points with the same x), the value after the jump.
    pub fn at(&self, hours: f64) -> Option<f64> {
        self.points.windows(2).rev().find_map(|w| {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            (x0 <= hours && hours <= x1).then(|| if x1 == x0 { y1 } else { y0 + (y1 - y0) * (hours - x0) / (x1 - x0) })
        })
    }
}

/// A point where two lines cross, marked and labelled on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Crossing {
    /// The line that crosses Fargate on-demand here.
    pub line: Line,
    /// Hours per month per task.
    pub hours: f64,
    /// USD per month there.
    pub usd: f64,
    pub label: String,
    pub color: RGBColor,
}

/// The size of a chart's coordinate system, in SVG units. The page scales the
/// SVG to its column, text included, so a chart shown narrower than it is
/// drawn has smaller text: the page draws it at about the width it is shown
/// (`fitting`), and the text stays ~11 px on a phone as on a desktop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Canvas {
    pub width: u32,
    pub height: u32,
}

impl Default for Canvas {
    fn default() -> Canvas {
        Canvas::WIDE
    }
}

impl Canvas {
    /// The desktop chart, and the size of the native tools' and tests' charts.
    pub const WIDE: Canvas = Canvas { width: 720, height: 420 };
    const NARROWEST: u32 = 320;
    /// Widths come in steps, so resizing a window redraws now and then, not every pixel.
    const STEP: u32 = 40;

    /// The canvas for a chart shown `css_px` wide: as wide as that (in steps,
    /// 320 to 720), and proportionally shorter, down to 300 units tall.
    pub fn fitting(css_px: f64) -> Canvas {
        let stepped = if css_px.is_finite() && css_px > 0.0 { (css_px as u32) / Canvas::STEP * Canvas::STEP } else { Canvas::WIDE.width };
        let width = stepped.clamp(Canvas::NARROWEST, Canvas::WIDE.width);
        Canvas { width, height: (width * Canvas::WIDE.height / Canvas::WIDE.width).max(300) }
    }

    /// The plot area's edges in SVG units, (left, top, right, bottom): inside
    /// the margins and the label areas. The SVG's plot and the HTML placed over
    /// it (`Frame::percent`) both use it.
    fn plot_box(self) -> (u32, u32, u32, u32) {
        (MARGIN + Y_LABELS, MARGIN, self.width - MARGIN_RIGHT, self.height - MARGIN - X_LABELS)
    }
}

/// The plot area inside the SVG, in its own units: margins and label areas.
const MARGIN: u32 = 12;
const MARGIN_RIGHT: u32 = 24;
const X_LABELS: u32 = 44;
const Y_LABELS: u32 = 72;

/// Where data lands on a chart: the axes' ranges and the plot area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x_max: f64,
    /// USD at the top of the y axis.
    pub y_max: f64,
    pub canvas: Canvas,
}

impl Frame {
    /// The frame a chart of `series` over 0..`x_max` gets: 15% headroom above
    /// the highest value keeps the top line clear of the frame and the legend.
    fn new(series: &[Series], x_max: f64, canvas: Canvas) -> Frame {
        Frame { x_max, y_max: nice_ceiling(1.15 * series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).fold(0.0, f64::max)), canvas }
    }

    /// (x, y) as percentages of the SVG's width and height, for placing HTML over it.
    pub fn percent(&self, x: f64, usd: f64) -> (f64, f64) {
        let Canvas { width, height } = self.canvas;
        let (left, top, right, bottom) = self.canvas.plot_box();
        let (left, top, right, bottom) = (f64::from(left), f64::from(top), f64::from(right), f64::from(bottom));
        let px = left + within(x / self.x_max, 0.0, 1.0) * (right - left);
        let py = bottom - within(usd / self.y_max, 0.0, 1.0) * (bottom - top);
        (px / f64::from(width) * 100.0, py / f64::from(height) * 100.0)
    }
}

/// A chart as four SVGs of the same frame, stacked: `axes` (the x axis with
/// its grid, ticks and labels, and both axis titles), `scale` (the same for
/// the USD axis), `lines` (the series and the break-evens) and `marker` (the
/// current value's line, the dots on each line there and their amounts). A
/// slider step changes the layers it moves and leaves the others byte for byte
/// the same, and the page then leaves their elements alone instead of parsing
/// them again: an hours step changes only the hours chart's marker; a task
/// size step its lines and marker, and its scale when the totals outgrow it.
/// The strings are shared: a layer reused from the previous step
/// (`CostChart::redraw`) is the same one.
#[derive(Clone, Debug, PartialEq)]
pub struct Layers {
    pub canvas: Canvas,
    pub axes: Rc<str>,
    pub scale: Rc<str>,
    pub lines: Rc<str>,
    pub marker: Rc<str>,
}

impl Layers {
    /// All layers as one SVG (exports, tests).
    pub fn flat(&self) -> String {
        flatten(&self.axes, &[&self.scale, &self.lines, &self.marker])
    }
}

/// One SVG from a bottom layer and the layers drawn over it, in order.
fn flatten(bottom: &str, over: &[&str]) -> String {
    // strip_suffix, not rfind: std's reverse substring search costs 0.7 KB of wasm (gzip).
    let Some(open) = bottom.trim_end().strip_suffix("</svg>") else { return bottom.to_string() };
    let mut out = open.to_string();
    for layer in over {
        let inner = layer.split_once('>').map_or("", |(_, rest)| rest);
        out.push_str(inner.trim_end().strip_suffix("</svg>").unwrap_or(inner));
    }
    out + &bottom[open.len()..]
}

/// Monthly cost against hours per month per task, 0–730 h, with the current
/// hours marked and each line's value there written beside its point.
pub fn cost_by_hours(lang: Lang, series: &[Series], current_hours: f64, crossings: &[Crossing]) -> Layers {
    CostChart::hours(lang, series.to_vec(), current_hours, crossings.to_vec()).draw()
}

/// Monthly cost against the number of tasks, 1 to `max_tasks`, the current
/// count marked: EC2 steps up as instances are added, Fargate is a straight line.
pub fn cost_by_tasks(lang: Lang, series: &[Series], current_tasks: f64, max_tasks: f64) -> Layers {
    CostChart::tasks(lang, series.to_vec(), current_tasks, max_tasks).draw()
}

/// The x axis of a cost chart: 0 to `max`.
#[derive(Clone, Debug, PartialEq)]
struct Axis {
    max: f64,
    label: &'static str,
    /// Whole-number ticks (task counts).
    whole: bool,
}

/// Everything one cost chart shows. Kept beside its layers, it tells the next
/// step which layers need drawing again (`redraw`).
#[derive(Clone, Debug, PartialEq)]
pub struct CostChart {
    lang: Lang,
    axis: Axis,
    series: Vec<Series>,
    marker: f64,
    crossings: Vec<Crossing>,
    canvas: Canvas,
}

impl CostChart {
    /// See `cost_by_hours`.
    pub fn hours(lang: Lang, series: Vec<Series>, current_hours: f64, crossings: Vec<Crossing>) -> CostChart {
        CostChart {
            lang,
            axis: Axis { max: HOURS_PER_MONTH, label: lang.words().axis_hours, whole: false },
            series,
            marker: current_hours,
            crossings,
            canvas: Canvas::WIDE,
        }
    }

    /// See `cost_by_tasks`.
    pub fn tasks(lang: Lang, series: Vec<Series>, current_tasks: f64, max_tasks: f64) -> CostChart {
        CostChart {
            lang,
            axis: Axis { max: max_tasks, label: lang.words().axis_tasks, whole: true },
            series,
            marker: current_tasks,
            crossings: Vec::new(),
            canvas: Canvas::WIDE,
        }
    }

    /// Monthly cost against the tasks of an EC2 baseline, 0 to `peak` (the
    /// rest on Fargate), the cheapest baseline `best` marked (issue 27's split).
    pub fn baseline(lang: Lang, series: Vec<Series>, best: f64, peak: f64) -> CostChart {
        CostChart {
            lang,
            axis: Axis { max: peak.max(1.0), label: lang.words().axis_baseline, whole: true },
            series,
            marker: best,
            crossings: Vec::new(),
            canvas: Canvas::WIDE,
        }
    }

    /// The same chart drawn on `canvas` rather than the wide one.
    pub fn on(self, canvas: Canvas) -> CostChart {
        CostChart { canvas, ..self }
    }

    /// Where this chart's data lands, for placing HTML over it.
    pub fn frame(&self) -> Frame {
        Frame::new(&self.series, self.axis.max, self.canvas)
    }

    fn y_max(&self) -> f64 {
        self.frame().y_max
    }

    pub fn draw(&self) -> Layers {
        self.redraw(None)
    }

    /// Draws this chart, taking from `previous` (a chart and its layers) each
    /// layer whose inputs are the same: a slider step then skips plotters for
    /// what it did not move. Always equal to `draw()`.
    pub fn redraw(&self, previous: Option<&(CostChart, Layers)>) -> Layers {
        let y_max = self.y_max();
        // The x axis does not depend on the USD scale; everything else does.
        let same_axis = previous.filter(|(p, _)| p.axis == self.axis && p.canvas == self.canvas && p.lang == self.lang);
        let same_frame = same_axis.filter(|(p, _)| p.y_max() == y_max);
        let reuse = |kept: Option<&Rc<str>>, draw: Draw| kept.cloned().unwrap_or_else(|| Rc::from(layer(self, draw, y_max)));
        let unchanged = |same: fn(&CostChart, &CostChart) -> bool| same_frame.filter(|(p, _)| same(p, self)).map(|(_, drawn)| drawn);
        Layers {
            canvas: self.canvas,
            axes: reuse(same_axis.map(|(_, drawn)| &drawn.axes), draw_axes),
            scale: reuse(same_frame.map(|(_, drawn)| &drawn.scale), draw_scale),
            lines: reuse(unchanged(|p, c| p.series == c.series && p.crossings == c.crossings).map(|l| &l.lines), draw_lines),
            marker: reuse(unchanged(|p, c| p == c).map(|l| &l.marker), draw_marker),
        }
    }
}

/// What plotters can report while drawing (`svg` itself cannot fail).
type DrawError = plotters::drawing::DrawingAreaErrorKind<std::convert::Infallible>;

type Draw = fn(&mut String, &CostChart, f64) -> Result<Patches, DrawError>;

fn layer(chart: &CostChart, draw: Draw, y_max: f64) -> String {
    let mut svg = String::new();
    // Drawing into a String cannot fail; plotters' errors here
    // would be layout bugs, and a missing chart beats a crashed page.
    match draw(&mut svg, chart, y_max) {
        Ok(patches) => patches.into_iter().fold(svg, |svg, (drawn, wanted)| svg.replace(&drawn, &wanted)),
        Err(e) => {
            let kind = match e {
                DrawError::BackendError(_) => "backend",
                DrawError::SharingError => "sharing",
                DrawError::LayoutError => "layout",
            };
            format!("<!-- chart error: {kind} -->")
        }
    }
}

/// Dashed and dotted lines are drawn solid in a placeholder colour of their
/// own and given their real colour and an SVG `stroke-dasharray` afterwards:
/// plotters draws every dash as its own element, hundreds per chart, and the
/// page re-parsed them all on every slider step. Returns (placeholder, real)
/// `stroke` attributes.
fn dashed_stroke(k: usize, color: RGBColor, dasharray: &str) -> (RGBColor, (String, String)) {
    let placeholder = RGBColor(0x01, 0x02, k as u8);
    let attribute = |c: RGBColor| format!("stroke=\"{}\"", hex(c));
    (placeholder, (attribute(placeholder), format!("{} stroke-dasharray=\"{dasharray}\"", attribute(color))))
}

/// What a layer's SVG needs after plotters has drawn it, as (text, replacement)
/// pairs: dashed strokes' placeholders (`dashed_stroke`) and label halos (`halo`).
type Patches = Vec<(String, String)>;

/// The size of every text on the charts (plotters' units; `labels` estimates
/// text boxes from it; `svg` writes it once per chart).
const FONT_SIZE: f64 = svg::TEXT_SIZE;

fn text_style() -> TextStyle<'static> {
    // The family as a value, not the string "sans-serif": plotters lowercases
    // a family name with `str::to_lowercase`, whose Unicode tables cost wasm.
    (FontFamily::SansSerif, FONT_SIZE).into_font().color(&BLACK)
}

/// A layer being drawn: the plot area of an SVG string, mapping hours (or
/// tasks) and USD to its pixels.
type Plot<'a> = DrawingArea<svg::Svg<'a>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The plot area all layers share, so their coordinates agree to the pixel.
fn plot_area<'a>(svg: &'a mut String, c: &CostChart, y_max: f64) -> Plot<'a> {
    plot_on(&svg::Svg::new(svg, (c.canvas.width, c.canvas.height)).into_drawing_area(), c, y_max)
}

/// The plot area inside the margins and label areas, as plotters'
/// `ChartBuilder` lays it out (last pixel inclusive, y upwards), built
/// directly: the builder also lays out label areas these charts label
/// themselves, and sorts their edges (3.7 KB of wasm for four numbers).
fn plot_on<'a>(root: &DrawingArea<svg::Svg<'a>, Shift>, c: &CostChart, y_max: f64) -> Plot<'a> {
    let (left, top, right, bottom) = c.canvas.plot_box();
    let (left, top, right, bottom) = (left as i32, top as i32, right as i32, bottom as i32);
    let area = root.clone().shrink((left, top), (right - left, bottom - top));
    area.apply_coord_spec(Cartesian2d::new(0.0..c.axis.max, 0.0..y_max, (left..right - 1, bottom - 1..top)))
}

/// The axes, their ticks and labels and a grid line at each tick: drawn here
/// rather than by plotters' mesh, which labels with its own float formatting
/// (kept in the wasm even when every label has a formatter of ours) and lays
/// labels out by measuring them. The same pixels as that mesh drew. Each
/// axis's grid lines, and its line and ticks, come one after another, so the
/// SVG holds each run as one path (`svg`). This layer: the x axis and both
/// titles, which a change of the USD scale leaves alone.
fn draw_axes(svg: &mut String, c: &CostChart, y_max: f64) -> Result<Patches, DrawError> {
    let root = svg::Svg::new(svg, (c.canvas.width, c.canvas.height)).into_drawing_area();
    let plot = plot_on(&root, c, y_max);
    let (xs, ys) = plot.get_pixel_range();
    let (top, bottom) = (ys.start, ys.end - 1);
    // Fewer x labels on a narrower canvas: 9 (hours) or 11 (tasks) on the
    // wide one, 4 or 5 on a phone's, so they never run into each other.
    let x_ticks = ticks(
        c.axis.max,
        if c.axis.whole { c.axis.max.min(f64::from(c.canvas.width / 70)) as usize + 1 } else { (c.canvas.width / 80) as usize },
    );
    let x_at = |x: f64| plot.map_coordinate(&(x, 0.0)).0;
    let words = c.lang.words();
    let centred_below = Pos::new(HPos::Center, VPos::Top);
    root.draw(&Text::new(
        words.axis_usd_month,
        (MARGIN as i32, (ys.start + ys.end) / 2),
        text_style().pos(centred_below).transform(FontTransform::Rotate270),
    ))?;
    root.draw(&axis_text(
        c.axis.label.to_string(),
        ((xs.start + xs.end) / 2, c.canvas.height as i32 - MARGIN as i32),
        Pos::new(HPos::Center, VPos::Bottom),
    ))?;
    for &x in &x_ticks {
        root.draw(&axis_line((x_at(x), bottom), (x_at(x), top), GRID))?;
    }
    root.draw(&axis_line((xs.start, bottom + 1), (xs.end - 1, bottom + 1), BLACK))?;
    for &x in &x_ticks {
        root.draw(&axis_line((x_at(x), bottom + 1), (x_at(x), bottom + 1 + TICK), BLACK))?;
    }
    for &x in &x_ticks {
        root.draw(&axis_text(crate::format::decimals(x, 0), (x_at(x), bottom + 1 + 2 * TICK), centred_below))?;
    }
    root.present()?;
    Ok(Vec::new())
}

/// The USD axis: its grid lines, line, ticks and labels (see `draw_axes`).
fn draw_scale(svg: &mut String, c: &CostChart, y_max: f64) -> Result<Patches, DrawError> {
    let root = svg::Svg::new(svg, (c.canvas.width, c.canvas.height)).into_drawing_area();
    let plot = plot_on(&root, c, y_max);
    let (xs, ys) = plot.get_pixel_range();
    let (left, right, top, bottom) = (xs.start, xs.end - 1, ys.start, ys.end - 1);
    let y_ticks = ticks(y_max, 6);
    let y_at = |usd: f64| plot.map_coordinate(&(0.0, usd)).1;
    for &usd in &y_ticks {
        root.draw(&axis_line((left, y_at(usd)), (right, y_at(usd)), GRID))?;
    }
    root.draw(&axis_line((left - 1, top), (left - 1, bottom), BLACK))?;
    for &usd in &y_ticks {
        root.draw(&axis_line((left - 1 - TICK, y_at(usd)), (left - 1, y_at(usd)), BLACK))?;
    }
    for &usd in &y_ticks {
        root.draw(&axis_text(axis_usd(c.lang, usd, y_max), (left - 2 * TICK, y_at(usd)), Pos::new(HPos::Right, VPos::Center)))?;
    }
    root.present()?;
    Ok(Vec::new())
}

fn axis_text(content: String, at: (i32, i32), pos: Pos) -> Text<'static, (i32, i32), String> {
    Text::new(content, at, text_style().pos(pos))
}

fn axis_line(from: (i32, i32), to: (i32, i32), color: RGBColor) -> PathElement<(i32, i32)> {
    PathElement::new([from, to], color.stroke_width(1))
}

/// `x` limited to `low..=high` (NaN becomes `low`). Not `f64::clamp`: its panic
/// message (for `low > high`) keeps f64's `Debug`, and so std's float
/// formatting, in the wasm.
#[allow(clippy::manual_clamp)]
fn within(x: f64, low: f64, high: f64) -> f64 {
    x.max(low).min(high)
}

/// The grid's colour, and the length of a tick mark in SVG pixels (labels sit
/// twice that from their axis).
const GRID: RGBColor = RGBColor(0xC8, 0xC8, 0xC8);
const TICK: i32 = 5;

/// Tick values on an axis from 0 to `max`: as many as fit in `at_most`, a
/// step of 1, 2 or 5 times a power of ten apart.
fn ticks(max: f64, at_most: usize) -> Vec<f64> {
    if max.is_nan() || max <= 0.0 || at_most < 2 {
        return vec![0.0];
    }
    // Steps past the last tick by less than a billionth of one still count.
    let last = |step: f64| (max / step + 1e-9).floor() as usize;
    let mut power = power_of_ten_at_most(max / at_most as f64) / 10.0;
    if power <= 0.0 {
        return vec![0.0];
    }
    let mut k = 0;
    while last(power * [1.0, 2.0, 5.0][k]) + 1 > at_most {
        k = (k + 1) % 3;
        if k == 0 {
            power *= 10.0;
        }
    }
    let step = power * [1.0, 2.0, 5.0][k];
    (0..=last(step)).map(|i| i as f64 * step).collect()
}

/// The largest power of ten at or below `x` (positive), 0 where that
/// underflows. By comparison, not `10f64.powf(x.log10().floor())`: libm's
/// `pow` and `log10` were 2.7 KB of wasm for this alone.
fn power_of_ten_at_most(x: f64) -> f64 {
    // The f64 nearest 10^k: powi is exact up to 10^22 (and its reciprocal
    // rounds once); beyond, the decimal reader rounds "1ek" correctly.
    let power = |k: i32| if k.abs() <= 22 { 10f64.powi(k) } else { crate::decimal::parse(&format!("1e{k}")).unwrap_or(0.0) };
    let mut k: i32 = 0;
    while k > -400 && power(k) > x {
        k -= 1;
    }
    while k < 400 && power(k + 1) <= x {
        k += 1;
    }
    power(k)
}

fn draw_lines(svg: &mut String, c: &CostChart, y_max: f64) -> Result<Patches, DrawError> {
    let mut dashed = Vec::new();
    let plot = plot_area(svg, c, y_max);
    for (k, s) in c.series.iter().enumerate() {
        let points = s.points.iter().copied();
        // The legend is HTML beside the chart (see `legend`): it never covers a line.
        let color = match s.dash {
            Dash::Solid => s.color,
            Dash::Dashed | Dash::Dotted => {
                let (placeholder, stroke) = dashed_stroke(k + 1, s.color, dasharray(s.dash));
                dashed.push(stroke);
                placeholder
            }
        };
        plot.draw(&PathElement::new(points.collect::<Vec<_>>(), color.stroke_width(3)))?;
    }
    // Break-even points: a cross on the crossing and the hours below it.
    for x in &c.crossings {
        plot.draw(&Cross::new((x.hours, x.usd), CROSS_SIZE, x.color.stroke_width(3)))?;
        draw_crossing_label(&plot, x, text_style())?;
    }
    plot.present()?;
    dashed.push(halo());
    Ok(dashed)
}

/// The break-even cross's half-size and where its label's top-left corner is
/// from the crossing, in SVG pixels.
const CROSS_SIZE: i32 = 7;
const CROSSING_LABEL: (i32, i32) = (-20, 10);

/// A break-even's label ("556 h") at its place below the cross: one function
/// for the lines layer and the repeat above the marker's dots, so they agree.
fn draw_crossing_label(plot: &Plot, x: &Crossing, style: TextStyle<'static>) -> Result<(), DrawError> {
    plot.draw(&(EmptyElement::at((x.hours, x.usd)) + Text::new(x.label.clone(), CROSSING_LABEL, style)))
}

/// Labels drawn over lines get a white outline under their glyphs, so a line or
/// another label passing behind them does not make them unreadable.
fn halo() -> (String, String) {
    ("<text ".into(), "<text paint-order=\"stroke\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" ".into())
}

/// The current value: a dashed vertical line, and each line's value there as a
/// dot on the line and the amount beside it, spread apart so close lines stay
/// readable and clear of the break-even labels (`labels::place_amounts`).
fn draw_marker(svg: &mut String, c: &CostChart, y_max: f64) -> Result<Patches, DrawError> {
    let plot = plot_area(svg, c, y_max);
    let here = within(c.marker, 0.0, c.axis.max);
    let (color, stroke) = dashed_stroke(0, MARKER, "4 4");
    plot.draw(&PathElement::new(vec![(here, 0.0), (here, y_max)], color.stroke_width(1)))?;
    let values: Vec<(f64, RGBColor)> = c.series.iter().filter_map(|s| Some((s.at(here)?, s.color))).collect();
    let px = |x: f64, usd: f64| {
        let (x, y) = plot.map_coordinate(&(x, usd));
        (f64::from(x), f64::from(y))
    };
    let ((marker_x, bottom), (left, _), (_, top)) = (px(here, 0.0), px(0.0, 0.0), px(here, y_max));
    let geometry = labels::Geometry { marker_x, left, right: f64::from(c.canvas.width), bottom, top, y_max };
    let amounts: Vec<f64> = values.iter().map(|v| v.0).collect();
    let texts: Vec<String> = amounts.iter().map(|&usd| c.lang.usd(usd)).collect();
    let boxes: Vec<[Rect; 2]> = c.crossings.iter().map(|x| crossing_boxes(x, px(x.hours, x.usd))).collect();
    let (side, label_ys) = labels::place_amounts(&amounts, &texts, &geometry, &boxes.concat());
    // A break-even label that a dot lands on is written again above the dots
    // (the labels are in the lines layer, under this one), so it stays readable.
    let dots: Vec<(f64, f64)> = amounts.iter().map(|&usd| px(here, usd)).collect();
    let covered: Vec<&Crossing> = c
        .crossings
        .iter()
        .zip(&boxes)
        .filter(|(_, [_, label])| dots.iter().any(|&dot| label.meets_circle(dot, f64::from(DOT_RADIUS))))
        .map(|(x, _)| x)
        .collect();
    let gap = labels::MARKER_GAP as i32;
    let (dx, pos) = match side {
        Side::Right => (gap, Pos::new(HPos::Left, VPos::Top)),
        Side::Left => (-gap, Pos::new(HPos::Right, VPos::Top)),
    };
    for ((&(value, color), label_y), text) in values.iter().zip(label_ys).zip(texts) {
        plot.draw(&Circle::new((here, value), DOT_RADIUS, color.filled()))?;
        plot.draw(&(EmptyElement::at((here, label_y)) + Text::new(text, (dx, labels::AMOUNT_DY as i32), text_style().pos(pos))))?;
    }
    for x in covered {
        draw_crossing_label(&plot, x, text_style().color(&REPEATED_LABEL))?;
    }
    plot.present()?;
    let repeated = (format!("fill=\"{}\"", hex(REPEATED_LABEL)), "fill=\"#000000\" data-break-even=\"\"".to_string());
    Ok(vec![stroke, halo(), repeated])
}

/// The dots where the marker meets each line, radius in SVG pixels.
const DOT_RADIUS: i32 = 5;
/// A placeholder colour for a break-even label repeated in the marker layer,
/// patched to black and marked `data-break-even` (it is not an amount).
const REPEATED_LABEL: RGBColor = RGBColor(0x01, 0x02, 0xFE);

/// A break-even's cross and label as boxes in SVG pixels, given the crossing's pixel.
fn crossing_boxes(x: &Crossing, (cx, cy): (f64, f64)) -> [Rect; 2] {
    let r = f64::from(CROSS_SIZE);
    let (dx, dy) = CROSSING_LABEL;
    [
        Rect { left: cx - r, top: cy - r, right: cx + r, bottom: cy + r },
        labels::text_box(&x.label, (cx + f64::from(dx), cy + f64::from(dy))),
    ]
}

/// SVG `stroke-dasharray` for a dash pattern ("" for solid).
fn dasharray(dash: Dash) -> &'static str {
    match dash {
        Dash::Solid => "",
        Dash::Dashed => "10 6",
        Dash::Dotted => "3 5",
    }
}

/// A colour as SVG and CSS write it: `#RRGGBB`.
fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A `stroke-dasharray` of `dasharray`'s given as text (from the page's
/// worker, which drew the chart): one of the three, solid where unknown.
pub fn dasharray_of(text: &str) -> &'static str {
    [Dash::Dashed, Dash::Dotted].map(dasharray).into_iter().find(|d| *d == text).unwrap_or("")
}

/// One legend entry: the line's label, its colour as #RRGGBB and an SVG
/// `stroke-dasharray` matching how the chart draws it ("" for solid).
pub fn legend(series: &[Series]) -> Vec<(String, String, &'static str)> {
    series.iter().map(|s| (s.label.clone(), hex(s.color), dasharray(s.dash))).collect()
}

/// Axis labels: whole dollars, or cents when the whole axis is under $10.
fn axis_usd(lang: Lang, usd: f64, y_max: f64) -> String {
    let text = lang.usd(usd);
    if y_max < 10.0 {
        text
    } else {
        text.strip_suffix(".00").unwrap_or(&text).to_string()
    }
}

/// A round number at or above `x` (1, 2, 2.5 or 5 times a power of ten),
/// so the axis ends on a labelled value; 1 for an empty chart (or one of
/// under 10^-300 USD).
pub fn nice_ceiling(x: f64) -> f64 {
    if !(x.is_finite() && x >= 1e-300) {
        return 1.0;
    }
    let scale = power_of_ten_at_most(x);
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|m| m * scale)
        .find(|&c| c >= x * 1.0001)
        .unwrap_or(10.0 * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// EC2 on-demand meeting Fargate at `hours`, `usd`, labelled `label`.
    fn crossing(hours: f64, usd: f64, label: impl Into<String>) -> Crossing {
        Crossing { line: Line::Ec2(crate::model::ec2::PurchaseOption::OnDemand), hours, usd, label: label.into(), color: VERMILLION }
    }

    fn line(label: &str, monthly_at_730: f64) -> Series {
        Series {
            id: Line::REFERENCE,
            label: label.into(),
            color: BLUE,
            dash: Dash::Solid,
            points: vec![(0.0, 0.0), (730.0, monthly_at_730)],
        }
    }

    #[test]
    fn series_value_between_points() {
        let s = line("x", 360.401);
        assert_eq!(s.at(0.0), Some(0.0));
        assert!((s.at(365.0).unwrap() - 180.2005).abs() < 1e-9);
        assert_eq!(s.at(731.0), None);
        // A step from $10 to $20 at x = 2: the value at 2 is after the jump.
        let step = Series { points: vec![(1.0, 10.0), (2.0, 10.0), (2.0, 20.0), (3.0, 20.0)], ..s };
        assert_eq!((step.at(1.5), step.at(2.0), step.at(3.0)), (Some(10.0), Some(20.0), Some(20.0)));
    }

    #[test]
    fn canvases_follow_the_shown_width_in_steps() {
        assert_eq!(Canvas::fitting(1200.0), Canvas::WIDE);
        assert_eq!(Canvas::fitting(735.0), Canvas::WIDE);
        assert_eq!(Canvas::fitting(559.0), Canvas { width: 520, height: 303 });
        assert_eq!(Canvas::fitting(358.0), Canvas { width: 320, height: 300 }, "a phone");
        assert_eq!(Canvas::fitting(250.0), Canvas { width: 320, height: 300 }, "never narrower than 320");
        assert_eq!(Canvas::fitting(f64::NAN), Canvas::WIDE);
        assert_eq!(Canvas::fitting(0.0), Canvas::WIDE, "not shown (yet)");
    }

    #[test]
    fn a_phone_chart_is_drawn_small_with_everything_inside_it() {
        let canvas = Canvas::fitting(358.0);
        let lines = [line("Linux/x86", 1197.63), line("Linux/ARM", 958.1)];
        let crossing = crossing(700.0, 1148.4, "700 h");
        let chart = CostChart::hours(Lang::En, lines.to_vec(), 630.0, vec![crossing]).on(canvas);
        let layers = chart.draw();
        assert_eq!(layers.canvas, canvas);
        let flat = layers.flat();
        assert!(flat.starts_with("<svg width=\"320\" height=\"300\" viewBox=\"0 0 320 300\""), "{}", &flat[..80]);
        // Every text's anchor point is on the canvas, and fewer x labels than the wide chart's 9.
        let xs: Vec<f64> =
            flat.split("<text").skip(1).map(|t| t.split("x=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap()).collect();
        assert!(xs.iter().all(|&x| (0.0..=320.0).contains(&x)), "{xs:?}");
        assert!(layers.axes.contains(">600<") && !layers.axes.contains(">100<"), "hours labelled every 200");
        // The amounts near the right edge go left of the marker, inside the canvas.
        assert!(layers.marker.contains("text-anchor=\"end\""));
        let (x, y) = chart.frame().percent(730.0, 0.0);
        assert!((0.0..=100.0).contains(&x) && (0.0..=100.0).contains(&y));
    }

    #[test]
    fn ticks_are_as_many_as_fit_one_two_or_five_apart() {
        assert_eq!(ticks(730.0, 9), [0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0]);
        assert_eq!(ticks(730.0, 4), [0.0, 200.0, 400.0, 600.0]);
        assert_eq!(ticks(500.0, 6), [0.0, 100.0, 200.0, 300.0, 400.0, 500.0]);
        assert_eq!(ticks(20.0, 11), (0..=10).map(|i| f64::from(i) * 2.0).collect::<Vec<_>>());
        assert_eq!(ticks(3.0, 4), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(ticks(1.2, 6), [0.0, 0.5, 1.0], "0.2 apart would be 7");
        assert_eq!(ticks(1.0, 6), [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]);
        assert_eq!(ticks(f64::NAN, 6), [0.0]);
        assert_eq!(ticks(3e-323, 6), [0.0], "a step that underflows");
        assert_eq!(ticks(1e-320, 6).len(), 6);
        assert_eq!(ticks(1e-300, 2), [0.0, 1e-300]);
    }

    #[test]
    fn powers_of_ten_at_or_below() {
        for (x, p) in [
            (1.0, 1.0),
            (999.9999999999999, 100.0),
            (1000.0, 1000.0),
            (0.35, 0.1),
            (0.01, 0.01),
            (0.0099, 0.001),
            (7e12, 1e12),
            (f64::MAX, 1e308),
        ] {
            assert_eq!(power_of_ten_at_most(x), p, "{x}");
        }
        assert_eq!(power_of_ten_at_most(1e-320), 1e-320);
        assert_eq!(power_of_ten_at_most(5e-324), 0.0, "10^-324 underflows");
        for k in (-300..=300).step_by(7) {
            let (x, p): (f64, f64) = (format!("3.7e{k}").parse().unwrap(), format!("1e{k}").parse().unwrap());
            assert_eq!(power_of_ten_at_most(x), p, "{x:e}");
            assert_eq!(power_of_ten_at_most(p), p, "{p:e}");
        }
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(360.401), 400.0);
        assert_eq!(nice_ceiling(750.26), 800.0);
        assert_eq!(nice_ceiling(9.01), 10.0);
        assert_eq!(nice_ceiling(100.0), 120.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
    }

    #[test]
    fn svg_has_every_line_its_legend_and_the_values_at_the_marker() {
        let crossing = crossing(500.0, 246.85, "500 h");
        let svg = cost_by_hours(Lang::En, &[line("Linux/x86", 360.401), line("Linux/ARM", 288.36)], 365.0, &[crossing]).flat();
        assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
        assert_eq!(legend(&[line("Linux/x86", 1.0)]), vec![("Linux/x86".to_string(), "#0072B2".to_string(), "")]);
        // 360.401 / 2 and 288.36 / 2 at half the month, rounded to the cent.
        assert!(svg.contains("$180.20"), "value at the marker");
        assert!(svg.contains("$144.18"), "value at the marker");
        assert!(svg.contains("hours per month per task") && svg.contains("USD per month"));
        assert!(svg.contains("#6E6E6E"), "current-hours marker");
        assert!(svg.contains(">500 h</text>"), "break-even label: {svg}");
    }

    #[test]
    fn amounts_at_the_marker_move_left_of_a_break_even_label_on_their_right() {
        let lines = [line("Linux/x86", 360.401), line("Linux/ARM", 288.36)];
        let anchors = |crossing_hours: f64| {
            let usd = lines[0].at(crossing_hours).unwrap();
            let crossing = crossing(crossing_hours, usd, format!("{crossing_hours} h"));
            let marker = cost_by_hours(Lang::En, &lines, 500.0, &[crossing]).marker;
            let amounts: Vec<&str> = marker.split("<text").skip(1).filter(|t| !t.contains("data-break-even")).collect();
            (
                amounts.iter().filter(|t| t.contains("text-anchor=\"start\"")).count(),
                amounts.iter().filter(|t| t.contains("text-anchor=\"end\"")).count(),
            )
        };
        assert_eq!(anchors(100.0), (2, 0), "a break-even far away: amounts on the right");
        assert_eq!(anchors(515.0), (0, 2), "a break-even just right of the marker: amounts on the left");
    }

    #[test]
    fn a_break_even_label_under_a_dot_is_written_again_above_it() {
        let lines = [line("Linux/x86", 360.401), line("Linux/ARM", 288.36)];
        let usd = lines[0].at(510.0).unwrap();
        let crossing = crossing(510.0, usd, "510 h");
        let marker = |hours: f64| cost_by_hours(Lang::En, &lines, hours, std::slice::from_ref(&crossing)).marker;
        let repeated =
            |svg: &str| svg.split("<text").filter(|t| t.contains("data-break-even")).map(|t| t.contains(">510 h<")).collect::<Vec<_>>();
        assert_eq!(repeated(&marker(100.0)), Vec::<bool>::new(), "no dot near the label");
        // The label sits left of and below its cross: the x86 dot passes over it a little before 510 h.
        let over: Vec<u32> = (480..=520).filter(|&h| !repeated(&marker(f64::from(h))).is_empty()).collect();
        assert!(!over.is_empty() && over.iter().all(|&h| h < 510), "{over:?}");
        let svg = marker(f64::from(over[0]));
        assert_eq!(repeated(&svg), vec![true], "once, the label's own text");
        assert!(!svg.contains("#0102FE"), "the placeholder colour is patched");
    }

    #[test]
    fn labels_over_lines_have_a_halo_and_axis_labels_do_not() {
        let crossing = crossing(500.0, 246.85, "500 h");
        let chart = cost_by_hours(Lang::En, &[line("Linux/x86", 360.401)], 365.0, &[crossing]);
        let halo = "paint-order=\"stroke\" stroke=\"#FFFFFF\"";
        assert_eq!(chart.lines.matches("<text").count(), chart.lines.matches(halo).count());
        assert_eq!(chart.marker.matches("<text").count(), chart.marker.matches(halo).count());
        assert!(chart.marker.contains(halo) && chart.lines.contains(halo) && !chart.axes.contains(halo));
    }

    #[test]
    fn dashed_lines_are_one_element_each_with_a_dasharray() {
        let dashed = Series { dash: Dash::Dashed, color: GREEN, ..line("reserved", 200.0) };
        let dotted = Series { dash: Dash::Dotted, color: PURPLE, ..line("spot", 100.0) };
        let svg = cost_by_hours(Lang::En, &[line("Fargate", 360.0), dashed, dotted], 365.0, &[]).flat();
        let drawn = svg
            .split('<')
            .filter(|e| e.starts_with("path") && !e.contains("stroke=\"#000000\"") && !e.contains("stroke=\"#C8C8C8\""))
            .count();
        assert_eq!(drawn, 4, "three lines and the marker, besides the black axes and ticks and the grey grid");
        assert!(svg.contains("stroke=\"#009E73\" stroke-dasharray=\"10 6\""), "{svg}");
        assert!(svg.contains("stroke=\"#CC79A7\" stroke-dasharray=\"3 5\""));
        assert!(svg.contains("stroke=\"#6E6E6E\" stroke-dasharray=\"4 4\""), "the current-hours marker");
        assert!(!svg.contains("#0102"), "no placeholder colour left");
    }

    #[test]
    fn each_layer_changes_only_with_what_it_shows() {
        let lines = [line("Fargate", 360.0), line("EC2", 200.0)];
        let (a, b) = (cost_by_hours(Lang::En, &lines, 100.0, &[]), cost_by_hours(Lang::En, &lines, 500.0, &[]));
        assert_eq!((&a.axes, &a.lines), (&b.axes, &b.lines), "the page can leave axes and lines alone");
        assert_ne!(a.marker, b.marker);
        assert!(a.marker.contains("#6E6E6E") && !a.lines.contains("#6E6E6E"), "the marker is only in its layer");
        assert!(a.axes.contains("USD per month") && !a.lines.contains("<text"), "labels with the axes");
        // New lines under the same axes: only the lines and marker layers change.
        let c = cost_by_hours(Lang::En, &[line("Fargate", 350.0), line("EC2", 210.0)], 100.0, &[]);
        assert_eq!(a.axes, c.axes);
        assert_ne!(a.lines, c.lines);
        let open = |svg: &str| svg[..svg.find('>').unwrap()].to_string();
        assert_eq!(open(&a.marker), open(&a.axes), "same size and viewBox, so they stack exactly");
        assert_eq!(open(&a.lines), open(&a.axes));
        assert_eq!(open(&a.scale), open(&a.axes));
        let flat = a.flat();
        assert_eq!((flat.matches("<svg").count(), flat.matches("</svg>").count()), (1, 1));
        let (grid, line, marker) = (flat.find("#C8C8C8").unwrap(), flat.find("#0072B2").unwrap(), flat.find("#6E6E6E").unwrap());
        assert!(grid < line && line < marker, "grid, then lines, then the marker on top");
    }

    #[test]
    fn redraw_reuses_unchanged_layers_and_always_equals_a_fresh_draw() {
        let hours = |lang, fargate: f64, at: f64| CostChart::hours(lang, vec![line("Fargate", fargate), line("EC2", 200.0)], at, vec![]);
        let start = hours(Lang::En, 360.0, 100.0);
        let mut last = (start.clone(), start.draw());
        // (next chart, which of axes, scale, lines and marker must be the previous step's own strings)
        let steps = [
            (hours(Lang::En, 360.0, 300.0), [true, true, true, false]),    // the marker moved
            (hours(Lang::En, 380.0, 300.0), [true, true, false, false]),   // a line moved, same scale
            (hours(Lang::En, 900.0, 300.0), [true, false, false, false]),  // a taller scale, the same x axis
            (hours(Lang::Zh, 900.0, 300.0), [false, false, false, false]), // another language
            (hours(Lang::Zh, 900.0, 300.0), [true, true, true, true]),     // nothing changed
            (CostChart::tasks(Lang::Zh, vec![line("Fargate", 900.0)], 10.0, 20.0), [false, false, false, false]),
        ];
        for (next, kept) in steps {
            let layers = next.redraw(Some(&last));
            assert_eq!(layers, next.draw(), "{next:?}");
            let (old, new) = (&last.1, &layers);
            assert_eq!(
                [
                    Rc::ptr_eq(&old.axes, &new.axes),
                    Rc::ptr_eq(&old.scale, &new.scale),
                    Rc::ptr_eq(&old.lines, &new.lines),
                    Rc::ptr_eq(&old.marker, &new.marker)
                ],
                kept,
                "{next:?}"
            );
            last = (next, layers);
        }
    }

    #[test]
    fn chinese_axes_and_amounts() {
        let svg = cost_by_hours(Lang::Zh, &[line("Linux/x86", 360.401)], 365.0, &[]).flat();
        assert!(svg.contains("每个任务每月小时数") && svg.contains("每月费用（美元）"));
        assert!(svg.contains("US$180.20") && svg.contains("US$400"), "amounts and ticks in US$");
        assert!(!svg.contains("hours per month"));
    }
}
