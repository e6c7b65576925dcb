//! What Fargate charges for a task.
//!
//! Fargate bills vCPU-hours and GB-hours of the task size (not of what the
//! container uses), ephemeral storage above the free 20 GiB, and on Windows an
//! OS licence per vCPU-hour.

use super::platform::Platform;
use super::task_size::TaskSize;

/// Ephemeral storage every task gets without charge, GiB.
pub const FREE_STORAGE_GIB: u32 = 20;
/// The most ephemeral storage a task can ask for, GiB.
pub const MAX_STORAGE_GIB: u32 = 200;
/// Windows tasks need at least 1 vCPU (1024 CPU units).
pub const WINDOWS_MIN_CPU_UNITS: u32 = 1024;

/// How Fargate capacity is bought.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FargateOption {
    OnDemand,
    /// Interruptible spare capacity; Linux only.
    Spot,
    /// Compute Savings Plans, 1 year, no upfront.
    SavingsPlan1y,
    /// Compute Savings Plans, 3 years, no upfront.
    SavingsPlan3y,
}

impl FargateOption {
    pub const ALL: [FargateOption; 4] =
        [FargateOption::OnDemand, FargateOption::Spot, FargateOption::SavingsPlan1y, FargateOption::SavingsPlan3y];

    /// The name in line ids (`fargate-savings-plan-1y`).
    pub fn slug(self) -> &'static str {
        match self {
            FargateOption::OnDemand => "on-demand",
            FargateOption::Spot => "spot",
            FargateOption::SavingsPlan1y => "savings-plan-1y",
            FargateOption::SavingsPlan3y => "savings-plan-3y",
        }
    }

    /// The key in JSON and in the price files.
    pub fn key(self) -> &'static str {
        match self {
            FargateOption::OnDemand => "on_demand",
            FargateOption::Spot => "spot",
            FargateOption::SavingsPlan1y => "savings_plan_1y",
            FargateOption::SavingsPlan3y => "savings_plan_3y",
        }
    }

    /// Whether Fargate sells it for the platform: Fargate Spot does not run Windows.
    pub fn runs(self, platform: Platform) -> bool {
        !(self == FargateOption::Spot && platform == Platform::Windows)
    }
}

/// One platform's Fargate rates in one region, USD.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FargateRates {
    /// USD per vCPU-hour.
    pub vcpu_hour: f64,
    /// USD per GB-hour of task memory.
    pub gb_hour: f64,
    /// USD per GB-hour of ephemeral storage above [`FREE_STORAGE_GIB`].
    pub storage_gb_hour: f64,
    /// USD per vCPU-hour of OS licence; Windows only.
    pub os_vcpu_hour: Option<f64>,
}

/// A task as Fargate bills it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FargateTask {
    pub platform: Platform,
    pub size: TaskSize,
    /// Ephemeral storage, GiB, 20–200.
    pub storage_gib: u32,
}

/// Why Fargate would refuse a task.
#[derive(Clone, Debug, PartialEq)]
pub enum Unsupported {
    WindowsBelowOneVcpu(TaskSize),
    StorageOutOfRange(u32),
}

impl FargateTask {
    pub fn new(platform: Platform, size: TaskSize, storage_gib: u32) -> Result<FargateTask, Unsupported> {
        if platform == Platform::Windows && size.cpu_units() < WINDOWS_MIN_CPU_UNITS {
            return Err(Unsupported::WindowsBelowOneVcpu(size));
        }
        if !(FREE_STORAGE_GIB..=MAX_STORAGE_GIB).contains(&storage_gib) {
            return Err(Unsupported::StorageOutOfRange(storage_gib));
        }
        Ok(FargateTask { platform, size, storage_gib })
    }

    /// USD for one task running one hour at `rates`.
    pub fn hourly(&self, rates: &FargateRates) -> f64 {
        let vcpu = self.size.vcpu();
        let billed_storage = f64::from(self.storage_gib.saturating_sub(FREE_STORAGE_GIB));
        let os = rates.os_vcpu_hour.map_or(0.0, |os| vcpu * os);
        vcpu * rates.vcpu_hour + self.size.memory_gib() * rates.gb_hour + billed_storage * rates.storage_gb_hour + os
    }
}

/// The size Fargate runs that is nearest to `cpu_units` and `memory_mib`:
/// Windows gets at least 1 vCPU, then the memory the vCPU allows nearest to
/// the one asked for (the smaller on a tie). None when `cpu_units` is not one
/// of Fargate's CPU values.
pub fn nearest_size(platform: Platform, cpu_units: u32, memory_mib: u32) -> Option<TaskSize> {
    let cpu_units = if platform == Platform::Windows { cpu_units.max(WINDOWS_MIN_CPU_UNITS) } else { cpu_units };
    TaskSize::nearest(cpu_units, memory_mib)
}

/// USD per month for `tasks` tasks each billed `hours_per_task` hours in the month.
pub fn monthly(task_hourly: f64, tasks: u32, hours_per_task: f64) -> f64 {
    f64::from(tasks) * hours_per_task * task_hourly
}

