//! The raw sources under `pricing-sources/` and what is known of each
//! (origin, licence, date), as recorded in its SOURCES.md.

use crate::pricing::{Provenance, Source};

pub const ECS_OFFER: &str = "fargate/ecs-offer-us-east-1-2025-08-28.json";
pub const FARGATE_2021: &str = "fargate/fargate_regions_2021.json";
pub const FARGATE_SECONDARY: &str = "fargate/fargate_regions_secondary.json";
pub const SOURCES_NOTES: &str = "SOURCES.md";
pub const EC2_PRICES: &str = "ec2/ec2_prices_tidy.csv";
pub const INSTANCE_TYPES: &str = "ec2/instance_types.json";
pub const TRUNKING: &str = "ec2/ecs_eni_trunking.csv";

pub const ID_ECS_OFFER: &str = "aws-ecs-offer-us-east-1";
pub const ID_FARGATE_2021: &str = "fgcalc-fargate-2021";
pub const ID_FARGATE_SECONDARY: &str = "fargate-secondary-2026";
pub const ID_FARGATE_NOTES: &str = "fargate-spot-savings-plans-us-east-1";
pub const ID_EC2: &str = "vantage-ec2-prices";
pub const ID_INSTANCES: &str = "moto-instance-types";
pub const ID_TRUNKING: &str = "ecs-eni-trunking-table";
pub const ID_AWS_ECS: &str = "aws-ecs-offers";
pub const ID_AWS_EC2: &str = "aws-ec2-offers";

fn source(id: &str, title: &str, file: &str, date: &str, licence: &str, origin: &str, kind: Provenance) -> Source {
    Source {
        id: id.into(),
        title: title.into(),
        file: file.into(),
        date: date.into(),
        licence: licence.into(),
        origin: origin.into(),
        kind,
    }
}

/// Every source, given the dates read from the files themselves.
pub fn all(ecs_offer: (&str, &str), secondary_date: &str) -> Vec<Source> {
    let (offer_version, offer_date) = ecs_offer;
    vec![
        source(
            ID_ECS_OFFER,
            &format!("AWS Price List, AmazonECS offer for us-east-1, version {offer_version} (trimmed to 12 SKUs)"),
            ECS_OFFER,
            offer_date,
            "AWS Price List data, \"for informational purposes only\"; this copy Apache-2.0 (opencost)",
            "github.com/opencost/opencost pkg/cloud/aws/testdata/ecs-pricing-us-east-1.json",
            Provenance::Published,
        ),
        source(
            ID_FARGATE_SECONDARY,
            "Fargate on-demand rates per region copied from AWS's price list by public projects (14 rows)",
            FARGATE_SECONDARY,
            secondary_date,
            "facts (prices) quoted from public files; each row names its file",
            "several public GitHub files, found by code search; not re-checked against AWS",
            Provenance::Secondary,
        ),
        source(
            ID_FARGATE_NOTES,
            "Fargate Spot (2026-09-28) and Compute Savings Plans (2026-09-25) rates for us-east-1, from a research note",
            SOURCES_NOTES,
            "2026-09-28",
            "facts (prices) from a research note",
            "pricing-sources/SOURCES.md section 9; no raw file backs these numbers",
            Provenance::Secondary,
        ),
        source(
            ID_FARGATE_2021,
            "Fargate and Fargate Spot Linux/x86 rates for 22 regions, January 2021",
            FARGATE_2021,
            "2021-01",
            "MIT, Copyright (c) 2021 Matheus Alves",
            "github.com/theuves/fgcalc src/utils/data.js",
            Provenance::Secondary,
        ),
        source(
            ID_EC2,
            "EC2 on-demand, Spot average and Standard all-upfront reserved prices (Vantage's mirror of the AWS Price List)",
            EC2_PRICES,
            "2026-05-12",
            "no licence stated; built from instances.vantage.sh (ec2instances.info, MIT), which mirrors AWS's price list",
            "github.com/jawaadjariwala/AWS-EC2-Pricing-Landscape-Analysis data/ec2_pricing_tidy.parquet",
            Provenance::Secondary,
        ),
        source(
            ID_INSTANCES,
            "EC2 DescribeInstanceTypes output (vCPU, memory, architecture, network interfaces)",
            INSTANCE_TYPES,
            "2026-08-02",
            "Apache-2.0 (moto); content is AWS EC2 API output",
            "github.com/getmoto/moto moto/ec2/resources/instance_types.json",
            Provenance::Published,
        ),
        source(
            ID_TRUNKING,
            "Amazon ECS developer guide: awsvpc task limits with ENI trunking",
            TRUNKING,
            "2023-04-18",
            "CC BY-SA 4.0 (AWS documentation); the derived column in the region files is shared under the same licence",
            "github.com/awsdocs/amazon-ecs-developer-guide doc_source/container-instance-eni.md",
            Provenance::Published,
        ),
    ]
}

/// The sources a refresh from AWS's own offer files adds (`snapshot --aws DIR`).
pub fn refreshed(ecs_date: Option<&str>, ec2_date: Option<&str>) -> Vec<Source> {
    let offer = |id: &str, service: &str, date: &str| {
        source(
            id,
            &format!("AWS Price List, {service} offer files (refresh)"),
            &format!("--aws {service}/*.json"),
            date,
            "AWS Price List data, \"for informational purposes only\"",
            "pricing.us-east-1.amazonaws.com/offers/v1.0/aws",
            Provenance::Published,
        )
    };
    let mut out = Vec::new();
    if let Some(date) = ecs_date {
        out.push(offer(ID_AWS_ECS, "AmazonECS", date));
    }
    if let Some(date) = ec2_date {
        out.push(offer(ID_AWS_EC2, "AmazonEC2", date));
    }
    out
}
