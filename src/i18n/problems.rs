//! Why there is no answer, in words: the CLI's one English line (`Display`)
//! and the page's sentence in its language (`Problem::explain`).

use super::zh::{fill, zh, Zh};
use super::Lang;
use crate::estimate::Problem;
use crate::format;
use crate::model::fargate::{Unsupported, FREE_STORAGE_GIB, MAX_STORAGE_GIB};
use crate::model::line::Line;
use crate::model::scenario::ScenarioError;
use crate::model::task_size::TaskSize;
use std::fmt;

/// "0.5 vCPU / 1 GiB".
fn size(s: TaskSize) -> String {
    size_of(s.cpu_units(), s.memory_mib())
}

/// "0.5 vCPU / 1 GiB" for CPU units and MiB, whether or not Fargate offers them.
pub(super) fn size_of(cpu_units: u32, memory_mib: u32) -> String {
    let vcpu = crate::model::task_size::vcpu_of(cpu_units);
    format!("{} vCPU / {} GiB", format::quantity(vcpu), format::quantity(crate::model::task_size::gib_of(memory_mib)))
}

/// The model's reasons in English.
fn scenario_error(e: &ScenarioError) -> String {
    match e {
        ScenarioError::Fargate(Unsupported::WindowsBelowOneVcpu(s)) => {
            format!("Windows on Fargate needs at least 1 vCPU; {} is too small", size(*s))
        }
        ScenarioError::Fargate(Unsupported::StorageOutOfRange(gib)) => {
            format!("ephemeral storage must be {FREE_STORAGE_GIB}–{MAX_STORAGE_GIB} GiB, not {gib} GiB")
        }
        ScenarioError::UsageOverMonth(h) => format!("each task would run {} hours, more than the 730 in a month", format::decimals(*h, 1)),
        ScenarioError::UnknownInstance(name) => format!("no EC2 instance type {name} for this platform in this region"),
        ScenarioError::InstanceTooSmall(name) => format!("{name} cannot hold even one task of this size"),
        ScenarioError::CreditsRunOut { name, until } => format!(
            "{name} in standard credit mode runs these tasks at most {} h/month each: its CPU baseline cannot carry them longer",
            format::decimals(*until, 0)
        ),
        ScenarioError::NoCandidate(option) => format!("no EC2 instance type holds this task and has an {} price here", option.slug()),
        ScenarioError::NoServices => "the workload has no service".into(),
        ScenarioError::SidecarsTooLarge(k) => {
            format!("service {}'s tasks with the daemons as sidecars are larger than Fargate's largest size (16 vCPU, 120 GiB)", k + 1)
        }
    }
}

/// The CLI's line: options and platforms by their command-line names.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Input(e) => e.fmt(f),
            Problem::NoFargate { platform, region, known } => {
                write!(f, "--platform: no Fargate {} price is known in {region}", platform.slug())?;
                if !known.is_empty() {
                    write!(f, "; known: {}", known.iter().map(|p| p.slug()).collect::<Vec<_>>().join(", "))?;
                }
                Ok(())
            }
            Problem::NoStoragePrice => write!(f, "no Fargate ephemeral storage price is known here; keep --disk at {FREE_STORAGE_GIB} GiB"),
            Problem::Scenario(e) => f.write_str(&scenario_error(e)),
            Problem::CurveOnBurstable(name) => {
                write!(
                    f,
                    "--curve: {name} is burstable, and CPU credits under a changing load are not modelled; choose another type with --ec2"
                )
            }
            Problem::NoFargateAbove(above) => {
                let sold = Lang::En.words().line(Line::Fargate(above.fargate()));
                write!(f, "--above: {sold} is not sold here for this platform; choose --above on-demand")
            }
        }
    }
}

