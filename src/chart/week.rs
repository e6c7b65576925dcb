//! Issue 27's second chart: the week hour by hour, stacked — the tasks on
//! the EC2 baseline, those on Fargate above them — and the instances a fleet
//! following the load would run, as steps. Plain SVG (bars and paths, no
//! plotters): 168 hours of two bars each are two paths.

use super::{hex, Canvas, BLUE, GREEN, VERMILLION};
use crate::format::decimals;
use crate::i18n::Lang;
use crate::model::curve::{HOURS_PER_DAY, HOURS_PER_WEEK};

const LEFT: f64 = 48.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 44.0;

/// The week's SVG: `hours` (tasks on EC2, tasks on Fargate) and `instances`,
/// each one per hour of the week from Monday 00:00.
pub fn week(lang: Lang, hours: &[(u32, u32)], instances: &[u32], canvas: Canvas) -> String {
    let (width, height) = (f64::from(canvas.width), f64::from(canvas.height));
    let most = hours.iter().map(|(a, b)| a + b).chain(instances.iter().copied()).max().unwrap_or(0);
    // Four gridlines a whole count apart, the top at or above the most.
    let step = most.max(1).div_ceil(4);
    let top = f64::from(4 * step);
    let x = |hour: f64| LEFT + hour / HOURS_PER_WEEK as f64 * (width - LEFT - RIGHT);
    let y = |n: f64| TOP + (1.0 - n / top) * (height - TOP - BOTTOM);
    let d = |v: f64| decimals(v, 1);
    let words = lang.words();
    let mut svg = format!(
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"12\">",
        w = canvas.width,
        h = canvas.height
    );
    // Four gridlines with their counts, and a line between days with the day's name.
    for k in 0..=4 {
        let n = top * f64::from(k) / 4.0;
        svg += &format!(
            "<path d=\"M{} {}H{}\" stroke=\"#DDDDDD\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            d(LEFT),
            d(y(n)),
            d(width - RIGHT),
            d(LEFT - 6.0),
            d(y(n) + 4.0),
            decimals(n, 0)
        );
    }
    for (day, name) in words.days.split(' ').enumerate() {
        let start = (day * HOURS_PER_DAY) as f64;
        svg += &format!(
            "<path d=\"M{} {}V{}\" stroke=\"#BBBBBB\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{name}</text>",
            d(x(start)),
            d(TOP),
            d(height - BOTTOM),
            d(x(start + 12.0)),
            d(height - BOTTOM + 16.0)
        );
    }
    svg += &format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
        d((LEFT + width - RIGHT) / 2.0),
        d(height - 6.0),
        words.axis_week
    );
    // The stacked bars: EC2 from 0, Fargate from EC2's top; each colour one path.
    let bar = |from: &dyn Fn(usize) -> u32, to: &dyn Fn(usize) -> u32| {
        let mut path = String::new();
        for h in 0..hours.len() {
            let (low, high) = (f64::from(from(h)), f64::from(to(h)));
            if high > low {
                path += &format!("M{} {}H{}V{}H{}Z", d(x(h as f64)), d(y(low)), d(x(h as f64 + 1.0)), d(y(high)), d(x(h as f64)));
            }
        }
        path
    };
    svg += &format!("<path d=\"{}\" fill=\"{}\"/>", bar(&|_| 0, &|h| hours[h].0), hex(GREEN));
    svg += &format!("<path d=\"{}\" fill=\"{}\" fill-opacity=\"0.75\"/>", bar(&|h| hours[h].0, &|h| hours[h].0 + hours[h].1), hex(BLUE));
    // The fleet's instances, a step each hour.
    let mut steps = String::new();
    for (h, &n) in instances.iter().enumerate() {
        let (from, to, at) = (x(h as f64), x(h as f64 + 1.0), y(f64::from(n)));
        steps += &format!("{}{} {}H{}", if h == 0 { "M" } else { "L" }, d(from), d(at), d(to));
    }
    svg += &format!("<path d=\"{steps}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>", hex(VERMILLION));
    svg + "</svg>"
}

/// The week chart's key, in the cost charts' form (`legend`): all solid.
pub fn week_legend(lang: Lang) -> Vec<(String, String, &'static str)> {
    let words = lang.words();
    [(words.week_on_ec2, GREEN), (words.week_on_fargate, BLUE), (words.week_instances, VERMILLION)]
        .into_iter()
        .map(|(label, color)| (label.to_string(), hex(color), ""))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_stack_and_the_fleet_steps() {
        let mut hours = vec![(2, 0); HOURS_PER_WEEK];
        hours[10] = (4, 4);
        let mut instances = vec![2; HOURS_PER_WEEK];
        instances[10] = 4;
        let svg = week(Lang::En, &hours, &instances, Canvas::WIDE);
        assert!(svg.starts_with("<svg width=\"720\" height=\"420\"") && svg.ends_with("</svg>"));
        // 8 at most: gridlines at 0, 2, 4, 6, 8; Monday to Sunday named.
        assert!([">2</text>", ">8</text>", ">Mon</text>", ">Sun</text>"].iter().all(|t| svg.contains(t)) && !svg.contains(">10</text>"));
        // One Fargate bar (hour 10), 168 EC2 bars.
        let bars = |colour: &str| {
            svg.split(&format!("fill=\"{colour}\""))
                .next()
                .map_or(0, |before| before.rsplit("<path d=\"").next().unwrap_or("").matches('Z').count())
        };
        assert_eq!((bars("#009E73"), bars("#0072B2")), (168, 1));
    }
}
