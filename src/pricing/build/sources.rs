//! The raw sources under `pricing-sources/` and what is known of each
//! (origin, licence, date), as recorded in its `SOURCES.md`.

use super::aws::AwsPrices;
use crate::pricing::{Provenance, Source};

pub const ECS_OFFER: &str = "fargate/ecs-offer-us-east-1-2025-08-28.json";
pub const FARGATE_PAGE: &str = "fargate/fargate_ondemand_35regions_2025-06-05.csv";
pub const FARGATE_POINTS: &str = "fargate/spot_and_savings_plans_points.csv";
pub const FARGATE_2021: &str = "fargate/fargate_regions_2021.json";
pub const EC2_PRICES: &str = "ec2/ec2_prices_tidy.csv";
pub const INSTANCE_TYPES: &str = "ec2/instance_types.json";
pub const TRUNKING: &str = "ec2/ecs_eni_trunking.csv";
pub const CREDIT_TABLE: &str = "ec2/burstable_credits.csv";
pub const CREDIT_RATES: &str = "ec2/cpu_credit_rates.csv";
pub const PUBLIC_IPV4: &str = "network/public_ipv4_by_location_2025-06-13.csv";
pub const EBS_GP3: &str = "ebs/ebs_gp3_by_location_2021-05-13.csv";
pub const MI_FEE_POINTS: &str = "managed-instances/fee_points.csv";

pub const ID_ECS_OFFER: &str = "aws-ecs-offer-us-east-1";
pub const ID_FARGATE_PAGE: &str = "aws-fargate-pricing-page";
pub const ID_REGIME_TABLE: &str = "fargate-regime-table-2026-09-28";
pub const ID_BASECODE: &str = "basecode-fargate-spot-sa-east-1";
pub const ID_FARGATE_2021: &str = "fgcalc-fargate-2021";
pub const ID_EC2: &str = "vantage-ec2-prices";
pub const ID_INSTANCES: &str = "moto-instance-types";
pub const ID_TRUNKING: &str = "ecs-eni-trunking-table";
pub const ID_CREDIT_TABLE: &str = "aws-ec2-credit-table";
pub const ID_CREDIT_RATES: &str = "cpu-credit-rates-quoted";
pub const ID_VPC_PAGE: &str = "aws-vpc-pricing-page";
pub const ID_EBS_2021: &str = "aws-ebs-calculator-2021";
pub const ID_MI_FEE_POINTS: &str = "managed-instances-fee-points";
pub const ID_AWS_ECS: &str = "aws-ecs-offers";
pub const ID_AWS_EC2: &str = "aws-ec2-offers";
pub const ID_AWS_SAVINGS_PLANS: &str = "aws-savings-plans";
pub const ID_AWS_EC2_SPOT: &str = "aws-ec2-spot-feed";
pub const ID_AWS_FARGATE_SPOT: &str = "aws-fargate-spot-feed";

fn source(id: &str, title: &str, file: &str, date: Option<&str>, licence: &str, origin: &str, kind: Provenance) -> Source {
    Source {
        id: id.into(),
        title: title.into(),
        file: file.into(),
        date: date.map(str::to_string),
        licence: licence.into(),
        origin: origin.into(),
        kind,
    }
}

/// What a point's source says of it beyond its date, for the value's note.
pub fn point_note(source_id: &str) -> Option<String> {
    (source_id == ID_BASECODE).then(|| "undated; it prices Fargate on ARM, so after Fargate's ARM launch (2021-11)".to_string())
}

