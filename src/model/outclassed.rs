//! Instance types no workload would pick, so the first view need not load them.
//!
//! Type `b` outclasses type `a` when `b` is at least as large in everything
//! packing counts (vCPU, memory, ENIs, trunking limit), no dearer in any
//! purchase option `a` is priced in nor in Managed Instances' fee, and no
//! worse off for CPU credits (it does not burst, or both do and `b` has at
//! least `a`'s baseline at no higher a surplus rate). Then `b` holds at least
//! as many tasks per instance, needs no more instances and costs no more a
//! month, whatever the scenario; `scenario::cheaper` settles the remaining
//! ties in `b`'s favour (lower hourly rate, then the larger type, then the
//! name). So the cheapest fleet among the types nothing outclasses is the
//! cheapest among all, and the snapshot moves the others to a file the page
//! loads only when a person names one or opens the instance picker.

use super::ec2::PurchaseOption;
use super::packing::InstanceShape;
use super::scenario::Candidate;

/// Whether `b` outclasses `a` (see the module's comment). Irreflexive and
/// transitive: twins of one size and price are told apart by name, the first
/// one wins.
pub fn outclasses(b: &Candidate, a: &Candidate) -> bool {
    let (sb, sa) = (&b.shape, &a.shape);
    let at_least = |b: Option<u32>, a: Option<u32>| match (b, a) {
        (_, None) => true,
        (Some(b), Some(a)) => b >= a,
        (None, Some(_)) => false,
    };
    let roomier =
        sb.vcpu >= sa.vcpu && sb.memory_mib >= sa.memory_mib && sb.enis >= sa.enis && at_least(sb.trunking_tasks, sa.trunking_tasks);
    // At an equal rate `b` must win the tie-break after it: larger, or the first name.
    let wins_tie = sb != sa || b.name < a.name;
    // No dearer where `a` has a price: strictly cheaper, or equal and first in the tie-break.
    let no_dearer = |b: Option<f64>, a: Option<f64>| match (b, a) {
        (_, None) => true,
        (Some(rb), Some(ra)) => rb < ra || (rb == ra && wins_tie),
        (None, Some(_)) => false,
    };
    let credits = match (b.burst, a.burst) {
        (None, _) => true,
        (Some(bb), Some(ba)) => bb.baseline_vcpu >= ba.baseline_vcpu && bb.surplus_vcpu_hour <= ba.surplus_vcpu_hour,
        (Some(_), None) => false,
    };
    roomier
        && credits
        && PurchaseOption::ALL.into_iter().all(|o| no_dearer(b.hourly.get(o), a.hourly.get(o)))
        && no_dearer(b.managed_fee, a.managed_fee)
}

/// Larger first: what `scenario::cheaper` prefers among fleets of equal cost,
/// count and rate. A type that is at least as large in every resource and
/// larger in one comes first.
pub fn larger_first(a: &InstanceShape, b: &InstanceShape) -> std::cmp::Ordering {
    let key = |s: &InstanceShape| (s.vcpu, s.memory_mib, s.enis, s.trunking_tasks);
    key(b).cmp(&key(a))
}

