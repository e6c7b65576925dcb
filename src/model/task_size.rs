//! Valid Fargate task sizes (CPU and memory combinations).
//!
//! Sizes are held in ECS's own integer units, CPU units (1024 = 1 vCPU) and MiB,
//! so that "is this a valid size" is exact and never a float comparison.

/// CPU units per vCPU, as ECS task definitions count them.
pub const CPU_UNITS_PER_VCPU: u32 = 1024;
pub const MIB_PER_GIB: u32 = 1024;

/// A vCPU count in CPU units (0.25 → 256), truncated: look the result up in the table.
pub fn cpu_units_of(vcpu: f64) -> u32 {
    (vcpu * f64::from(CPU_UNITS_PER_VCPU)) as u32
}

/// CPU units in vCPU (256 → 0.25).
pub fn vcpu_of(cpu_units: u32) -> f64 {
    f64::from(cpu_units) / f64::from(CPU_UNITS_PER_VCPU)
}

/// A GiB count in MiB (0.5 → 512), truncated.
pub fn mib_of(gib: f64) -> u32 {
    (gib * f64::from(MIB_PER_GIB)) as u32
}

/// MiB in GiB (512 → 0.5).
pub fn gib_of(mib: u32) -> f64 {
    f64::from(mib) / f64::from(MIB_PER_GIB)
}

/// One row of the Fargate size table: a CPU value and the memory it allows.
struct Row {
    cpu_units: u32,
    min_mib: u32,
    max_mib: u32,
    step_mib: u32,
}

/// AWS's table of supported Fargate task sizes (see DESIGN.md, "The cost model").
const TABLE: [Row; 7] = [
    // 0.25 vCPU: 0.5, 1 or 2 GiB. The step is irregular, so it is special-cased below.
    Row { cpu_units: 256, min_mib: 512, max_mib: 2048, step_mib: 512 },
    Row { cpu_units: 512, min_mib: 1024, max_mib: 4096, step_mib: 1024 },
    Row { cpu_units: 1024, min_mib: 2048, max_mib: 8192, step_mib: 1024 },
    Row { cpu_units: 2048, min_mib: 4096, max_mib: 16384, step_mib: 1024 },
    Row { cpu_units: 4096, min_mib: 8192, max_mib: 30720, step_mib: 1024 },
    Row { cpu_units: 8192, min_mib: 16384, max_mib: 61440, step_mib: 4096 },
    Row { cpu_units: 16384, min_mib: 32768, max_mib: 122880, step_mib: 8192 },
];

/// A task size Fargate accepts. The only way to get one is through a
/// constructor that checks the table, so every `TaskSize` is valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskSize {
    cpu_units: u32,
    memory_mib: u32,
}

impl TaskSize {
    /// The CPU values Fargate offers, smallest first, in CPU units.
    pub fn cpu_choices() -> impl Iterator<Item = u32> {
        TABLE.iter().map(|r| r.cpu_units)
    }

    /// The memory values (MiB) Fargate allows with `cpu_units`, smallest first;
    /// empty when `cpu_units` is not a Fargate CPU value.
    pub fn memory_choices(cpu_units: u32) -> Vec<u32> {
        let Some(row) = TABLE.iter().find(|r| r.cpu_units == cpu_units) else {
            return Vec::new();
        };
        if row.cpu_units == 256 {
            return vec![512, 1024, 2048];
        }
        (row.min_mib..=row.max_mib).step_by(row.step_mib as usize).collect()
    }

    pub fn new(cpu_units: u32, memory_mib: u32) -> Option<TaskSize> {
        TaskSize::memory_choices(cpu_units).contains(&memory_mib).then_some(TaskSize { cpu_units, memory_mib })
    }

    /// From the human form, "1 vCPU, 2 GiB". Only exact table values are accepted.
    pub fn from_vcpu_gib(vcpu: f64, memory_gib: f64) -> Option<TaskSize> {
        let cpu = vcpu * f64::from(CPU_UNITS_PER_VCPU);
        let mib = memory_gib * f64::from(MIB_PER_GIB);
        let whole = |x: f64| (x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= f64::from(u32::MAX)).then_some(x as u32);
        TaskSize::new(whole(cpu)?, whole(mib)?)
    }

