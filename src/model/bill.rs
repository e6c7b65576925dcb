//! A month's bill by part, USD: what the page, the CLI and `--json` itemise.
//! Each part is a cost line of the hours per task (`FleetParts<CostLine>`)
//! or its value at the scenario's hours (`FleetParts<f64>`). A part whose
//! price is unknown is None, and left out of the total, which then says so.

use super::cost_line::CostLine;

/// What an instance fleet costs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FleetParts<T> {
    pub instances: T,
    /// ECS Managed Instances' management fee; nothing on self-managed EC2.
    pub management_fee: T,
    pub cpu_credits: T,
    /// The instances' EBS root volumes.
    pub ebs: Option<T>,
    /// One public IPv4 address per instance.
    pub public_ipv4: Option<T>,
    /// The person's own figure per instance.
    pub extra: T,
    /// Engineer hours running the fleet; nothing on Managed Instances.
    pub ops: T,
}

impl FleetParts<CostLine> {
    /// Each part's USD a month at `h` hours per task.
    pub fn at(&self, h: f64) -> FleetParts<f64> {
        FleetParts {
            instances: self.instances.at(h),
            management_fee: self.management_fee.at(h),
            cpu_credits: self.cpu_credits.at(h),
            ebs: self.ebs.as_ref().map(|l| l.at(h)),
            public_ipv4: self.public_ipv4.as_ref().map(|l| l.at(h)),
            extra: self.extra.at(h),
            ops: self.ops.at(h),
        }
    }

    /// The total as a line: the sum of the known parts.
    pub fn total(&self) -> CostLine {
        [&self.management_fee, &self.cpu_credits, &self.extra, &self.ops]
            .into_iter()
            .chain(&self.ebs)
            .chain(&self.public_ipv4)
            .cloned()
            .fold(self.instances.clone(), CostLine::plus)
    }
}

impl FleetParts<f64> {
    /// The sum of the known parts.
    pub fn total(&self) -> f64 {
        self.instances
            + self.management_fee
            + self.cpu_credits
            + self.ebs.unwrap_or(0.0)
            + self.public_ipv4.unwrap_or(0.0)
            + self.extra
            + self.ops
    }

    /// Whether a part with a cost is left out for want of a price.
    pub fn incomplete(&self) -> bool {
        self.ebs.is_none() || self.public_ipv4.is_none()
    }
}

/// What Fargate costs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FargateParts<T> {
    pub tasks: T,
    /// One public IPv4 address per running task.
    pub public_ipv4: Option<T>,
}

impl FargateParts<CostLine> {
    pub fn at(&self, h: f64) -> FargateParts<f64> {
        FargateParts { tasks: self.tasks.at(h), public_ipv4: self.public_ipv4.as_ref().map(|l| l.at(h)) }
    }

    pub fn total(&self) -> CostLine {
        self.public_ipv4.iter().cloned().fold(self.tasks.clone(), CostLine::plus)
    }
}

impl FargateParts<f64> {
    pub fn total(&self) -> f64 {
        self.tasks + self.public_ipv4.unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_is_its_known_parts() {
        let lines = FleetParts {
            instances: CostLine::fixed(300.0),
            management_fee: CostLine::ZERO,
            cpu_credits: CostLine::per_hour(0.1),
            ebs: None,
            public_ipv4: Some(CostLine::fixed(18.25)),
            extra: CostLine::fixed(10.0),
            ops: CostLine::fixed(100.0),
        };
        let bill = lines.at(730.0);
        // 300 + 73 + 18.25 + 10 + 100, EBS unknown and left out.
        assert!((bill.total() - 501.25).abs() < 1e-9 && bill.incomplete());
        assert!((lines.total().at(730.0) - bill.total()).abs() < 1e-9);
    }
}