/// Every source, given the dates read from the files themselves.
pub fn all(ecs_offer: (&str, &str), page_date: &str) -> Vec<Source> {
    let (offer_version, offer_date) = ecs_offer;
    vec![
        source(
            ID_ECS_OFFER,
            &format!("AWS Price List, AmazonECS offer for us-east-1, version {offer_version} (trimmed to 12 SKUs)"),
            ECS_OFFER,
            Some(offer_date),
            "AWS Price List data, \"for informational purposes only\"; this copy Apache-2.0 (opencost)",
            "github.com/opencost/opencost pkg/cloud/aws/testdata/ecs-pricing-us-east-1.json",
            Provenance::Published,
        ),
        source(
            ID_FARGATE_PAGE,
            "AWS's Fargate pricing-page data: on-demand and storage rates for 35 regions",
            FARGATE_PAGE,
            Some(page_date),
            "AWS price data; copied by github.com/QuinnyPig/aws-price-watcher (MIT), flattened without computing",
            "b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ecs/USD/current/ecs.json, via aws-price-watcher raw/ecs.json (commit daa3fca6)",
            Provenance::Published,
        ),
        source(
            ID_REGIME_TABLE,
            "Fargate Spot (2026-09-28) and Compute Savings Plans (2026-09-25) rates quoted in a third-party pricing note",
            FARGATE_POINTS,
            Some("2026-09-28"),
            "facts (prices) quoted from a public note; its licence is not stated",
            "a public GitHub note, \"AWS Fargate — pricing regimes (as of 2026-09-28)\", quoting AWS's Spot feed and Savings Plans price list",
            Provenance::Secondary,
        ),
        source(
            ID_BASECODE,
            "Fargate Spot rates for São Paulo, copied from AWS's pricing page into a public document (undated)",
            FARGATE_POINTS,
            None,
            "facts (prices) quoted from a public file; its licence is not stated",
            "github.com/apoloferreira/basecode doc/custo02.md",
            Provenance::Secondary,
        ),
        source(
            ID_FARGATE_2021,
            "Fargate Spot Linux/x86 rates for 22 regions, January 2021",
            FARGATE_2021,
            Some("2021-01"),
            "MIT, Copyright (c) 2021 Matheus Alves",
            "github.com/theuves/fgcalc src/utils/data.js",
            Provenance::Secondary,
        ),
        source(
            ID_EC2,
            "EC2 on-demand, Spot average and Standard all-upfront reserved prices (Vantage's mirror of the AWS Price List)",
            EC2_PRICES,
            Some("2026-05-12"),
            "no licence stated; built from instances.vantage.sh (ec2instances.info, MIT), which mirrors AWS's price list",
            "github.com/jawaadjariwala/AWS-EC2-Pricing-Landscape-Analysis data/ec2_pricing_tidy.parquet, trimmed (pricing-sources/SOURCES.md)",
            Provenance::Secondary,
        ),
        source(
            ID_INSTANCES,
            "EC2 DescribeInstanceTypes output (vCPU, memory, architecture, network interfaces)",
            INSTANCE_TYPES,
            Some("2026-08-02"),
            "Apache-2.0 (moto); content is AWS EC2 API output",
            "github.com/getmoto/moto moto/ec2/resources/instance_types.json, trimmed (pricing-sources/SOURCES.md)",
            Provenance::Published,
        ),
        source(
            ID_TRUNKING,
            "Amazon ECS developer guide: awsvpc task limits with ENI trunking",
            TRUNKING,
            Some("2023-04-18"),
            "CC BY-SA 4.0 (AWS documentation); the derived column in the region files is shared under the same licence",
            "github.com/awsdocs/amazon-ecs-developer-guide doc_source/container-instance-eni.md",
            Provenance::Published,
        ),
        source(
            ID_CREDIT_TABLE,
            "Amazon EC2 User Guide: the CPU credit table of burstable instances (baseline per vCPU)",
            CREDIT_TABLE,
            None,
            "CC BY-SA 4.0 (AWS documentation); the numbers are facts",
            "github.com/awsdocs/amazon-ec2-user-guide doc_source/burstable-credits-baseline-concepts.md (commit 0147f878)",
            Provenance::Published,
        ),
        source(
            ID_CREDIT_RATES,
            "Surplus CPU credit rates of unlimited mode, as AWS's EC2 pricing page states them, quoted by a third party",
            CREDIT_RATES,
            Some("2026-09-29"),
            "facts (prices) quoted from a public note; its licence is not stated",
            "AWS's EC2 on-demand pricing page, \"T2/T3/T4g Unlimited Mode Pricing\", as quoted in a research note checked 2026-09-29",
            Provenance::Secondary,
        ),
        source(
            ID_VPC_PAGE,
            "AWS's VPC pricing-page data: public IPv4 addresses per hour",
            PUBLIC_IPV4,
            Some("2025-06-13"),
            "AWS price data; copied by github.com/QuinnyPig/aws-price-watcher (MIT), flattened without computing",
            "b0.p.awsstatic.com meteredUnitMaps for VPC, via aws-price-watcher raw/vpc.json (blob 27885d84)",
            Provenance::Published,
        ),
        source(
            ID_EBS_2021,
            "AWS's EBS calculator data: gp3 storage per GB-month in 22 regions, May 2021",
            EBS_GP3,
            Some("2021-05-13"),
            "AWS price data; this copy MIT (ligoj)",
            "AWS's ebs-calculator meteredUnitMap, kept by github.com/ligoj/plugin-prov-aws (blob 69474f05)",
            Provenance::Published,
        ),
        source(
            ID_MI_FEE_POINTS,
            "ECS Managed Instances management fees in AWS's examples (c6a.2xlarge in us-east-1, c8g.4xlarge in Tokyo)",
            MI_FEE_POINTS,
            Some("2026-09-20"),
            "facts (prices) quoted from public pages; their licences are not stated",
            "aws.amazon.com/ecs/pricing (as transcribed by github.com/api-evangelist/amazon-ecs) and a transcription of AWS's Tokyo ECS offer",
            Provenance::Secondary,
        ),
    ]
}

