//! The bridge from the price snapshot to the model: a region's prices turned
//! into the model's inputs, and the comparison evaluated. The CLI and the
//! page both go through here, so they cannot disagree. What the answer says
//! (`i18n`), how it is drawn (`chart::lines`), exported (`export`) and printed
//! by the CLI (`cli`) is each in its own module.

use crate::inputs::{InputError, Inputs};
use crate::model::curve::{self, Above, CurveCost, Week};
use crate::model::ec2::PurchaseOption;
use crate::model::fargate::{FargateOption, FREE_STORAGE_GIB};
use crate::model::line::{Launch, Line};
use crate::model::platform::Platform;
use crate::model::scenario::{self, Candidate, Evaluation, FargateOptions, InstanceChoice, Scenario, ScenarioError, SidePrices};
use crate::options::Opt;
use crate::pricing::{Ec2Extra, FargatePrices, Manifest, RateSet, RegionPrices};

/// A finished comparison and what it was made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub inputs: Inputs,
    pub scenario: Scenario,
    pub rates: FargateOptions,
    pub side: SidePrices,
    /// Whether the region file has any EC2 Savings Plans rate.
    pub savings_plans_known: bool,
    pub evaluation: Evaluation,
    /// Where a service has a week of load (`--curve`): its answer.
    pub curve: Option<CurveEstimate>,
}

/// A week of load's answer (issue 27), on one instance type: the named one,
/// or on auto the type whose fleet following the week costs least.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveEstimate {
    pub candidate: Candidate,
    pub cost: CurveCost,
}

/// Why no estimate could be made (`i18n::problems` says it: `Display` in the
/// CLI's English, `explain` on the page).
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// An option the CLI was given is invalid (the page never holds one).
    Input(InputError),
    /// The region has no Fargate price for the platform; `known` lists those it has.
    NoFargate {
        platform: Platform,
        region: String,
        known: Vec<Platform>,
    },
    /// More than the free 20 GiB of storage where its price is unknown.
    NoStoragePrice,
    Scenario(ScenarioError),
    /// A curve on a burstable type (named): CPU credits under a changing load are not modelled.
    CurveOnBurstable(String),
    /// A curve whose load above a baseline is to be bought as Fargate does not sell it here (Spot on Windows).
    NoFargateAbove(Above),
}

/// The region's Fargate rates for the platform, for each purchase option.
pub fn fargate_options(prices: &FargatePrices, storage_gib: u32) -> Result<FargateOptions, Problem> {
    let storage = prices.storage.as_ref();
    if storage_gib > FREE_STORAGE_GIB && storage.is_none() {
        return Err(Problem::NoStoragePrice);
    }
    let rates = |set: &RateSet| set.rates(storage);
    Ok(FargateOptions {
        on_demand: rates(&prices.on_demand),
        spot: prices.spot.as_ref().map(rates),
        savings_plan_1y: prices.savings_plan_1y.as_ref().map(rates),
        savings_plan_3y: prices.savings_plan_3y.as_ref().map(rates),
    })
}

/// Every instance type of the region file, with its specs and prices.
pub fn candidates(prices: &RegionPrices) -> Vec<Candidate> {
    prices.rows.iter().map(|row| prices.candidate(row)).collect()
}

/// The types of a region file and of its outclassed companion (where
/// loaded), in type order as both files are: the picker lists them so. The
/// companion's types take the file's credits and fees.
pub fn every_candidate(prices: &RegionPrices, outclassed: Option<&RegionPrices>) -> Vec<Candidate> {
    let more: Vec<Candidate> = outclassed.map(|o| o.rows.iter().map(|row| prices.candidate(row)).collect()).unwrap_or_default();
    let (mut a, mut b) = (candidates(prices).into_iter().peekable(), more.into_iter().peekable());
    let mut all = Vec::with_capacity(a.len() + b.len());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y.name < x.name => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        let Some(c) = next else { return all };
        all.push(c);
    }
}

