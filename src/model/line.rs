//! Every way of paying the comparison prices, one line each on the charts,
//! one row of the table, one column of the CSV. Ids are stable and
//! language-free (`ec2-reserved-3y`): the page keys lines by them, the CSV
//! names its columns after them, and `i18n` names each for people.

use super::ec2::PurchaseOption;
use super::fargate::FargateOption;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Line {
    Fargate(FargateOption),
    Ec2(PurchaseOption),
}

impl Line {
    /// Fargate's first, as the charts draw and the table lists them.
    pub const ALL: [Line; 8] = [
        Line::Fargate(FargateOption::OnDemand),
        Line::Fargate(FargateOption::Spot),
        Line::Fargate(FargateOption::SavingsPlan1y),
        Line::Fargate(FargateOption::SavingsPlan3y),
        Line::Ec2(PurchaseOption::OnDemand),
        Line::Ec2(PurchaseOption::Reserved1y),
        Line::Ec2(PurchaseOption::Reserved3y),
        Line::Ec2(PurchaseOption::Spot),
    ];

    /// The line every break-even is measured against.
    pub const REFERENCE: Line = Line::Fargate(FargateOption::OnDemand);

    /// `fargate-on-demand`, `ec2-reserved-3y`, …
    pub fn id(self) -> &'static str {
        match self {
            Line::Fargate(FargateOption::OnDemand) => "fargate-on-demand",
            Line::Fargate(FargateOption::Spot) => "fargate-spot",
            Line::Fargate(FargateOption::SavingsPlan1y) => "fargate-savings-plan-1y",
            Line::Fargate(FargateOption::SavingsPlan3y) => "fargate-savings-plan-3y",
            Line::Ec2(PurchaseOption::OnDemand) => "ec2-on-demand",
            Line::Ec2(PurchaseOption::Reserved1y) => "ec2-reserved-1y",
            Line::Ec2(PurchaseOption::Reserved3y) => "ec2-reserved-3y",
            Line::Ec2(PurchaseOption::Spot) => "ec2-spot",
        }
    }

    pub fn from_id(id: &str) -> Option<Line> {
        Line::ALL.into_iter().find(|l| l.id() == id)
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
            };
            assert_eq!(line.id(), format!("{kind}-{slug}"));
            assert_eq!(Line::from_id(line.id()), Some(line));
        }
        assert_eq!(Line::from_id("ec2-reserved-5y"), None);
    }
}