/// Splits `items` (each seen as its `candidate`) into those nothing
/// outclasses and the rest, each in the order given.
pub fn split<T>(items: Vec<T>, candidate: impl Fn(&T) -> Candidate) -> (Vec<T>, Vec<T>) {
    let all: Vec<Candidate> = items.iter().map(&candidate).collect();
    let outclassed: Vec<bool> = all.iter().map(|a| all.iter().any(|b| outclasses(b, a))).collect();
    let mut kept = Vec::new();
    let mut rest = Vec::new();
    for (item, out) in items.into_iter().zip(outclassed) {
        if out {
            rest.push(item)
        } else {
            kept.push(item)
        }
    }
    (kept, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ec2::Ec2Hourly;

    fn c(name: &str, vcpu: u32, gib: u32, enis: u32, trunking: Option<u32>, on_demand: f64, spot: Option<f64>) -> Candidate {
        Candidate {
            name: name.into(),
            shape: InstanceShape { vcpu, memory_mib: gib * 1024, enis, trunking_tasks: trunking },
            hourly: Ec2Hourly { on_demand, reserved_1y: None, reserved_3y: None, spot, savings_plans: [None; 4] },
            burst: None,
            managed_fee: Some(on_demand * 0.12),
        }
    }

    #[test]
    fn larger_and_no_dearer_outclasses() {
        // m4.large against m5.large in us-east-1: same size, m5 cheaper, more trunking.
        let m4 = c("m4.large", 2, 8, 2, None, 0.1, Some(0.04));
        let m5 = c("m5.large", 2, 8, 3, Some(10), 0.096, Some(0.035));
        assert!(outclasses(&m5, &m4) && !outclasses(&m4, &m5));
        // Larger for the same price outclasses too.
        assert!(outclasses(&c("big", 4, 16, 4, Some(10), 0.1, Some(0.04)), &m4));
    }

    #[test]
    fn smaller_dearer_or_unpriced_somewhere_does_not() {
        let a = c("a", 2, 8, 3, Some(10), 0.1, Some(0.04));
        assert!(!outclasses(&c("b", 2, 4, 3, Some(10), 0.05, Some(0.02)), &a), "less memory");
        assert!(!outclasses(&c("b", 2, 8, 3, None, 0.05, Some(0.02)), &a), "no trunking limit where a has one");
        assert!(!outclasses(&c("b", 2, 8, 3, Some(10), 0.05, Some(0.05)), &a), "dearer Spot");
        assert!(!outclasses(&c("b", 2, 8, 3, Some(10), 0.05, None), &a), "no Spot price where a has one");
        // a has no Spot price: b's Spot price does not matter.
        assert!(outclasses(&c("b", 2, 16, 3, Some(10), 0.05, Some(9.0)), &c("a", 2, 8, 3, Some(10), 0.1, None)));
    }

    #[test]
    fn a_burstable_type_outclasses_only_what_its_credits_cannot_cost_more_than() {
        use crate::model::credits::Burst;
        // t3.large against m5.large in us-east-1: as large, cheaper, but it may pay for CPU credits.
        let burst = |baseline_vcpu: f64, surplus_vcpu_hour: f64| Some(Burst { baseline_vcpu, surplus_vcpu_hour });
        let t3 = Candidate { burst: burst(0.6, 0.05), ..c("t3.large", 2, 8, 3, None, 0.0832, Some(0.03)) };
        let m5 = c("m5.large", 2, 8, 3, None, 0.096, Some(0.04));
        assert!(!outclasses(&t3, &m5) && !outclasses(&m5, &t3));
        // Between burstable types: a larger baseline at the same rate does; a smaller one does not.
        let t3a = Candidate { burst: burst(0.6, 0.05), ..c("t3a.large", 2, 8, 3, None, 0.0752, Some(0.025)) };
        assert!(outclasses(&t3a, &t3));
        let small = Candidate { burst: burst(0.4, 0.05), ..c("t3a.small", 2, 8, 3, None, 0.0752, Some(0.025)) };
        assert!(!outclasses(&small, &t3));
        // A dearer Managed Instances fee keeps the other type in the running.
        let fee = Candidate { managed_fee: Some(0.5), ..c("m6.large", 2, 8, 3, None, 0.09, Some(0.03)) };
        assert!(!outclasses(&fee, &m5));
    }

    #[test]
    fn twins_keep_the_first_name() {
        let a = c("a.twin", 2, 8, 3, Some(10), 0.1, None);
        let b = c("b.twin", 2, 8, 3, Some(10), 0.1, None);
        assert!(outclasses(&a, &b) && !outclasses(&b, &a) && !outclasses(&a, &a));
        // The same size and cheaper outclasses whatever the names.
        let cheaper = c("z.twin", 2, 8, 3, Some(10), 0.09, None);
        assert!(outclasses(&cheaper, &a) && !outclasses(&a, &cheaper));
        let (kept, rest) = split(vec![b.clone(), a.clone()], Candidate::clone);
        assert_eq!((kept, rest), (vec![a], vec![b]));
    }
}
