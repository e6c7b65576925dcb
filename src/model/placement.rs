//! Several services' tasks packed together onto instances of one type:
//! first fit, largest tasks first (first-fit decreasing, in up to three
//! orders), then spread over fewer instances where that fits, beside the
//! lower bound no packing can beat. `packing` is the one-size case, where
//! first fit is exact.

use super::packing::{InstanceShape, Room};
use super::task_size::{TaskSize, CPU_UNITS_PER_VCPU};

/// One service's tasks: their size and how many run at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Demand {
    pub size: TaskSize,
    pub tasks: u32,
}

/// The tasks that must fit at once while every service deploys: each
/// service's own and `percent` more (ECS's `maximumPercent` above 100 starts
/// new tasks before it stops old ones, up to the desired count × the
/// percentage, rounded down).
pub fn with_headroom(demands: &[Demand], percent: u32) -> Vec<Demand> {
    demands.iter().map(|d| Demand { size: d.size, tasks: d.tasks + (u64::from(d.tasks) * u64::from(percent) / 100) as u32 }).collect()
}

/// Instances that hold the same tasks: how many, and their tasks of each
/// service in the demands' order.
pub type Group = (u32, Vec<u32>);

/// Where every task runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The instances in groups that hold the same tasks, in the order first met.
    pub groups: Vec<Group>,
    /// No packing holds the tasks on fewer instances: their total CPU,
    /// memory and count over one instance's room, each rounded up.
    pub lower_bound: u32,
}

impl Placement {
    pub fn instances(&self) -> u32 {
        self.groups.iter().map(|g| g.0).sum()
    }

    /// Each instance's tasks of each service.
    pub fn each(&self) -> Vec<Vec<u32>> {
        let mut out = Vec::new();
        for (n, load) in &self.groups {
            out.resize(out.len() + *n as usize, load.clone());
        }
        out
    }
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
    // Tasks of one size: first fit is exact, and needs no instance by instance.
    let mut busy = demands.iter().enumerate().filter(|(_, d)| d.tasks > 0);
    if let (Some((k, one)), None) = (busy.next(), busy.next()) {
        let per = room.count(one.size);
        let with = |tasks: u32| {
            let mut load = vec![0; demands.len()];
            load[k] = tasks;
            load
        };
        let (full, rest) = (one.tasks / per, one.tasks % per);
        let mut groups = Vec::with_capacity(2);
        if full > 0 {
            groups.push((full, with(per)));
        }
        if rest > 0 {
            groups.push((1, with(rest)));
        }
        return Some(Placement { groups, lower_bound });
    }
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
    Some(Placement { groups: groups(&best), lower_bound })
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
    // An insertion after the last not smaller (stable): a few dozen services
    // at most, and far smaller in wasm than `sort_by`.
    let mut order: Vec<usize> = Vec::with_capacity(demands.len());
    for (k, d) in demands.iter().enumerate() {
        let (k1, k2) = key(d);
        let at = order.iter().position(|&o| {
            let (o1, o2) = key(&demands[o]);
            o1 < k1 || (o1 == k1 && o2 < k2)
        });
        order.insert(at.unwrap_or(order.len()), k);
    }
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

/// Instances that hold the same tasks, in the order first met: how many,
/// and their tasks of each service.
pub fn groups(instances: &[Vec<u32>]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for load in instances {
        match out.iter_mut().find(|(_, l)| l == load) {
            Some((n, _)) => *n += 1,
            None => out.push((1, load.clone())),
        }
    }
    out
}

/// Shares of the fleet's vCPU and memory that no running task, daemon or ECS
/// reservation takes, 0–1 (room kept for deployments is idle between them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Idle {
    pub vcpu: f64,
    pub memory: f64,
}

/// Share of the fleet's vCPU and memory the tasks are given, 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Utilisation {
    pub vcpu: f64,
    pub memory: f64,
}

/// What `running` tasks are given of `instances` instances of the type.
pub fn utilisation(instance: &InstanceShape, instances: u32, running: &[Demand]) -> Utilisation {
    let provisioned_vcpu = f64::from(instances) * f64::from(instance.vcpu);
    let provisioned_mib = f64::from(instances) * f64::from(instance.memory_mib);
    let share = |used: f64, total: f64| if total > 0.0 { used / total } else { 0.0 };
    let used = |per_task: fn(TaskSize) -> f64| running.iter().map(|d| f64::from(d.tasks) * per_task(d.size)).sum::<f64>();
    Utilisation { vcpu: share(used(TaskSize::vcpu), provisioned_vcpu), memory: share(used(|s| f64::from(s.memory_mib())), provisioned_mib) }
}

/// Where the tasks that run between deployments are, on `n` instances: each
/// service's tasks spread over them as ECS's spread placement does (largest
/// first, each onto the roomiest instance); when spreading cannot hold
/// them, where `placed` put them, less its headroom tasks (taken from the
/// last instances), and the instances it left empty.
pub fn running_on(room: Room, running: &[Demand], n: u32, placed: &Placement) -> Vec<Group> {
    let spread = spread(room, running, n as usize).unwrap_or_else(|| {
        let mut instances = placed.each();
        for (k, d) in running.iter().enumerate() {
            let mut extra = instances.iter().map(|load| load[k]).sum::<u32>().saturating_sub(d.tasks);
            for load in instances.iter_mut().rev() {
                let off = extra.min(load[k]);
                (load[k], extra) = (load[k] - off, extra - off);
            }
        }
        instances.resize((n as usize).max(instances.len()), vec![0; running.len()]);
        instances
    });
    groups(&spread)
}

/// The idle shares of `instances` instances of the type, each with `room`,
/// when `running` tasks run on them.
pub fn idle(instance: &InstanceShape, room: Room, instances: u32, running: &[Demand]) -> Idle {
    let n = f64::from(instances);
    let used = |per_task: fn(TaskSize) -> u32| running.iter().map(|d| f64::from(per_task(d.size)) * f64::from(d.tasks)).sum::<f64>();
    let share = |free: f64, total: f64| if total > 0.0 { free / total } else { 0.0 };
    Idle {
        vcpu: share(n * f64::from(room.cpu_units) - used(TaskSize::cpu_units), n * f64::from(instance.vcpu * CPU_UNITS_PER_VCPU)),
        memory: share(n * f64::from(room.memory_mib) - used(TaskSize::memory_mib), n * f64::from(instance.memory_mib)),
    }
}

#[cfg(test)]
mod tests;
