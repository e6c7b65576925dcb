//! How many tasks of one size fit on one EC2 instance, and how many instances
//! a workload needs.

use super::task_size::{TaskSize, CPU_UNITS_PER_VCPU};

/// ECS task networking on EC2, which caps tasks per instance in awsvpc mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NetworkMode {
    /// Tasks share the instance's network interface: no task limit.
    Bridge,
    /// One ENI per task; the instance keeps one for itself.
    Awsvpc,
    /// awsvpc with ENI trunking: AWS's per-type table.
    AwsvpcTrunking,
}

impl NetworkMode {
    pub const ALL: [NetworkMode; 3] = [NetworkMode::Bridge, NetworkMode::Awsvpc, NetworkMode::AwsvpcTrunking];

    pub fn slug(self) -> &'static str {
        match self {
            NetworkMode::Bridge => "bridge",
            NetworkMode::Awsvpc => "awsvpc",
            NetworkMode::AwsvpcTrunking => "awsvpc-trunking",
        }
    }

    pub fn from_slug(s: &str) -> Option<NetworkMode> {
        NetworkMode::ALL.into_iter().find(|m| m.slug() == s)
    }
}

/// What packing needs to know of an instance type.
#[derive(Clone, Debug, PartialEq)]
pub struct InstanceShape {
    pub vcpu: u32,
    pub memory_mib: u32,
    /// Most network interfaces it can attach.
    pub enis: u32,
    /// Tasks per instance with ENI trunking, where AWS publishes it.
    pub trunking_tasks: Option<u32>,
}

/// Which resource runs out first on an instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Cpu,
    Memory,
    Network,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Packing {
    pub tasks_per_instance: u32,
    pub bound: Bound,
}

/// Tasks of `size` per instance: min(⌊vCPU ÷ task vCPU⌋, ⌊(MiB − reserved) ÷ task MiB⌋,
/// network limit). None when not even one fits, or the network limit is unknown.
pub fn pack(instance: &InstanceShape, size: TaskSize, reserved_mib: u32, network: NetworkMode) -> Option<Packing> {
    Room::of(instance, reserved_mib, Daemons::NONE, network)?.packing(size)
}

/// What daemon tasks (agents that run on every instance: a log router,
/// monitoring) take on each instance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Daemons {
    pub cpu_units: u32,
    pub memory_mib: u32,
}

impl Daemons {
    pub const NONE: Daemons = Daemons { cpu_units: 0, memory_mib: 0 };
}

/// What one instance gives the services' tasks: its CPU and memory less the
/// memory ECS reserves and what the daemons take, and the tasks its network
/// mode allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Room {
    pub cpu_units: u32,
    pub memory_mib: u32,
    pub tasks: u32,
}

impl Room {
    /// None where the reservation and the daemons leave no room, or the
    /// network mode's limit is unknown for the type.
    pub fn of(instance: &InstanceShape, reserved_mib: u32, daemons: Daemons, network: NetworkMode) -> Option<Room> {
        Some(Room {
            cpu_units: instance.vcpu.checked_mul(CPU_UNITS_PER_VCPU)?.checked_sub(daemons.cpu_units)?,
            memory_mib: instance.memory_mib.checked_sub(reserved_mib.checked_add(daemons.memory_mib)?)?,
            tasks: task_limit(instance, network)?,
        })
    }

    pub fn holds(self, size: TaskSize) -> bool {
        self.tasks > 0 && size.cpu_units() <= self.cpu_units && size.memory_mib() <= self.memory_mib
    }

    /// How many tasks of `size` fit in this room.
    pub fn count(self, size: TaskSize) -> u32 {
        self.packing(size).map_or(0, |p| p.tasks_per_instance)
    }

    /// How many tasks of `size` fit in this room and what bounds them; None
    /// when not one does.
    pub fn packing(self, size: TaskSize) -> Option<Packing> {
        // CPU units are exact integers: 1024 per vCPU.
        let by_cpu = self.cpu_units / size.cpu_units();
        let by_memory = self.memory_mib / size.memory_mib();
        // Ties name the first of CPU, memory, network: the order a person checks.
        let mut packing = Packing { tasks_per_instance: by_cpu, bound: Bound::Cpu };
        if by_memory < packing.tasks_per_instance {
            packing = Packing { tasks_per_instance: by_memory, bound: Bound::Memory };
        }
        if self.tasks < packing.tasks_per_instance {
            packing = Packing { tasks_per_instance: self.tasks, bound: Bound::Network };
        }
        (packing.tasks_per_instance > 0).then_some(packing)
    }