/// The sources a refresh adds (`./dev refresh`): AWS's own files, each
/// listed where some price came from it, dated by its newest file.
pub fn refreshed(aws: &AwsPrices) -> Vec<Source> {
    let newest = |dates: Vec<&String>| dates.into_iter().max().cloned();
    let fargate_spot = aws.fargate_discounts.iter().filter(|r| r.option == "spot");
    let fargate_plans = aws.fargate_discounts.iter().filter(|r| r.option != "spot");
    let list = [
        (
            ID_AWS_EC2,
            "AWS Price List, AmazonEC2 offers (on-demand and Standard reserved)",
            "aws/ec2.csv",
            "pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2",
            newest(aws.ec2.iter().map(|r| &r.as_of).collect()),
        ),
        (
            ID_AWS_ECS,
            "AWS Price List, AmazonECS offers (Fargate, ECS Managed Instances fees)",
            "aws/fargate.csv, aws/managed_instances.csv",
            "pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonECS",
            newest(aws.fargate.iter().map(|r| &r.as_of).chain(aws.managed_fees.iter().map(|r| &r.as_of)).collect()),
        ),
        (
            ID_AWS_SAVINGS_PLANS,
            "AWS Savings Plans price lists (Compute and EC2 Instance Savings Plans, no upfront)",
            "aws/ec2_savings_plans.csv, aws/fargate_discounts.csv",
            "pricing.us-east-1.amazonaws.com/savingsPlan/v1.0/aws",
            newest(aws.ec2_savings_plans.iter().map(|r| &r.as_of).chain(fargate_plans.map(|r| &r.as_of)).collect()),
        ),
        (
            ID_AWS_EC2_SPOT,
            "The EC2 Spot prices behind AWS's Spot pricing page",
            "aws/ec2_spot.csv",
            "website.spot.ec2.aws.a2z.com/spot.js",
            newest(aws.ec2_spot.iter().map(|r| &r.as_of).collect()),
        ),
        (
            ID_AWS_FARGATE_SPOT,
            "The Fargate Spot prices behind AWS's Fargate pricing page",
            "aws/fargate_discounts.csv",
            "dftu77xade0tc.cloudfront.net/fargate-spot-prices.json",
            newest(fargate_spot.map(|r| &r.as_of).collect()),
        ),
    ];
    list.into_iter()
        .filter_map(|(id, title, file, origin, date)| {
            Some(source(
                id,
                title,
                file,
                Some(&date?),
                "AWS price data, \"for informational purposes only\"",
                origin,
                Provenance::Published,
            ))
        })
        .collect()
}
