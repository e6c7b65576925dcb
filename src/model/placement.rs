//! Several services' tasks packed together onto instances of one type:
//! first fit, largest tasks first (first-fit decreasing, in up to three
//! orders), then spread over fewer instances where that fits, beside the
//! lower bound no packing can beat. `packing` is the one-size case, where
//! first fit is exact.

use super::packing::{task_limit, InstanceShape, NetworkMode};
use super::task_size::{TaskSize, CPU_UNITS_PER_VCPU};

/// What daemon tasks (agents that run on every instance: a log router,
/// monitoring) take on each instance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Daemons {
    pub cpu_units: u32,
    pub memory_mib: u32,
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

    fn holds(self, size: TaskSize) -> bool {
        self.tasks > 0 && size.cpu_units() <= self.cpu_units && size.memory_mib() <= self.memory_mib
    }

    /// How many tasks of `size` fit in this room.
    fn count(self, size: TaskSize) -> u32 {
        (self.cpu_units / size.cpu_units()).min(self.memory_mib / size.memory_mib()).min(self.tasks)
    }

    fn less(self, size: TaskSize, tasks: u32) -> Room {
        Room {
            cpu_units: self.cpu_units - tasks * size.cpu_units(),
            memory_mib: self.memory_mib - tasks * size.memory_mib(),
            tasks: self.tasks - tasks,
        }
    }
}

/// One service's tasks: their size and how many run at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Demand {
    pub size: TaskSize,
    pub tasks: u32,
}

/// The tasks that must fit at once while every service deploys: each
/// service's own and `percent` more, rounded up (ECS's `maximumPercent`
/// above 100 starts new tasks before it stops old ones).
pub fn with_headroom(demands: &[Demand], percent: u32) -> Vec<Demand> {
    demands
        .iter()
        .map(|d| Demand { size: d.size, tasks: d.tasks + (u64::from(d.tasks) * u64::from(percent)).div_ceil(100) as u32 })
        .collect()
}

/// Where every task runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// Per instance, its tasks of each service, in the demands' order.
    pub instances: Vec<Vec<u32>>,
    /// No packing holds the tasks on fewer instances: their total CPU,
    /// memory and count over one instance's room, each rounded up.
    pub lower_bound: u32,
}

/// First-fit decreasing: services largest first, each task onto the first
/// instance with room for it, a new one when none has. "Largest" is first by
/// the larger of a task's shares of the room's CPU and memory; where that
/// leaves more instances than the lower bound, by its CPU share and by its
/// memory share are tried too, and the fewest instances kept (the first of
/// equals). None when a task does not fit on an empty instance.
pub fn place(room: Room, demands: &[Demand]) -> Option<Placement> {
    if demands.iter().any(|d| d.tasks > 0 && !room.holds(d.size)) {
        return None;
    }
    let lower_bound = lower_bound(room, demands);
    let mut best: Option<Vec<Vec<u32>>> = None;
    for by in [Share::Larger, Share::Cpu, Share::Memory] {
        let order = largest_first(room, demands, by);
        let instances = first_fit(room, demands, &order);
        if best.as_ref().is_none_or(|b| instances.len() < b.len()) {
            best = Some(instances);
        }
        if best.as_ref().is_some_and(|b| b.len() as u32 <= lower_bound) {
            break;
        }
    }
    let mut best = best.unwrap_or_default();
    // First fit fills the first instances with tasks of one size, which can
    // leave no instance the room for two sizes that pair well: spreading the
    // tasks, largest first, over one instance fewer can do better.
    while best.len() as u32 > lower_bound {
        match spread(room, demands, best.len() - 1) {
            Some(fewer) => best = fewer,
            None => break,
        }
    }
    Some(Placement { instances: best, lower_bound })
}