impl Problem {
    /// The problem as the page says it.
    pub fn explain(&self, lang: Lang) -> String {
        let names =
            |known: &[crate::model::platform::Platform], and: &str| known.iter().map(|p| super::platform(*p)).collect::<Vec<_>>().join(and);
        match (lang, self) {
            (Lang::En, Problem::NoFargate { platform, region, known }) if known.is_empty() => {
                format!("No Fargate {} price is known in {region}.", super::platform(*platform))
            }
            (Lang::En, Problem::NoFargate { platform, region, known }) => {
                format!(
                    "No Fargate {} price is known in {region}; it has prices for {}.",
                    super::platform(*platform),
                    names(known, " and ")
                )
            }
            (Lang::En, Problem::NoStoragePrice) => {
                format!("No Fargate ephemeral storage price is known here; storage above {FREE_STORAGE_GIB} GiB cannot be priced.")
            }
            (Lang::En, other) => other.to_string(),
            (Lang::Zh, Problem::Input(e)) => fill(Zh::problem_input, &[e.option.name(), &e.given]),
            (Lang::Zh, Problem::NoFargate { platform, region, known }) if known.is_empty() => {
                fill(Zh::problem_no_fargate, &[region, super::platform(*platform)])
            }
            (Lang::Zh, Problem::NoFargate { platform, region, known }) => {
                fill(Zh::problem_no_fargate_known, &[region, super::platform(*platform), &names(known, zh(Zh::list_sep))])
            }
            (Lang::Zh, Problem::CurveOnBurstable(name)) => fill(Zh::problem_curve_burstable, &[name]),
            (Lang::Zh, Problem::NoFargateAbove(above)) => {
                fill(Zh::problem_no_fargate_above, &[lang.words().line(Line::Fargate(above.fargate()))])
            }
            (Lang::Zh, Problem::NoStoragePrice) => fill(Zh::problem_no_storage, &[&FREE_STORAGE_GIB.to_string()]),
            (Lang::Zh, Problem::Scenario(ScenarioError::Fargate(_) | ScenarioError::SidecarsTooLarge(_))) => {
                zh(Zh::problem_fargate).to_string()
            }
            (Lang::Zh, Problem::Scenario(ScenarioError::NoServices)) => zh(Zh::problem_no_services).to_string(),
            (Lang::Zh, Problem::Scenario(ScenarioError::UsageOverMonth(h))) => fill(Zh::problem_over_month, &[&format::decimals(*h, 1)]),
            (Lang::Zh, Problem::Scenario(ScenarioError::UnknownInstance(name))) => fill(Zh::problem_unknown_instance, &[name]),
            (Lang::Zh, Problem::Scenario(ScenarioError::InstanceTooSmall(name))) => fill(Zh::problem_too_small, &[name]),
            (Lang::Zh, Problem::Scenario(ScenarioError::CreditsRunOut { name, until })) => {
                fill(Zh::problem_credits, &[name, &format::decimals(*until, 0)])
            }
            (Lang::Zh, Problem::Scenario(ScenarioError::NoCandidate(option))) => {
                fill(Zh::problem_no_candidate, &[lang.words().purchase(*option)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::platform::Platform;

    #[test]
    fn no_fargate_names_the_platforms_that_have_prices() {
        let problem = |known: Vec<Platform>| Problem::NoFargate { platform: Platform::Windows, region: "eu-central-1".into(), known };
        let some = problem(vec![Platform::LinuxX86, Platform::LinuxArm]);
        assert_eq!(some.explain(Lang::En), "No Fargate Windows price is known in eu-central-1; it has prices for Linux/x86 and Linux/ARM.");
        assert_eq!(some.explain(Lang::Zh), "eu-central-1 没有已知的 Fargate Windows 价格；有价格的平台：Linux/x86、Linux/ARM。");
        assert_eq!(problem(Vec::new()).explain(Lang::En), "No Fargate Windows price is known in eu-central-1.");
        assert_eq!(some.to_string(), "--platform: no Fargate windows price is known in eu-central-1; known: linux-x86, linux-arm");
    }

    #[test]
    fn the_models_reasons_in_words() {
        let small = TaskSize::from_vcpu_gib(0.5, 1.0).unwrap();
        let fargate = Problem::Scenario(ScenarioError::Fargate(Unsupported::WindowsBelowOneVcpu(small)));
        assert_eq!(fargate.to_string(), "Windows on Fargate needs at least 1 vCPU; 0.5 vCPU / 1 GiB is too small");
        assert_eq!(fargate.explain(Lang::Zh), "Fargate 不支持这个任务规格。");
        let over = Problem::Scenario(ScenarioError::UsageOverMonth(833.33));
        assert_eq!(over.explain(Lang::En), "each task would run 833.3 hours, more than the 730 in a month");
        let credits = Problem::Scenario(ScenarioError::CreditsRunOut { name: "t3a.large".into(), until: 219.0 });
        assert_eq!(
            credits.to_string(),
            "t3a.large in standard credit mode runs these tasks at most 219 h/month each: its CPU baseline cannot carry them longer"
        );
    }
}