    /// The room left once `tasks` tasks of `size` are in it.
    pub fn less(self, size: TaskSize, tasks: u32) -> Room {
        Room {
            cpu_units: self.cpu_units - tasks * size.cpu_units(),
            memory_mib: self.memory_mib - tasks * size.memory_mib(),
            tasks: self.tasks - tasks,
        }
    }
}

/// The most tasks `network` mode lets one instance run, `u32::MAX` for no
/// limit; None where the limit is unknown (trunking on a type AWS's table
/// does not list).
pub fn task_limit(instance: &InstanceShape, network: NetworkMode) -> Option<u32> {
    match network {
        NetworkMode::Bridge => Some(u32::MAX),
        NetworkMode::Awsvpc => Some(instance.enis.saturating_sub(1)),
        NetworkMode::AwsvpcTrunking => instance.trunking_tasks,
    }
}

/// Instances for `tasks` tasks: max(minimum, ⌈tasks ÷ tasks per instance⌉).
pub fn instances_needed(tasks: u32, tasks_per_instance: u32, minimum: u32) -> u32 {
    tasks.div_ceil(tasks_per_instance.max(1)).max(minimum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(vcpu: f64, gib: f64) -> TaskSize {
        TaskSize::from_vcpu_gib(vcpu, gib).unwrap()
    }

    /// m6i.large: 2 vCPU, 8 GiB, 3 ENIs; trunking table 10 (as m5.large).
    fn m6i_large() -> InstanceShape {
        InstanceShape { vcpu: 2, memory_mib: 8192, enis: 3, trunking_tasks: Some(10) }
    }

    #[test]
    fn memory_bound_packing() {
        // 0.5 vCPU / 2 GiB on m6i.large, 512 MiB reserved:
        // CPU ⌊2048 ÷ 512⌋ = 4; memory ⌊(8192 − 512) ÷ 2048⌋ = ⌊3.75⌋ = 3 → 3, memory-bound.
        assert_eq!(
            pack(&m6i_large(), size(0.5, 2.0), 512, NetworkMode::Bridge),
            Some(Packing { tasks_per_instance: 3, bound: Bound::Memory })
        );
    }

    #[test]
    fn cpu_bound_packing() {
        // 1 vCPU / 2 GiB: CPU ⌊2 ÷ 1⌋ = 2; memory ⌊7680 ÷ 2048⌋ = 3 → 2, CPU-bound.
        assert_eq!(
            pack(&m6i_large(), size(1.0, 2.0), 512, NetworkMode::Bridge),
            Some(Packing { tasks_per_instance: 2, bound: Bound::Cpu })
        );
    }

    #[test]
    fn awsvpc_eni_limit() {
        // 0.25 vCPU / 0.5 GiB: CPU 8, memory ⌊7680 ÷ 512⌋ = 15; awsvpc: 3 ENIs − 1 = 2 → 2, network-bound.
        let p = pack(&m6i_large(), size(0.25, 0.5), 512, NetworkMode::Awsvpc).unwrap();
        assert_eq!((p.tasks_per_instance, p.bound), (2, Bound::Network));
        // With trunking the table allows 10, so CPU (8) binds.
        let p = pack(&m6i_large(), size(0.25, 0.5), 512, NetworkMode::AwsvpcTrunking).unwrap();
        assert_eq!((p.tasks_per_instance, p.bound), (8, Bound::Cpu));
        // Unknown trunking limit: not a candidate.
        let mut shape = m6i_large();
        shape.trunking_tasks = None;
        assert_eq!(pack(&shape, size(0.25, 0.5), 512, NetworkMode::AwsvpcTrunking), None);
    }

    #[test]
    fn an_instance_that_fits_no_task_is_not_a_candidate() {
        assert_eq!(pack(&m6i_large(), size(4.0, 8.0), 512, NetworkMode::Bridge), None, "4 vCPU on 2");
        assert_eq!(pack(&m6i_large(), size(2.0, 8.0), 512, NetworkMode::Bridge), None, "8 GiB into 7.5");
    }

    #[test]
    fn minimum_instances_for_availability() {
        // 3 tasks, 3 per instance: 1 instance, but a minimum of 2 (two AZs) gives 2.
        assert_eq!(instances_needed(3, 3, 2), 2);
        // 10 tasks, 3 per instance: ⌈10 ÷ 3⌉ = 4.
        assert_eq!(instances_needed(10, 3, 2), 4);
        assert_eq!(instances_needed(0, 3, 0), 0);
    }
}
