//! Every fixed piece of text on the page. The English is here; the Chinese
//! is in `zh.json`, by the same names (`zh::Zh` has a key per field), so a
//! word missing from either does not compile or does not load.

use super::zh::{zh, Zh};
use crate::estimate::Missing;
use crate::model::curve::preset::Preset;
use crate::model::curve::Above;
use crate::model::ec2::PurchaseOption;
use crate::model::fargate::FargateOption;
use crate::model::line::Line;
use crate::model::packing::Bound;
use crate::pricing::Provenance;

/// Declares the words: the struct, its English, and how the Chinese is read.
macro_rules! words {
    ($($field:ident: $en:expr,)*) => {
        /// `repr(C)` and fields of one type: laid out as an array of them,
        /// which is how the Chinese is read (`chinese`).
        #[repr(C)]
        pub struct Words {
            $(pub $field: &'static str,)*
        }

        pub const EN: Words = Words { $($field: $en,)* };

        /// The first keys of `Zh` are the fields, in their order.
        const FIELDS: [Zh; COUNT] = [$(Zh::$field,)*];
        const COUNT: usize = [$(stringify!($field),)*].len();
    };
}

words! {
    title: "Fargate or EC2: where is the break-even?",
    language: "Language",
    working: "Working out the cheapest EC2 fleet…",
    no_answer: "No answer for these settings: see why below.",
    results: "Results",
    open_full: "Open the full explorer",
    list_prices_newest: "AWS list prices, newest data",
    show_on_charts: "Show on the charts",
    link_notice: "Part of the link could not be used and was left at its default: ",
    refused: "Not used (the page keeps the last value): ",
    download: "Download: ",
    chart_svg: "chart (SVG)",
    chart_png: "chart (PNG)",
    numbers_csv: "numbers (CSV)",
    share: "Share",
    link_to_view: "Link to this view",
    copy_link: "Copy link",
    copied: "Copied",
    embed: "Embed",
    embed_hint: "Paste this into an article: a compact explorer with this scenario",
    controls: "Workload and fleet",
    where_: "Where",
    region: "AWS region",
    no_fargate_prices: " (no Fargate prices)",
    platform: "Platform",
    task_size: "Task size",
    vcpu_per_task: "vCPU per task",
    memory_per_task: "Memory per task",
    disk: "Ephemeral storage, GiB",
    workload: "Workload",
    tasks_running: "Tasks running",
    scheduled: " Scheduled job (runs × minutes)",
    runs: "Runs per month per task",
    minutes: "Minutes per run (at least 1 is billed)",
    hours_per_task: "Hours per month per task",
    fleet: "EC2 fleet",
    instance_type: "Instance type (auto, or type to search)",
    auto_hint: "the cheapest that fits",
    purchase_option: "Purchase option",
    capacity: "Capacity",
    always_on: "Always on (730 h)",
    follows_tasks: "Follows the tasks",
    network_mode: "Network mode",
    cpu_use: "Average CPU use per task, %",
    credits: "CPU credits of burstable types",
    credits_unlimited: "unlimited (pay above the baseline)",
    credits_standard: "standard (held to the baseline)",
    public_ip: "Public IPv4 addresses",
    ip_none: "none",
    ip_public: "one per task or instance",
    ebs: "EBS root volume per instance, GiB",
    min_instances: "Minimum instances",
    reserve: "Memory kept for OS and agent, MiB",
    extra: "Extra per instance, USD/month",
    ops: "Operations, engineer hours/month",
    rate: "Engineer rate, USD/hour",
    option: "Option",
    per_month: "per month",
    per_task_hour: "per task-hour",
    break_even: "break-even",
    none: "none",
    managed_not_windows: "ECS Managed Instances does not run Windows",
    savings_plans_missing: "EC2 Savings Plans: no rates in this snapshot (a price refresh brings them)",
    no_price_here: "no price here",
    part_instances: "instances",
    part_fee: "management fee",
    part_credits: "CPU credits",
    part_ebs: "EBS",
    part_ipv4: "public IPv4",
    part_extra: "extra",
    part_ops: "operations",
    sources_title: "Where these prices come from",
    undated: "undated",
    sources_and_licences: "Sources and licences: ",
    axis_hours: "hours per month per task",
    axis_tasks: "tasks",
    axis_baseline: "tasks on the EC2 baseline (the rest on Fargate)",
    axis_usd_month: "USD per month",
    fargate_on_demand: "Fargate on-demand",
    fargate_spot: "Fargate Spot",
    fargate_sp_1y: "Fargate Savings Plan 1y",
    fargate_sp_3y: "Fargate Savings Plan 3y",
    ec2_on_demand: "EC2 on-demand",
    ec2_reserved_1y: "EC2 reserved 1y",
    ec2_reserved_3y: "EC2 reserved 3y",
    ec2_spot: "EC2 Spot",
    ec2_compute_sp_1y: "EC2 Compute Savings Plan 1y",
    ec2_compute_sp_3y: "EC2 Compute Savings Plan 3y",
    ec2_instance_sp_1y: "EC2 Instance Savings Plan 1y",
    ec2_instance_sp_3y: "EC2 Instance Savings Plan 3y",
    managed_on_demand: "Managed Instances on-demand",
    managed_reserved_1y: "Managed Instances reserved 1y",
    managed_reserved_3y: "Managed Instances reserved 3y",
    managed_spot: "Managed Instances Spot",
    cpu_bound: "CPU-bound",
    memory_bound: "memory-bound",
    network_bound: "network-bound",
    published: "published by AWS",
    secondary: "AWS's price as copied by a third party",
    derived: "derived",
    services: "Services",
    service_name: "Name of the chosen service",
    add_service: "Add a service",
    duplicate: "Duplicate",
    remove: "Remove",
    sidecars: " On Fargate its tasks carry the daemons as sidecars",
    daemon_cpu: "Daemons on each instance, vCPU",
    daemon_mem: "Daemons on each instance, MiB",
    headroom: "Deploy headroom, % of each service's tasks",
    service: "Service",
    cluster: "Cluster",
    tasks: "Tasks",
    fargate_month: "Fargate on-demand a month",
    chosen_service: "Task size and count below are the chosen service's.",
    workload_json: "workload (JSON, for the CLI's --workload)",
    import_title: "Import from ECS",
    import_hint: "Paste the JSON of task definitions (describe-task-definition, or register-task-definition's input), of describe-services, or a workload this page saved; several one after another.",
    import_text: "JSON to import",
    import_button: "Import",
    importing: "Importing…",
    imported: "Imported: the services above are the imported ones.",
    import_failed: "The importer could not run; nothing changed. Try again.",
    curve_notice: "This workload has a week of load (curve=): the charts and the table answer for each service's busiest hour all month; the sentence below answers for the week.",
    working_week: "Working out the week of load…",
    split_caption: "The week of load's monthly cost against the tasks kept on an EC2 baseline, the rest on Fargate (bought as the load above a baseline is): 0 is all Fargate, the right end all EC2; the chosen purchase option's cheapest baseline is marked.",
    week_of_load: "Week of load",
    week_steady: "the same all week",
    week_business: "business hours (09:00–18:00 on weekdays)",
    week_batch: "a nightly batch (from 01:00)",
    week_spiky: "spiky (peaks at 09:00, 13:00 and 19:00)",
    week_custom: "hour by hour (the bars below)",
    week_scheduled: "scheduled jobs (runs × minutes a month, every service)",
    above: "Load above a baseline or commitment",
    above_on_demand: "on-demand (Fargate, EC2)",
    above_spot: "Spot (Fargate Spot, EC2 Spot)",
    weekdays: "Weekdays",
    weekends: "Weekends",
    bars_hint: "Drag across the bars to draw the tasks running each hour.",
    bars_keys_set: "Keys: an hour's tasks",
    bars_keys_move: "another hour",
    week_peak: "tasks in working hours",
    week_floor: "tasks otherwise",
    week_batch_tasks: "tasks while it runs",
    week_batch_hours: "hours a night",
    week_base: "tasks usually",
    week_spikes: "tasks at the peaks",
    days: "Mon Tue Wed Thu Fri Sat Sun",
    axis_week: "hours of the week; tasks and instances",
    week_on_ec2: "tasks on the EC2 baseline",
    week_on_fargate: "tasks on Fargate",
    week_instances: "instances of a fleet following the load",
    week_caption: "The week hour by hour with the cheapest split: the tasks on its EC2 baseline, the rest on Fargate; the line is what a fleet following the load would run instead.",
    week_failed: "The week of load could not be worked out here; the command line prices it (fargate-vs-ec2 --url with this link).",
}

impl Words {
    /// A chart line's, a table row's name.
    pub fn line(&self, line: Line) -> &'static str {
        match line {
            Line::Fargate(FargateOption::OnDemand) => self.fargate_on_demand,
            Line::Fargate(FargateOption::Spot) => self.fargate_spot,
            Line::Fargate(FargateOption::SavingsPlan1y) => self.fargate_sp_1y,
            Line::Fargate(FargateOption::SavingsPlan3y) => self.fargate_sp_3y,
            Line::Ec2(PurchaseOption::OnDemand) => self.ec2_on_demand,
            Line::Ec2(PurchaseOption::Reserved1y) => self.ec2_reserved_1y,
            Line::Ec2(PurchaseOption::Reserved3y) => self.ec2_reserved_3y,
            Line::Ec2(PurchaseOption::Spot) => self.ec2_spot,
            Line::Ec2(PurchaseOption::ComputeSavingsPlan1y) => self.ec2_compute_sp_1y,
            Line::Ec2(PurchaseOption::ComputeSavingsPlan3y) => self.ec2_compute_sp_3y,
            Line::Ec2(PurchaseOption::InstanceSavingsPlan1y) => self.ec2_instance_sp_1y,
            Line::Ec2(PurchaseOption::InstanceSavingsPlan3y) => self.ec2_instance_sp_3y,
            Line::Managed(PurchaseOption::Reserved1y) => self.managed_reserved_1y,
            Line::Managed(PurchaseOption::Reserved3y) => self.managed_reserved_3y,
            Line::Managed(PurchaseOption::Spot) => self.managed_spot,
            Line::Managed(_) => self.managed_on_demand,
        }
    }

    /// What a preset's two counts are.
    pub fn preset_counts(&self, p: Preset) -> (&'static str, &'static str) {
        match p {
            Preset::BusinessHours { .. } => (self.week_peak, self.week_floor),
            Preset::NightlyBatch { .. } => (self.week_batch_tasks, self.week_batch_hours),
            Preset::Spiky { .. } => (self.week_base, self.week_spikes),
        }
    }

    /// How the load above a baseline or a commitment is bought.
    pub fn above_choice(&self, a: Above) -> &'static str {
        match a {
            Above::OnDemand => self.above_on_demand,
            Above::Spot => self.above_spot,
        }
    }

    /// A preset's name.
    pub fn preset(&self, p: Preset) -> &'static str {
        match p {
            Preset::BusinessHours { .. } => self.week_business,
            Preset::NightlyBatch { .. } => self.week_batch,
            Preset::Spiky { .. } => self.week_spiky,
        }
    }

    /// An EC2 purchase option's name.
    pub fn purchase(&self, option: PurchaseOption) -> &'static str {
        self.line(Line::Ec2(option))
    }

    pub fn bound(&self, bound: Bound) -> &'static str {
        match bound {
            Bound::Cpu => self.cpu_bound,
            Bound::Memory => self.memory_bound,
            Bound::Network => self.network_bound,
        }
    }

    /// What the page and the CLI say for a group of lines with no price here.
    pub fn missing(&self, missing: Missing) -> &'static str {
        match missing {
            Missing::ManagedInstancesOnWindows => self.managed_not_windows,
            Missing::SavingsPlans => self.savings_plans_missing,
        }
    }

    pub fn provenance(&self, p: Provenance) -> &'static str {
        match p {
            Provenance::Published => self.published,
            Provenance::Secondary => self.secondary,
            Provenance::Derived => self.derived,
        }
    }
}

/// The Chinese words, from the Chinese text (`zh`), once it is read.
pub fn chinese() -> Words {
    let texts: [&'static str; COUNT] = std::array::from_fn(|i| zh(FIELDS[i]));
    // SAFETY: `Words` is `repr(C)` with COUNT fields of type `&'static str`,
    // the layout of `[&'static str; COUNT]` (checked below), in FIELDS' order.
    unsafe { std::mem::transmute::<[&'static str; COUNT], Words>(texts) }
}

const _: () = assert!(std::mem::size_of::<Words>() == std::mem::size_of::<[&'static str; COUNT]>());