    /// Every valid size, smallest CPU first, then smallest memory.
    pub fn all() -> impl Iterator<Item = TaskSize> {
        TaskSize::cpu_choices()
            .flat_map(|cpu| TaskSize::memory_choices(cpu).into_iter().map(move |mib| TaskSize { cpu_units: cpu, memory_mib: mib }))
    }

    /// The smallest valid size with at least `cpu_units` and `memory_mib`
    /// (fewest CPU units, then least memory): where a task asking for a
    /// size Fargate does not offer runs. None above the largest.
    pub fn smallest_holding(cpu_units: u32, memory_mib: u32) -> Option<TaskSize> {
        TaskSize::all().find(|s| s.cpu_units >= cpu_units && s.memory_mib >= memory_mib)
    }

    /// The valid size with `cpu_units` whose memory is closest to `memory_mib`
    /// (the smaller on a tie), so changing the CPU keeps the memory where it can.
    pub fn nearest(cpu_units: u32, memory_mib: u32) -> Option<TaskSize> {
        TaskSize::memory_choices(cpu_units)
            .into_iter()
            .min_by_key(|&m| (m.abs_diff(memory_mib), m))
            .map(|m| TaskSize { cpu_units, memory_mib: m })
    }

    pub fn cpu_units(self) -> u32 {
        self.cpu_units
    }

    pub fn memory_mib(self) -> u32 {
        self.memory_mib
    }

    pub fn vcpu(self) -> f64 {
        vcpu_of(self.cpu_units)
    }

    pub fn memory_gib(self) -> f64 {
        gib_of(self.memory_mib)
    }
}

impl Default for TaskSize {
    /// 1 vCPU / 2 GiB: a typical small web service.
    fn default() -> Self {
        TaskSize { cpu_units: 1024, memory_mib: 2048 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_the_published_number_of_sizes() {
        // 3 + 4 + 7 + 13 + 23 + 12 + 12: counted from AWS's table row by row.
        assert_eq!(TaskSize::all().count(), 3 + 4 + 7 + 13 + 23 + 12 + 12);
    }

    #[test]
    fn accepts_table_values_and_rejects_others() {
        assert!(TaskSize::from_vcpu_gib(0.25, 0.5).is_some());
        assert!(TaskSize::from_vcpu_gib(0.25, 2.0).is_some());
        assert!(TaskSize::from_vcpu_gib(0.25, 1.5).is_none(), "0.25 vCPU allows 0.5, 1, 2 only");
        assert!(TaskSize::from_vcpu_gib(4.0, 30.0).is_some());
        assert!(TaskSize::from_vcpu_gib(4.0, 31.0).is_none());
        assert!(TaskSize::from_vcpu_gib(8.0, 20.0).is_some());
        assert!(TaskSize::from_vcpu_gib(8.0, 18.0).is_none(), "8 vCPU steps by 4 GiB");
        assert!(TaskSize::from_vcpu_gib(16.0, 120.0).is_some());
        assert!(TaskSize::from_vcpu_gib(16.0, 36.0).is_none(), "16 vCPU steps by 8 GiB");
        assert!(TaskSize::from_vcpu_gib(3.0, 8.0).is_none());
        assert!(TaskSize::from_vcpu_gib(f64::NAN, 2.0).is_none());
        assert!(TaskSize::from_vcpu_gib(-1.0, 2.0).is_none());
    }

    #[test]
    fn nearest_keeps_memory_when_cpu_changes() {
        let s = TaskSize::nearest(2048, 8192).unwrap();
        assert_eq!((s.vcpu(), s.memory_gib()), (2.0, 8.0));
        // 16 GiB is above what 1 vCPU allows: clamp to its largest, 8 GiB.
        assert_eq!(TaskSize::nearest(1024, 16384).unwrap().memory_gib(), 8.0);
        // 0.25 vCPU from 4 GiB: 2 GiB is the closest.
        assert_eq!(TaskSize::nearest(256, 4096).unwrap().memory_gib(), 2.0);
        assert_eq!(TaskSize::nearest(300, 4096), None);
    }
}