/// Whether the inputs name a type the region file leaves to its outclassed
/// companion (or one that is in neither: only the companion can tell).
pub fn names_an_outclassed_type(inputs: &Inputs, prices: &RegionPrices) -> bool {
    prices.outclassed_types > 0 && inputs.ec2 != "auto" && prices.get(&inputs.ec2).is_none()
}

/// Checks the region against the snapshot: a known region, with Fargate
/// prices for the platform (they are in its region file).
pub fn check_region(inputs: &Inputs, manifest: &Manifest) -> Result<(), Problem> {
    let region = manifest.region(&inputs.region).ok_or_else(|| {
        let codes: Vec<&str> = manifest.regions.iter().map(|r| r.code.as_str()).collect();
        Problem::Input(InputError { option: Opt::Region, given: inputs.region.clone(), accepted: codes.join(", ") })
    })?;
    if region.fargate.contains(&inputs.platform) {
        Ok(())
    } else {
        Err(Problem::NoFargate { platform: inputs.platform, region: region.code.clone(), known: region.fargate.clone() })
    }
}

/// The Fargate prices in the inputs' region file (`prices`).
pub fn fargate_prices<'p>(inputs: &Inputs, manifest: &Manifest, prices: &'p RegionPrices) -> Result<&'p FargatePrices, Problem> {
    check_region(inputs, manifest)?;
    prices.fargate.as_ref().ok_or_else(|| Problem::NoFargate {
        platform: inputs.platform,
        region: inputs.region.clone(),
        known: Vec::new(),
    })
}

/// The CLI's and the page's worker's estimate: with a week of load's answer
/// where a service has a curve (the page's own wasm leaves weeks out).
pub fn estimate(inputs: &Inputs, manifest: &Manifest, prices: &RegionPrices) -> Result<Estimate, Problem> {
    let candidates = candidates(prices);
    let mut e = estimate_with(inputs, manifest, prices, &candidates)?;
    if let Some(weeks) = inputs.weeks() {
        e.curve = Some(curve_estimate(inputs, &e.scenario, &weeks, &e.evaluation, &e.side, &candidates)?);
    }
    Ok(e)
}

/// `estimate` with the region file's `candidates` already built: the page
/// builds them once per price file, not on every slider step. No week of
/// load is worked out here.
pub fn estimate_with(inputs: &Inputs, manifest: &Manifest, prices: &RegionPrices, candidates: &[Candidate]) -> Result<Estimate, Problem> {
    let scenario = inputs.scenario().map_err(Problem::Input)?;
    let storage_gib = inputs.services.iter().map(|s| s.disk).max().unwrap_or(0);
    let rates = fargate_options(fargate_prices(inputs, manifest, prices)?, storage_gib)?;
    let side = prices.side_prices();
    let evaluation = scenario::evaluate(&scenario, &rates, &side, candidates).map_err(Problem::Scenario)?;
    let savings_plans_known = prices.columns.iter().any(|c| Ec2Extra::from_column(c).is_some_and(|e| e != Ec2Extra::ManagedInstancesFee));
    Ok(Estimate { inputs: inputs.clone(), scenario, rates, side, savings_plans_known, evaluation, curve: None })
}

/// The week on the named type, or on auto on the type whose fleet following
/// the week costs least (`curve::cheapest_type`).
fn curve_estimate(
    inputs: &Inputs,
    s: &Scenario,
    weeks: &[Week],
    evaluation: &Evaluation,
    side: &SidePrices,
    candidates: &[Candidate],
) -> Result<CurveEstimate, Problem> {
    // Said before any type is tried: no type prices what Fargate does not sell.
    let fargate = &evaluation.fargate;
    if fargate.services.iter().any(|f| f.task_hours[inputs.above.fargate() as usize].is_none()) {
        return Err(Problem::NoFargateAbove(inputs.above));
    }
    let chosen = &evaluation.ec2.candidate;
    let candidate = match &s.instance {
        InstanceChoice::Named(_) => Some(chosen.clone()).filter(|c| c.burst.is_none()),
        InstanceChoice::Auto => curve::cheapest_type(s, weeks, side, candidates, inputs.scaling(), s.buy, inputs.above).cloned(),
    };
    let cost = candidate.as_ref().and_then(|c| curve::evaluate(s, weeks, fargate, side, c, inputs.scaling(), inputs.above));
    match (candidate, cost) {
        (Some(candidate), Some(cost)) => Ok(CurveEstimate { candidate, cost }),
        _ => Err(Problem::CurveOnBurstable(chosen.name.clone())),
    }
}