/// Every task, largest first (by its larger share), onto whichever of `n`
/// instances has the most room left (by its smaller free share) and holds
/// it; None when a task finds none.
fn spread(room: Room, demands: &[Demand], n: usize) -> Option<Vec<Vec<u32>>> {
    // An instance's room left: the smaller of its free CPU and memory shares.
    let left = |r: Room| (f64::from(r.cpu_units) / f64::from(room.cpu_units)).min(f64::from(r.memory_mib) / f64::from(room.memory_mib));
    let mut free = vec![room; n];
    let mut roomy = vec![left(room); n];
    let mut instances = vec![vec![0; demands.len()]; n];
    for service in largest_first(room, demands, Share::Larger) {
        let size = demands[service].size;
        for _ in 0..demands[service].tasks {
            // The roomiest that holds it; the first of equals.
            let mut best: Option<usize> = None;
            for i in 0..n {
                if best.is_none_or(|b| roomy[i] > roomy[b]) && free[i].holds(size) {
                    best = Some(i);
                }
            }
            let at = best?;
            free[at] = free[at].less(size, 1);
            roomy[at] = left(free[at]);
            instances[at][service] += 1;
        }
    }
    Some(instances)
}

/// Which of a task's shares of the room's CPU and memory ranks it first.
#[derive(Clone, Copy)]
enum Share {
    Larger,
    Cpu,
    Memory,
}

/// The services' indices, largest task first by `by`, then by the other
/// share, then in the demands' order.
fn largest_first(room: Room, demands: &[Demand], by: Share) -> Vec<usize> {
    let key = |d: &Demand| {
        let (cpu, memory) =
            (f64::from(d.size.cpu_units()) / f64::from(room.cpu_units), f64::from(d.size.memory_mib()) / f64::from(room.memory_mib));
        match by {
            Share::Larger => (cpu.max(memory), cpu.min(memory)),
            Share::Cpu => (cpu, memory),
            Share::Memory => (memory, cpu),
        }
    };
    let mut order: Vec<usize> = (0..demands.len()).collect();
    order.sort_by(|&a, &b| {
        let ((a1, a2), (b1, b2)) = (key(&demands[a]), key(&demands[b]));
        b1.total_cmp(&a1).then(b2.total_cmp(&a2)).then(a.cmp(&b))
    });
    order
}

/// Each service's tasks in `order`, each onto the first instance with room.
fn first_fit(room: Room, demands: &[Demand], order: &[usize]) -> Vec<Vec<u32>> {
    let mut free: Vec<Room> = Vec::new();
    let mut instances: Vec<Vec<u32>> = Vec::new();
    for &service in order {
        let Demand { size, tasks } = demands[service];
        let mut left = tasks;
        // Tasks of one size: an instance one did not fit gets no fuller, so
        // each instance is filled as far as it goes, in one pass.
        let mut at = 0;
        while left > 0 {
            if at == free.len() {
                free.push(room);
                instances.push(vec![0; demands.len()]);
            }
            let fit = free[at].count(size).min(left);
            free[at] = free[at].less(size, fit);
            instances[at][service] += fit;
            left -= fit;
            at += 1;
        }
    }
    instances
}

fn lower_bound(room: Room, demands: &[Demand]) -> u32 {
    let total = |per_task: fn(TaskSize) -> u32| demands.iter().map(|d| u64::from(per_task(d.size)) * u64::from(d.tasks)).sum::<u64>();
    let over = |need: u64, per_instance: u32| need.div_ceil(u64::from(per_instance.max(1)));
    let tasks = demands.iter().map(|d| u64::from(d.tasks)).sum();
    over(total(TaskSize::cpu_units), room.cpu_units).max(over(total(TaskSize::memory_mib), room.memory_mib)).max(over(tasks, room.tasks))
        as u32
}

/// Shares of the fleet's vCPU and memory that no running task, daemon or ECS
/// reservation takes, 0–1 (room kept for deployments is idle between them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Idle {
    pub vcpu: f64,
    pub memory: f64,
}

impl Placement {
    /// `running`: the tasks that run between deployments (no headroom).
    pub fn idle(&self, instance: &InstanceShape, room: Room, running: &[Demand]) -> Idle {
        let n = self.instances.len() as f64;
        let used = |per_task: fn(TaskSize) -> u32| running.iter().map(|d| f64::from(per_task(d.size)) * f64::from(d.tasks)).sum::<f64>();
        let share = |free: f64, total: f64| if total > 0.0 { free / total } else { 0.0 };
        Idle {
            vcpu: share(n * f64::from(room.cpu_units) - used(TaskSize::cpu_units), n * f64::from(instance.vcpu * CPU_UNITS_PER_VCPU)),
            memory: share(n * f64::from(room.memory_mib) - used(TaskSize::memory_mib), n * f64::from(instance.memory_mib)),
        }
    }
}

#[cfg(test)]
mod tests;
