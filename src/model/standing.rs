//! The facts a verdict states: which way of running the tasks (Fargate
//! on-demand, EC2 or ECS Managed Instances at the chosen purchase option)
//! is the cheapest at the scenario's hours, and at what hours per task each
//! other way would be the cheaper one.

use super::ec2::PurchaseOption;
use super::line::Line;
use super::scenario::Evaluation;

#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The ways with a price here and their USD a month, cheapest first (a
    /// tie keeps Fargate, EC2, Managed Instances order).
    pub ranked: Vec<(Line, f64)>,
    /// Each way after the first, with the hours per task (ranges within the
    /// month) where it costs less than the first.
    pub cheaper_where: Vec<(Line, Vec<(f64, f64)>)>,
}

impl Evaluation {
    pub fn standing(&self, buy: PurchaseOption) -> Standing {
        let ways = [Line::REFERENCE, Line::Ec2(buy), Line::Managed(buy)];
        // Three at most: an insertion sort, stable, far smaller in wasm than `sort_by`.
        let mut ranked: Vec<(Line, f64)> = Vec::new();
        for (line, usd) in ways.into_iter().filter_map(|line| Some((line, self.monthly(line)?))) {
            let at = ranked.iter().position(|r| r.1 > usd).unwrap_or(ranked.len());
            ranked.insert(at, (line, usd));
        }
        let first = ranked.first().map(|r| r.0);
        let cheaper_where = ranked.iter().skip(1).filter_map(|&(line, _)| Some((line, self.cheaper(line, first?)))).collect();
        Standing { ranked, cheaper_where }
    }
}