/// The inputs' region file (region and platform) in `pricing/`, relative to it.
pub fn region_file_of(inputs: &Inputs) -> String {
    crate::pricing::region_file(&inputs.region, inputs.platform)
}

/// One Fargate purchase option's bill, USD.
#[derive(Clone, Debug, PartialEq)]
pub struct FargateRow {
    pub option: FargateOption,
    /// USD per month at the billed hours.
    pub monthly: f64,
    /// USD per task-hour.
    pub task_hour: f64,
}

/// Every Fargate option sold here for the platform, with a rate: its monthly
/// bill and its price per task-hour.
pub fn fargate_rows(e: &Estimate) -> Vec<FargateRow> {
    let fargate = &e.evaluation.fargate;
    e.rates
        .offered(e.scenario.platform)
        .filter_map(|(option, _)| Some(FargateRow { option, monthly: fargate.monthly(option)?, task_hour: fargate.task_hour_of(option)? }))
        .collect()
}

/// A group of lines the estimate cannot price at all here, said once for
/// the group rather than line by line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// ECS Managed Instances runs Linux only.
    ManagedInstancesOnWindows,
    /// The region file has no EC2 Savings Plans rate (a refresh brings them).
    SavingsPlans,
}

/// Whether `line` is in a group of `Missing` lines here, and whether it is
/// the group's first line (where the page and the CLI say so).
pub fn missing(e: &Estimate, line: Line) -> Option<(Missing, bool)> {
    match line {
        Line::Managed(o) if e.inputs.platform == Platform::Windows => {
            Some((Missing::ManagedInstancesOnWindows, o == Launch::MANAGED_OPTIONS[0]))
        }
        Line::Ec2(o) if o.is_savings_plan() && !e.savings_plans_known => {
            Some((Missing::SavingsPlans, o == PurchaseOption::ComputeSavingsPlan1y))
        }
        _ => None,
    }
}

/// What the EC2 fleet costs per task-hour actually run (USD): the monthly bill
/// over the hours the tasks ran; None when they do not run at all.
pub fn ec2_per_task_hour(e: &Estimate, monthly: f64) -> Option<f64> {
    let task_hours = f64::from(e.inputs.tasks()) * e.evaluation.fargate.billed_hours;
    (task_hours > 0.0).then(|| monthly / task_hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn committed(path: &str) -> Result<String, String> {
        std::fs::read_to_string(format!("{}/pricing/{path}", env!("CARGO_MANIFEST_DIR"))).map_err(|e| e.to_string())
    }

    #[test]
    fn a_file_and_its_companion_give_every_type_in_order_and_the_companion_only_when_named() {
        let file = RegionPrices::parse(&committed("regions/us-east-1/linux-x86.json").unwrap()).unwrap();
        let more = RegionPrices::parse(&committed("regions/us-east-1/linux-x86-outclassed.json").unwrap()).unwrap();
        let all = RegionPrices::read_all(committed, "us-east-1", Platform::LinuxX86).unwrap();
        assert_eq!(every_candidate(&file, Some(&more)), candidates(&all));
        assert_eq!(every_candidate(&file, None), candidates(&file));
        let named = |ec2: &str| names_an_outclassed_type(&Inputs { ec2: ec2.into(), ..Inputs::default() }, &file);
        assert!(named("m5.large") && named("no.such-type"), "only the companion can tell");
        assert!(!named("auto") && !named("m5a.large") && !named_in_all(&all));
        fn named_in_all(all: &RegionPrices) -> bool {
            names_an_outclassed_type(&Inputs { ec2: "m5.large".into(), ..Inputs::default() }, all)
        }
    }
}
