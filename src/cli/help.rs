//! `--help`, generated from the option table (`options::Opt`), so it lists
//! every option with its meaning, unit, default and accepted values; and the
//! same list as Markdown for the README (a test holds the README to it).

use super::args::FLAGS;
use crate::inputs::Inputs;
use crate::options::{Accepts, Opt};

/// What `--name` takes, as the help writes it.
fn placeholder(option: Opt) -> String {
    match option.accepts() {
        Accepts::Region => "CODE".into(),
        Accepts::OneOf(names) => names().join("|"),
        Accepts::Vcpu => "VCPU".into(),
        Accepts::Services => "NAME:CPU:MEM:COUNT".into(),
        Accepts::Curves => "NAME:CURVE".into(),
        Accepts::Number { .. } => "NUMBER".into(),
        Accepts::Whole { .. } => "N".into(),
        Accepts::InstanceType => "auto|TYPE".into(),
    }
}

/// The option's default, as the help writes it.
fn default(option: Opt) -> String {
    match Inputs::default().text(option) {
        none if none.is_empty() && option == Opt::Curve => "none (each service's count, all the time)".into(),
        none if none.is_empty() => "none (the tasks run --hours)".into(),
        value => value,
    }
}

pub fn text() -> String {
    let mut out = String::from(
        "fargate-vs-ec2: where does AWS Fargate stop being cheaper than EC2 for an ECS workload?\n\
         The page's model and prices, on the command line: the verdict, every purchase option's\n\
         monthly cost in USD, and where each price came from.\n\n\
         Usage:\n  \
         fargate-vs-ec2 [OPTIONS]             the comparison\n  \
         fargate-vs-ec2 instances [OPTIONS]   every instance type that fits, cheapest fleet first\n\n\
         Options (a share link's parameters; --name VALUE or --name=VALUE):\n",
    );
    for option in Opt::ALL {
        out += &format!("  --{} {}\n", option.name(), placeholder(option));
        out += &format!("      {}. Default: {}. Accepts: {}.\n", option.meaning(), default(option), option.accepted());
    }
    out += "\nOther flags:\n";
    for (flag, value, meaning) in FLAGS {
        let flag = if value.is_empty() { flag.to_string() } else { format!("{flag} {value}") };
        out += &format!("  {flag:<16} {meaning}\n");
    }
    out += "\nExamples:\n  \
            fargate-vs-ec2 --region eu-west-1 --cpu 0.5 --mem 1 --tasks 40\n  \
            fargate-vs-ec2 --tasks 25 --hours 300 --buy reserved-1y --json\n  \
            fargate-vs-ec2 instances --platform linux-arm --cpu 2 --mem 4\n\n\
            Bad input is one line naming the option and what it accepts, and exit code 2.\n";
    out
}

/// The README's table of options: the same facts as `--help`.
pub fn markdown() -> String {
    let mut out = String::from("| option | what | default | accepts |\n|---|---|---|---|\n");
    for option in Opt::ALL {
        out += &format!("| `--{}` | {} | {} | {} |\n", option.name(), option.meaning(), default(option), option.accepted());
    }
    for (flag, value, meaning) in FLAGS {
        let flag = if value.is_empty() { format!("`{flag}`") } else { format!("`{flag} {value}`") };
        out += &format!("| {flag} | {meaning} | | |\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_names_every_option_with_its_default_and_values() {
        let help = text();
        for option in Opt::ALL {
            let at = help.find(&format!("  --{} ", option.name())).unwrap_or_else(|| panic!("--{} missing", option.name()));
            let entry = help[at..].lines().nth(1).unwrap();
            assert!(entry.contains("Default: ") && entry.contains(&option.accepted()), "{entry}");
        }
        assert!(help.contains("  --cpu VCPU\n      vCPU per task. Default: 1. Accepts: vCPU: 0.25, 0.5, 1, 2, 4, 8, 16.\n"), "{help}");
        assert!(
            help.contains("  --runs N\n      a scheduled job instead: runs per month per task. Default: none (the tasks run --hours)."),
            "{help}"
        );
        for (flag, _, _) in FLAGS {
            assert!(help.contains(flag), "{flag}");
        }
    }
}
