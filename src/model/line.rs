//! Every way of paying the comparison prices, one line each on the charts,
//! one row of the table, one column of the CSV. Ids are stable and
//! language-free (`ec2-reserved-3y`, `managed-spot`): the page keys lines by
//! them, the CSV names its columns after them, and `i18n` names each for people.

use super::ec2::PurchaseOption;
use super::fargate::FargateOption;

/// The two ways of running the tasks on instances.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Launch {
    /// A fleet of your own (the ECS "EC2" launch type).
    Ec2,
    /// ECS Managed Instances: AWS runs the instances for a fee per instance-hour.
    Managed,
}

impl Launch {
    pub const ALL: [Launch; 2] = [Launch::Ec2, Launch::Managed];

    /// The purchase options Managed Instances are priced for here.
    pub const MANAGED_OPTIONS: [PurchaseOption; 4] =
        [PurchaseOption::OnDemand, PurchaseOption::Reserved1y, PurchaseOption::Reserved3y, PurchaseOption::Spot];

    pub fn offers(self, option: PurchaseOption) -> bool {
        self == Launch::Ec2 || Launch::MANAGED_OPTIONS.contains(&option)
    }

    /// Its fleet's line for `option`.
    pub fn line(self, option: PurchaseOption) -> Line {
        match self {
            Launch::Ec2 => Line::Ec2(option),
            Launch::Managed => Line::Managed(option),
        }
    }

    /// A slot per launch and option, for arrays of every fleet line.
    pub fn slot(self, option: PurchaseOption) -> usize {
        self as usize * PurchaseOption::ALL.len() + option as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Line {
    Fargate(FargateOption),
    /// A fleet of your own.
    Ec2(PurchaseOption),
    /// ECS Managed Instances: on-demand, reserved and Spot only.
    Managed(PurchaseOption),
}

impl Line {
    /// Fargate's first, then EC2's, then Managed Instances', as the charts
    /// draw and the table lists them.
    pub const ALL: [Line; 16] = [
        Line::Fargate(FargateOption::OnDemand),
        Line::Fargate(FargateOption::Spot),
        Line::Fargate(FargateOption::SavingsPlan1y),
        Line::Fargate(FargateOption::SavingsPlan3y),
        Line::Ec2(PurchaseOption::OnDemand),
        Line::Ec2(PurchaseOption::Reserved1y),
        Line::Ec2(PurchaseOption::Reserved3y),
        Line::Ec2(PurchaseOption::Spot),
        Line::Ec2(PurchaseOption::ComputeSavingsPlan1y),
        Line::Ec2(PurchaseOption::ComputeSavingsPlan3y),
        Line::Ec2(PurchaseOption::InstanceSavingsPlan1y),
        Line::Ec2(PurchaseOption::InstanceSavingsPlan3y),
        Line::Managed(PurchaseOption::OnDemand),
        Line::Managed(PurchaseOption::Reserved1y),
        Line::Managed(PurchaseOption::Reserved3y),
        Line::Managed(PurchaseOption::Spot),
    ];

    /// The line every break-even is measured against.
    pub const REFERENCE: Line = Line::Fargate(FargateOption::OnDemand);

    /// `fargate-on-demand`, `ec2-reserved-3y`, `managed-spot`, …
    pub fn id(self) -> String {
        match self {
            Line::Fargate(o) => format!("fargate-{}", o.slug()),
            Line::Ec2(o) => format!("ec2-{}", o.slug()),
            Line::Managed(o) => format!("managed-{}", o.slug()),
        }
    }

    pub fn from_id(id: &str) -> Option<Line> {
        Line::ALL.into_iter().find(|l| l.id() == id)
    }

    /// A fleet line's launch and purchase option; None for Fargate's.
    pub fn fleet(self) -> Option<(Launch, PurchaseOption)> {
        match self {
            Line::Fargate(_) => None,
            Line::Ec2(o) => Some((Launch::Ec2, o)),
            Line::Managed(o) => Some((Launch::Managed, o)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_launch_type_and_the_option_slug_and_read_back() {
        for line in Line::ALL {
            let (kind, slug) = match line {
                Line::Fargate(o) => ("fargate", o.slug()),
                Line::Ec2(o) => ("ec2", o.slug()),
                Line::Managed(o) => ("managed", o.slug()),
            };
            assert_eq!(line.id(), format!("{kind}-{slug}"));
            assert_eq!(Line::from_id(&line.id()), Some(line));
        }
        assert_eq!(Line::from_id("ec2-reserved-5y"), None);
        assert_eq!(Line::from_id("managed-compute-savings-plan-1y"), None, "Managed Instances lines are the four of MANAGED_OPTIONS");
    }
}