#[cfg(test)]
mod tests {
    use super::*;

    /// us-east-1 Linux/x86, from the AmazonECS offer file of 2025-08-28.
    const X86: FargateRates = FargateRates { vcpu_hour: 0.04048, gb_hour: 0.004445, storage_gb_hour: 0.000111, os_vcpu_hour: None };
    /// us-east-1 Windows: its own vCPU and GB rates plus the OS licence.
    const WINDOWS: FargateRates =
        FargateRates { vcpu_hour: 0.046552, gb_hour: 0.00511175, storage_gb_hour: 0.000111, os_vcpu_hour: Some(0.046) };

    fn size(vcpu: f64, gib: f64) -> TaskSize {
        TaskSize::from_vcpu_gib(vcpu, gib).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn smallest_task_per_hour_and_month() {
        let task = FargateTask::new(Platform::LinuxX86, size(0.25, 0.5), 20).unwrap();
        // 0.25 × 0.04048 + 0.5 × 0.004445 = 0.01012 + 0.0022225 = 0.0123425 USD/h
        assert!(close(task.hourly(&X86), 0.0123425));
        // one task all month: 730 × 0.0123425 = 9.010025 USD
        assert!(close(monthly(task.hourly(&X86), 1, 730.0), 9.010025));
    }

    #[test]
    fn largest_task() {
        let task = FargateTask::new(Platform::LinuxX86, size(16.0, 120.0), 20).unwrap();
        // 16 × 0.04048 + 120 × 0.004445 = 0.64768 + 0.5334 = 1.18108 USD/h
        assert!(close(task.hourly(&X86), 1.18108));
    }

    #[test]
    fn windows_adds_its_os_licence_per_vcpu() {
        let task = FargateTask::new(Platform::Windows, size(2.0, 4.0), 20).unwrap();
        // 2 × 0.046552 + 4 × 0.00511175 + 2 × 0.046 = 0.093104 + 0.020447 + 0.092 = 0.205551 USD/h
        assert!(close(task.hourly(&WINDOWS), 0.205551));
        // 10 tasks × 100 h × 0.205551 = 205.551 USD/month
        assert!(close(monthly(task.hourly(&WINDOWS), 10, 100.0), 205.551));
    }

    #[test]
    fn storage_is_billed_only_above_twenty_gib() {
        let base = FargateTask::new(Platform::LinuxX86, size(1.0, 2.0), 20).unwrap().hourly(&X86);
        let big = FargateTask::new(Platform::LinuxX86, size(1.0, 2.0), 50).unwrap().hourly(&X86);
        // (50 − 20) × 0.000111 = 0.00333 USD/h more
        assert!(close(big - base, 0.00333));
        // base: 0.04048 + 2 × 0.004445 = 0.04937
        assert!(close(base, 0.04937));
    }

    #[test]
    fn refuses_what_fargate_refuses() {
        assert_eq!(FargateTask::new(Platform::Windows, size(0.5, 1.0), 20), Err(Unsupported::WindowsBelowOneVcpu(size(0.5, 1.0))));
        assert!(FargateTask::new(Platform::Windows, size(1.0, 2.0), 20).is_ok());
        assert_eq!(FargateTask::new(Platform::LinuxX86, size(1.0, 2.0), 19), Err(Unsupported::StorageOutOfRange(19)));
        assert_eq!(FargateTask::new(Platform::LinuxX86, size(1.0, 2.0), 201), Err(Unsupported::StorageOutOfRange(201)));
    }

    #[test]
    fn the_nearest_size_keeps_windows_at_one_vcpu_and_the_memory_where_it_can() {
        // 0.25 vCPU / 2 GiB asked for on Windows: 1 vCPU, whose smallest memory is 2 GiB.
        assert_eq!(nearest_size(Platform::Windows, 256, 2048), Some(size(1.0, 2.0)));
        // 0.5 vCPU with 8 GiB on Linux: 0.5 vCPU allows at most 4 GiB.
        assert_eq!(nearest_size(Platform::LinuxX86, 512, 8192), Some(size(0.5, 4.0)));
        assert_eq!(nearest_size(Platform::LinuxArm, 2048, 8192), Some(size(2.0, 8.0)));
        assert_eq!(nearest_size(Platform::LinuxX86, 3072, 8192), None, "3 vCPU is not a Fargate value");
    }

    #[test]
    fn spot_does_not_run_windows() {
        assert!(!FargateOption::Spot.runs(Platform::Windows) && FargateOption::Spot.runs(Platform::LinuxArm));
        assert!(FargateOption::SavingsPlan1y.runs(Platform::Windows));
    }

    #[test]
    fn monthly_is_linear_in_hours_and_tasks() {
        let h = FargateTask::new(Platform::LinuxArm, size(1.0, 2.0), 20).unwrap().hourly(&X86);
        assert!(close(monthly(h, 10, 365.0) * 2.0, monthly(h, 10, 730.0)));
        assert!(close(monthly(h, 4, 100.0) * 3.0, monthly(h, 12, 100.0)));
        assert_eq!(monthly(h, 10, 0.0), 0.0);
    }
}
