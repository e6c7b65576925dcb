//! `./dev refresh` end to end, without the internet: a server on 127.0.0.1
//! serves AWS-shaped files (the Price List's index and region indexes, EC2
//! and ECS offers in CSV, the Savings Plans price lists, the two Spot feeds),
//! made in AWS's formats (`tests/fixtures/aws-layout/`, real samples) from the
//! committed sources' prices, and the `refresh` binary runs against it on a
//! copy of `pricing-sources/` and `pricing/`. Each case says what a
//! maintainer would see.

use fargate_vs_ec2::model::platform::Platform;
use fargate_vs_ec2::pricing::{Ec2Extra, Manifest, Provenance, RegionPrices};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What the server answers at a path.
#[derive(Clone)]
struct Reply {
    status: u16,
    body: Vec<u8>,
    /// Announce the whole body but send half of it, then close.
    cut_short: bool,
}

type Site = Arc<Mutex<BTreeMap<String, Reply>>>;

/// A server on 127.0.0.1 answering from `site` (404 elsewhere), with a
/// Last-Modified date for feeds that carry none.
fn serve(site: Site) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = site.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                let reply = site.lock().unwrap().get(&path).cloned().unwrap_or(Reply {
                    status: 404,
                    body: b"not found".to_vec(),
                    cut_short: false,
                });
                let sent = if reply.cut_short { &reply.body[..reply.body.len() / 2] } else { &reply.body[..] };
                let head = format!(
                    "HTTP/1.1 {} X\r\nContent-Length: {}\r\nLast-Modified: Fri, 04 Dec 2026 08:00:00 GMT\r\nConnection: close\r\n\r\n",
                    reply.status,
                    reply.body.len()
                );
                let mut stream = &stream;
                let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(sent));
            });
        }
    });
    address
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures").join(path)).unwrap()
}

/// One EC2 or ECS offer row, by the real header's column names; others empty.
fn csv_row(header: &[&str], cells: &[(&str, String)]) -> String {
    header.iter().map(|h| cells.iter().find(|(k, _)| k == h).map_or(String::new(), |(_, v)| v.clone())).collect::<Vec<_>>().join(",")
}

/// The prices the test serves, made from the committed sources.
struct Aws {
    /// region → its instance prices.
    ec2: BTreeMap<String, Vec<Ec2Line>>,
    /// region → (x86 vCPU, x86 GB, ARM vCPU, ARM GB, Windows vCPU, Windows GB, licence, storage).
    fargate: BTreeMap<String, [f64; 8]>,
}

/// An instance type's prices in a region, USD per hour.
struct Ec2Line {
    instance_type: String,
    /// "linux" or "mswin".
    os: String,
    family: String,
    on_demand: f64,
    reserved_1y: Option<f64>,
    reserved_3y: Option<f64>,
}

fn aws_prices(regions: &[&str]) -> Aws {
    let tidy = std::fs::read_to_string(root().join("pricing-sources/ec2/ec2_prices_tidy.csv")).unwrap();
    let mut ec2: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for line in tidy.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let (t, family, region, os) = (c[0], c[1], c[3], c[4]);
        if !regions.contains(&region) || c[5].is_empty() {
            continue;
        }
        let num = |s: &str| s.parse::<f64>().ok();
        ec2.entry(region.to_string()).or_default().push(Ec2Line {
            instance_type: t.to_string(),
            os: os.to_string(),
            family: family.to_string(),
            on_demand: num(c[5]).unwrap(),
            reserved_1y: num(c[7]),
            reserved_3y: num(c[8]),
        });
    }
    let page = std::fs::read_to_string(root().join("pricing-sources/fargate/fargate_ondemand_35regions_2025-06-05.csv")).unwrap();
    let mut fargate = BTreeMap::new();
    for line in page.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        if regions.contains(&c[0]) {
            let n = |i: usize| c[i].parse::<f64>().unwrap_or(0.0);
            fargate.insert(c[0].to_string(), [n(2), n(3), n(4), n(5), n(6), n(7), n(8), n(9)]);
        }
    }
    Aws { ec2, fargate }
}

/// The Managed Instances fee the test's AmazonECS offers list for a type: a
/// round figure, so a test can name it.
fn fee(on_demand: f64) -> f64 {
    (on_demand * 0.12 * 10_000.0).round() / 10_000.0
}

/// A region's AmazonECS offer in JSON: the real us-east-1 offer committed in
/// `pricing-sources/` (Fargate, ECS Anywhere, ECS on EC2 at $0), moved to
/// the region and given the test's prices.
struct EcsOffer(serde_json::Value);

impl EcsOffer {
    fn for_region(region: &str) -> EcsOffer {
        let real = std::fs::read_to_string(root().join("pricing-sources/fargate/ecs-offer-us-east-1-2025-08-28.json")).unwrap();
        let mut offer: serde_json::Value = serde_json::from_str(&real).unwrap();
        offer["publicationDate"] = "2026-12-01T00:00:00Z".into();
        offer["version"] = "20261201000000".into();
        for product in offer["products"].as_object_mut().unwrap().values_mut() {
            product["attributes"]["regionCode"] = region.into();
        }
        EcsOffer(offer)
    }

    /// The on-demand price of the product whose usage type ends with `usage`.
    fn set(&mut self, usage: &str, usd: f64) {
        let sku = self.0["products"]
            .as_object()
            .unwrap()
            .values()
            .find(|p| p["attributes"]["usagetype"].as_str().unwrap().ends_with(&format!("-{usage}")));
        let sku = sku.unwrap()["sku"].as_str().unwrap().to_string();
        for term in self.0["terms"]["OnDemand"][&sku].as_object_mut().unwrap().values_mut() {
            for dimension in term["priceDimensions"].as_object_mut().unwrap().values_mut() {
                dimension["pricePerUnit"] = serde_json::json!({ "USD": format!("{usd:.10}") });
            }
        }
    }

    /// A new product with one on-demand price, as AWS lists them.
    fn add(&mut self, usage_type: &str, usd: f64) {
        let sku = format!("MI{:06}", self.0["products"].as_object().unwrap().len());
        let region = self.0["products"].as_object().unwrap().values().next().unwrap()["attributes"]["regionCode"].clone();
        self.0["products"][&sku] = serde_json::json!({
            "sku": sku, "productFamily": "ECS Managed Instances",
            "attributes": { "servicecode": "AmazonECS", "locationType": "AWS Region", "usagetype": usage_type, "operation": "ECSManagedInstancesUsage", "regionCode": region }
        });
        let term = format!("{sku}.JRTCKXETXF");
        self.0["terms"]["OnDemand"][&sku] = serde_json::json!({ term.clone(): { "offerTermCode": "JRTCKXETXF", "sku": sku, "effectiveDate": "2026-12-01T00:00:00Z",
            "priceDimensions": { format!("{term}.6YS6EN2CT7"): { "unit": "Hrs", "beginRange": "0", "endRange": "Inf", "pricePerUnit": { "USD": format!("{usd:.10}") } } }, "termAttributes": {} } });
    }
}

/// Builds AWS's files for `aws`, at `base` paths as AWS lays them out.
fn site_for(aws: &Aws, regions_in_index: &[&str]) -> BTreeMap<String, Reply> {
    let ok = |body: String| Reply { status: 200, body: body.into_bytes(), cut_short: false };
    let mut site = BTreeMap::new();
    // The real top index: AmazonEC2 and AmazonECS point at their region indexes.
    site.insert("/offers/v1.0/aws/index.json".into(), ok(fixture("aws-layout/offers/v1.0/aws/index.json")));
    let ec2_header_line = fixture("aws-layout/offers/v1.0/aws/AmazonEC2/current/eu-west-1/index.csv").lines().nth(5).unwrap().to_string();
    let ec2_header: Vec<&str> = ec2_header_line.split(',').collect();
    let preamble = |code: &str| {
        format!("\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"This pricing list is for informational purposes only.\"\n\"Publication Date\",\"2026-12-01T00:00:00Z\"\n\"Version\",\"20261201000000\"\n\"OfferCode\",\"{code}\"\n")
    };
    for service in ["AmazonEC2", "AmazonECS"] {
        let regions: Vec<String> = regions_in_index
            .iter()
            .map(|r| format!("\"{r}\" : {{ \"regionCode\" : \"{r}\", \"currentVersionUrl\" : \"/offers/v1.0/aws/{service}/20261201000000/{r}/index.json\" }}"))
            .collect();
        let index = format!(
            "{{ \"formatVersion\" : \"v1.0\", \"publicationDate\" : \"2026-12-01T00:00:00Z\", \"regions\" : {{ {} }} }}",
            regions.join(", ")
        );
        site.insert(format!("/offers/v1.0/aws/{service}/current/region_index.json"), ok(index));
    }
    let mut compute_rates = Vec::new();
    for (region, rows) in &aws.ec2 {
        let mut csv = preamble("AmazonEC2") + &ec2_header_line + "\n";
        let mut ecs = EcsOffer::for_region(region);
        let mut plan_rates: Vec<String> = Vec::new();
        for (i, Ec2Line { instance_type: t, os, family, on_demand: od, reserved_1y: r1, reserved_3y: r3 }) in rows.iter().enumerate() {
            let sku = format!("SKU{i:05}");
            let (os_name, licence, operation) = if os == "linux" {
                ("Linux", "No License required", "RunInstances")
            } else {
                ("Windows", "License Included", "RunInstances:0002")
            };
            let product = |term: &str, unit: &str, price: String, lease: &str, purchase: &str, class: &str| {
                let cells = [
                    ("SKU", sku.clone()),
                    ("TermType", term.to_string()),
                    ("Unit", unit.to_string()),
                    ("PricePerUnit", price),
                    ("Currency", "USD".to_string()),
                    ("LeaseContractLength", lease.to_string()),
                    ("PurchaseOption", purchase.to_string()),
                    ("OfferingClass", class.to_string()),
                    ("Product Family", "Compute Instance".to_string()),
                    ("Location Type", "AWS Region".to_string()),
                    ("Instance Type", t.clone()),
                    ("Instance Family", family.clone()),
                    ("Tenancy", "Shared".to_string()),
                    ("Operating System", os_name.to_string()),
                    ("License Model", licence.to_string()),
                    ("Pre Installed S/W", "NA".to_string()),
                    ("CapacityStatus", "Used".to_string()),
                    ("StartingRange", if unit == "Hrs" { "0".into() } else { String::new() }),
                    ("operation", operation.to_string()),
                ];
                csv_row(&ec2_header, &cells)
            };
            csv += &(product("OnDemand", "Hrs", od.to_string(), "", "", "") + "\n");
            for (years, rate) in [(1u32, r1), (3, r3)] {
                let Some(rate) = rate else { continue };
                let upfront = rate * 8760.0 * f64::from(years);
                csv += &(product("Reserved", "Quantity", upfront.to_string(), &format!("{years}yr"), "All Upfront", "standard") + "\n");
                csv += &(product("Reserved", "Hrs", "0".into(), &format!("{years}yr"), "All Upfront", "standard") + "\n");
            }
            if os == "linux" {
                ecs.add(&format!("USE1-ECS-Managed-Instances:{t}-management-hours"), fee(*od));
            }
            plan_rates.push(format!("{{ \"discountedSku\" : \"{sku}\", \"discountedUsageType\" : \"BoxUsage:{t}\", \"discountedOperation\" : \"{operation}\", \"unit\" : \"Hrs\", \"discountedRate\" : {{ \"price\" : \"{}\", \"currency\" : \"USD\" }}, \"discountedRegionCode\" : \"{region}\" }}", od * 0.7));
        }
        // A Capacity Block at $0.00 and a price in CNY: neither is a USD price of a type.
        let odd = |sku: &str, t: &str, currency: &str, price: &str, market: &str| {
            let cells = [
                ("SKU", sku.to_string()),
                ("TermType", "OnDemand".to_string()),
                ("Unit", "Hrs".to_string()),
                ("PricePerUnit", price.to_string()),
                ("Currency", currency.to_string()),
                ("Product Family", "Compute Instance".to_string()),
                ("Location Type", "AWS Region".to_string()),
                ("Instance Type", t.to_string()),
                ("Instance Family", "General purpose".to_string()),
                ("Tenancy", "Shared".to_string()),
                ("Operating System", "Linux".to_string()),
                ("License Model", "No License required".to_string()),
                ("Pre Installed S/W", "NA".to_string()),
                ("CapacityStatus", "Used".to_string()),
                ("StartingRange", "0".to_string()),
                ("operation", if market == "CapacityBlock" { "RunInstances:CB".into() } else { "RunInstances".into() }),
            ];
            csv_row(&ec2_header, &cells) + "\n"
        };
        // The "CPU Credits" product of t3 on Linux and gp3 storage, as the EC2 offer lists them.
        let plain =
            |cells: &[(&str, &str)]| csv_row(&ec2_header, &cells.iter().map(|(k, v)| (*k, v.to_string())).collect::<Vec<_>>()) + "\n";
        csv += &plain(&[
            ("SKU", "CREDIT"),
            ("TermType", "OnDemand"),
            ("Unit", "vCPU-Hours"),
            ("PricePerUnit", "0.0500000000"),
            ("Currency", "USD"),
            ("Product Family", "CPU Credits"),
            ("Location Type", "AWS Region"),
            ("Operating System", "Linux"),
            ("usageType", "USE1-CPUCredits:t3"),
            ("StartingRange", "0"),
        ]);
        let gp3 = if region == "us-east-1" { "0.0800000000" } else { "0.0880000000" };
        csv += &plain(&[
            ("SKU", "GP3"),
            ("TermType", "OnDemand"),
            ("Unit", "GB-Mo"),
            ("PricePerUnit", gp3),
            ("Currency", "USD"),
            ("Product Family", "Storage"),
            ("Location Type", "AWS Region"),
            ("Volume API Name", "gp3"),
            ("usageType", "EBS:VolumeUsage.gp3"),
            ("StartingRange", "0"),
        ]);
        csv += &odd("CB", "m5.large", "USD", "0.00", "CapacityBlock");
        csv += &odd("CNY", "m5.xlarge", "CNY", "0.5312", "OnDemand");
        let f = aws.fargate[region];
        for (usage, price) in [
            ("Fargate-vCPU-Hours:perCPU", f[0]),
            ("Fargate-GB-Hours", f[1]),
            ("Fargate-ARM-vCPU-Hours:perCPU", f[2]),
            ("Fargate-ARM-GB-Hours", f[3]),
            ("Fargate-Windows-vCPU-Hours:perCPU", f[4]),
            ("Fargate-Windows-GB-Hours", f[5]),
            ("Fargate-Windows-OS-Hours:perCPU", f[6]),
            ("Fargate-EphemeralStorage-GB-Hours", f[7]),
        ] {
            ecs.set(usage, price);
        }
        plan_rates.push(format!("{{ \"discountedSku\" : \"FV\", \"discountedUsageType\" : \"USE1-Fargate-vCPU-Hours:perCPU\", \"discountedRate\" : {{ \"price\" : \"{}\", \"currency\" : \"USD\" }} }}", f[0] * 0.8));
        plan_rates.push(format!("{{ \"discountedSku\" : \"FG\", \"discountedUsageType\" : \"USE1-Fargate-GB-Hours\", \"discountedRate\" : {{ \"price\" : \"{}\", \"currency\" : \"USD\" }} }}", f[1] * 0.8));
        site.insert(format!("/offers/v1.0/aws/AmazonEC2/20261201000000/{region}/index.csv"), ok(csv));
        site.insert(format!("/offers/v1.0/aws/AmazonECS/20261201000000/{region}/index.json"), ok(ecs.0.to_string()));
        let plan = format!(
            "{{ \"version\" : \"20261201000000\", \"publicationDate\" : \"2026-12-01T00:00:00Z\", \"products\" : [ {{ \"sku\" : \"C1\", \"productFamily\" : \"ComputeSavingsPlans\", \"serviceCode\" : \"ComputeSavingsPlans\", \"usageType\" : \"ComputeSP:1yrNoUpfront\", \"operation\" : \"\", \"attributes\" : {{ \"purchaseOption\" : \"No Upfront\", \"purchaseTerm\" : \"1yr\", \"location\" : \"Any\" }} }} ], \"terms\" : {{ \"savingsPlan\" : [ {{ \"sku\" : \"C1\", \"description\" : \"1 year No Upfront Compute Savings Plan\", \"leaseContractLength\" : {{ \"duration\" : 1, \"unit\" : \"year\" }}, \"rates\" : [ {} ] }} ] }} }}",
            plan_rates.join(", ")
        );
        site.insert(format!("/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20261201000000/{region}/index.json"), ok(plan));
        compute_rates.push(region.clone());
    }
    for list in ["AWSComputeSavingsPlan", "AWSEC2InstanceSavingsPlan"] {
        let entries: Vec<String> = compute_rates
            .iter()
            .filter(|_| list == "AWSComputeSavingsPlan")
            .map(|r| {
                format!("{{ \"regionCode\" : \"{r}\", \"versionUrl\" : \"/savingsPlan/v1.0/aws/{list}/20261201000000/{r}/index.json\" }}")
            })
            .collect();
        site.insert(
            format!("/savingsPlan/v1.0/aws/{list}/current/region_index.json"),
            ok(format!("{{ \"publicationDate\" : \"2026-12-01T00:00:00Z\", \"regions\" : [ {} ] }}", entries.join(", "))),
        );
    }
    // The Spot feeds, in their real formats: m5.large at 40% of on-demand, on
    // Linux everywhere and on Windows only in us-east-1, whose m5.xlarge has
    // a Linux price but none on Windows.
    let spot_regions: Vec<String> = aws
        .ec2
        .iter()
        .map(|(region, rows)| {
            let od = |t: &str, os: &str| rows.iter().find(|r| r.instance_type == t && r.os == os).unwrap().on_demand;
            let size = |t: &str, linux: String, mswin: String| {
                format!("{{\"size\":\"{t}\",\"valueColumns\":[{{\"name\":\"linux\",\"prices\":{{\"USD\":\"{linux}\"}}}},{{\"name\":\"mswin\",\"prices\":{{\"USD\":\"{mswin}\"}}}}]}}")
            };
            let sizes = match region.as_str() {
                "us-east-1" => [
                    size("m5.large", (od("m5.large", "linux") * 0.4).to_string(), (od("m5.large", "mswin") * 0.5).to_string()),
                    size("m5.xlarge", (od("m5.xlarge", "linux") * 0.4).to_string(), "N/A*".into()),
                ]
                .join(","),
                _ => size("m5.large", (od("m5.large", "linux") * 0.4).to_string(), "N/A*".into()),
            };
            let name = if region == "eu-west-1" { "eu-ireland" } else { region.as_str() };
            format!("{{\"region\":\"{name}\",\"instanceTypes\":[{{\"type\":\"generalCurrentGen\",\"sizes\":[{sizes}]}}]}}")
        })
        .collect();
    site.insert("/spot.js".into(), ok(format!("callback({{\"vers\":0.01,\"config\":{{\"rate\":\"perhr\",\"valueColumns\":[\"linux\",\"mswin\"],\"currencies\":[\"USD\"],\"regions\":[{}]}}}})", spot_regions.join(","))));
    let fargate_spot: Vec<String> = aws
        .fargate
        .iter()
        .flat_map(|(region, f)| {
            [("vCPU-Hours", f[0]), ("GB-Hours", f[1]), ("ARM-vCPU-Hours", f[2]), ("ARM-GB-Hours", f[3])].map(|(unit, price)| {
                format!("{{\"id\":\"x\",\"unit\":\"{unit}\",\"price\":{{\"USD\":\"{}\"}},\"attributes\":{{\"aws:region\":\"{region}\",\"aws:label\":\"l\"}}}}", price * 0.3)
            })
        })
        .collect();
    site.insert(
        "/fargate-spot-prices.json".into(),
        ok(format!("{{\"metadata\":{{\"source:version\":\"20261203000000\"}},\"prices\":[{}]}}", fargate_spot.join(","))),
    );
    site
}

/// A copy of the project's sources and snapshot to refresh.
struct Workspace {
    dir: PathBuf,
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Workspace {
    fn new(name: &str) -> Workspace {
        let dir = std::env::temp_dir().join(format!("refresh-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_tree(&root().join("pricing-sources"), &dir.join("pricing-sources"));
        copy_tree(&root().join("pricing"), &dir.join("pricing"));
        Workspace { dir }
    }

    /// Runs `refresh` against `base`: (exit code, stdout, stderr).
    fn refresh(&self, base: &str) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_refresh"))
            .args(["--from", base, "--ec2-spot", &format!("{base}/spot.js"), "--fargate-spot", &format!("{base}/fargate-spot-prices.json")])
            .arg("--sources")
            .arg(self.dir.join("pricing-sources"))
            .arg("--out")
            .arg(self.dir.join("pricing"))
            .output()
            .unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
    }

    /// Every file of both folders, path → bytes: to tell "exactly as they were".
    fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
                if entry.path().is_dir() {
                    walk(&entry.path(), &format!("{name}/"), out);
                } else {
                    out.insert(name, std::fs::read(entry.path()).unwrap());
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(&self.dir, "", &mut out);
        out
    }

    fn region_file(&self, region: &str, platform: Platform) -> RegionPrices {
        let dir = self.dir.join("pricing");
        RegionPrices::read_all(|p| std::fs::read_to_string(dir.join(p)).map_err(|e| e.to_string()), region, platform).unwrap()
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const REGIONS: [&str; 2] = ["us-east-1", "eu-west-1"];

#[test]
fn a_refresh_takes_aws_prices_and_a_second_finds_nothing_changed() {
    let site: Site = Arc::new(Mutex::new(site_for(&aws_prices(&REGIONS), &REGIONS)));
    let base = serve(site.clone());
    let ws = Workspace::new("first");
    let (code, summary, errors) = ws.refresh(&base);
    assert_eq!(code, 0, "{errors}");
    // What was read, with sizes and times, and what was not taken.
    assert!(summary.contains("/offers/v1.0/aws/AmazonEC2/20261201000000/us-east-1/index.csv: "), "{summary}");
    assert!(
        summary.contains("not taken: 2 prices in another currency than USD, 2 Capacity Block rows"),
        "one of each per region: {summary}"
    );
    assert!(summary.contains("so kept as they were: us-east-2,"), "the regions not in the index: {summary}");
    // What the files brought that the snapshot lacked, and what they no longer list.
    assert!(summary.contains("- us-east-1 linux-x86, managed_instances_fee: 775 new\n"), "{summary}");
    assert!(summary.contains("- us-east-1 linux-x86, spot: 760 gone\n"), "the feed lists m5 only: {summary}");
    assert!(summary.contains("- eu-west-1 linux-x86, fargate savings_plan_1y vcpu_hour: 1 new\n"), "{summary}");
    // The snapshot now says AWS's own, with the files' dates.
    let x86 = ws.region_file("us-east-1", Platform::LinuxX86);
    assert_eq!(
        (x86.origin.source.as_str(), x86.origin.provenance, x86.origin.as_of.as_deref()),
        ("aws-ec2-offers", Provenance::Published, Some("2026-12-01"))
    );
    let spot = x86.spot_origin.as_ref().unwrap();
    assert_eq!((spot.source.as_str(), spot.as_of.as_deref()), ("aws-ec2-spot-feed", Some("2026-12-04")), "the feed's Last-Modified date");
    let m5 = x86.get("m5.large").unwrap();
    assert_eq!(m5.on_demand, 0.096);
    assert!((m5.reserved_1y.unwrap() - 0.056393).abs() < 1e-12, "upfront ÷ 8,760 h: {:?}", m5.reserved_1y);
    assert!((m5.spot.unwrap() - 0.096 * 0.4).abs() < 1e-12);
    assert!((m5.extra(Ec2Extra::ComputeSavingsPlan1y).unwrap() - 0.096 * 0.7).abs() < 1e-12);
    assert_eq!(m5.extra(Ec2Extra::ManagedInstancesFee), Some(fee(0.096)));
    assert_eq!(x86.get("m5.xlarge").unwrap().on_demand, 0.192, "its CNY price was not read as USD");
    // CPU credits and EBS from the EC2 offer: AWS's own where it lists them, the quoted rates for the rest.
    let credits = x86.cpu_credits.as_ref().unwrap();
    assert_eq!(credits.rate("t3.large"), Some(0.05));
    assert_eq!(credits.origin.note.as_deref(), Some("t3 from AWS's EC2 offer; t2, t3a as quoted"));
    let ebs = x86.ebs_gp3.as_ref().unwrap();
    assert_eq!((ebs.usd, ebs.origin.source.as_str(), ebs.origin.as_of.as_deref()), (0.08, "aws-ec2-offers", Some("2026-12-01")));
    assert_eq!(ws.region_file("eu-west-1", Platform::LinuxArm).ebs_gp3.as_ref().unwrap().usd, 0.088);
    let windows = ws.region_file("us-east-1", Platform::Windows);
    assert_eq!(windows.get("m5.large").unwrap().extra(Ec2Extra::ManagedInstancesFee), None, "Managed Instances run Linux only");
    assert_eq!(windows.get("m5.xlarge").unwrap().spot, None, "N/A in a feed that covers the region and OS: no Spot price");
    assert!((windows.get("m5.large").unwrap().spot.unwrap() - 0.188 * 0.5).abs() < 1e-12);
    assert_eq!(windows.spot_origin.as_ref().unwrap().source, "aws-ec2-spot-feed");
    // eu-west-1's feed has no Windows price at all: its Spot stays the secondary copy's, and says so.
    let eu_windows = ws.region_file("eu-west-1", Platform::Windows);
    assert_eq!(
        (eu_windows.origin.source.as_str(), eu_windows.spot_origin.as_ref().unwrap().source.as_str()),
        ("aws-ec2-offers", "vantage-ec2-prices")
    );
    assert!(eu_windows.get("m5.large").unwrap().spot.is_some());
    let fargate = x86.fargate.as_ref().unwrap();
    assert_eq!(
        (fargate.on_demand.origin.source.as_str(), fargate.on_demand.origin.as_of.as_deref()),
        ("aws-ecs-offers", Some("2026-12-01"))
    );
    let fargate_spot = fargate.spot.as_ref().unwrap();
    assert_eq!((fargate_spot.origin.source.as_str(), fargate_spot.origin.as_of.as_deref()), ("aws-fargate-spot-feed", Some("2026-12-03")));
    assert!((fargate.savings_plan_1y.as_ref().unwrap().vcpu_hour - 0.04048 * 0.8).abs() < 1e-12);
    assert!(
        ws.region_file("eu-west-1", Platform::LinuxX86).get("m5.large").unwrap().spot.is_some(),
        "the feed's old name eu-ireland read as eu-west-1"
    );
    // Regions the files did not cover keep their other sources.
    assert_eq!(ws.region_file("us-east-2", Platform::LinuxX86).origin.source, "vantage-ec2-prices");
    // The refreshed snapshot is valid as a whole.
    let manifest = Manifest::parse(&std::fs::read_to_string(ws.dir.join("pricing/manifest.json")).unwrap()).unwrap();
    assert!(manifest.source("aws-savings-plans").is_some() && manifest.source("aws-fargate-spot-feed").is_some());
    for (platform, file) in [(Platform::LinuxX86, &x86), (Platform::Windows, &windows)] {
        let kept = RegionPrices::parse(
            &std::fs::read_to_string(ws.dir.join("pricing").join(fargate_vs_ec2::pricing::region_file("us-east-1", platform))).unwrap(),
        )
        .unwrap();
        let more = RegionPrices::parse(
            &std::fs::read_to_string(ws.dir.join("pricing").join(fargate_vs_ec2::pricing::outclassed_file("us-east-1", platform))).unwrap(),
        )
        .ok();
        assert_eq!(manifest.problems_with(&kept, more.as_ref()), Vec::<String>::new(), "{platform:?} ({} types)", file.rows.len());
    }
    // Run again against the same files: nothing changes, not a byte.
    let before = ws.snapshot();
    let (code, summary, errors) = ws.refresh(&base);
    assert_eq!(code, 0, "{errors}");
    assert!(summary.starts_with("## Prices refreshed from AWS's price files\n\nNothing changed.\n"), "{summary}");
    assert!(summary.contains("Nothing written."), "{summary}");
    assert!(before == ws.snapshot(), "byte-identical");
}

#[test]
fn a_price_change_and_a_type_added_are_said_and_a_missing_region_keeps_its_prices() {
    let mut aws = aws_prices(&REGIONS);
    // The first files lack m7i.large in us-east-1.
    aws.ec2.get_mut("us-east-1").unwrap().retain(|r| r.instance_type != "m7i.large");
    let site: Site = Arc::new(Mutex::new(site_for(&aws, &REGIONS)));
    let base = serve(site.clone());
    let ws = Workspace::new("changes");
    assert_eq!(ws.refresh(&base).0, 0);
    assert!(
        ws.region_file("us-east-1", Platform::LinuxX86).get("m7i.large").is_none(),
        "AWS's offer does not list it: not in the snapshot"
    );
    let eu_before = ws.region_file("eu-west-1", Platform::LinuxX86);
    // Then AWS adds m7i.large, raises m5.large by 10%, and eu-west-1 drops out of the indexes.
    let mut aws = aws_prices(&REGIONS);
    for row in aws.ec2.get_mut("us-east-1").unwrap().iter_mut().filter(|r| r.instance_type == "m5.large" && r.os == "linux") {
        row.on_demand = 0.1056;
    }
    *site.lock().unwrap() = site_for(&aws, &["us-east-1"]);
    let (code, summary, errors) = ws.refresh(&base);
    assert_eq!(code, 0, "{errors}");
    assert!(summary.contains("**Instance types added**\n\n- us-east-1 linux-x86: 1 (m7i.large)\n"), "{summary}");
    assert!(summary.contains("us-east-1 linux-x86 m5.large on_demand: 0.096 → 0.1056 (+10.0%)"), "{summary}");
    assert!(summary.contains("so kept as they were: ") && summary.contains("eu-west-1"), "{summary}");
    let x86 = ws.region_file("us-east-1", Platform::LinuxX86);
    assert_eq!(x86.get("m5.large").unwrap().on_demand, 0.1056);
    assert!(x86.get("m7i.large").is_some());
    // eu-west-1 keeps what the first refresh gave it, dates included.
    let eu = ws.region_file("eu-west-1", Platform::LinuxX86);
    assert_eq!(
        (eu.origin.clone(), eu.get("m5.large").unwrap().on_demand),
        (eu_before.origin.clone(), eu_before.get("m5.large").unwrap().on_demand)
    );
}

#[test]
fn a_failed_download_leaves_everything_as_it_was_and_names_the_file() {
    let aws = aws_prices(&REGIONS);
    let good = site_for(&aws, &REGIONS);
    let ecs = "/offers/v1.0/aws/AmazonECS/20261201000000/us-east-1/index.json";
    let ec2 = "/offers/v1.0/aws/AmazonEC2/20261201000000/eu-west-1/index.csv";
    type Break = Box<dyn Fn(&mut BTreeMap<String, Reply>)>;
    let cases: Vec<(&str, Break, &str)> = vec![
        (
            "HTTP 500",
            Box::new(move |s: &mut BTreeMap<String, Reply>| s.get_mut(ecs).unwrap().status = 500),
            "us-east-1/index.json: HTTP 500",
        ),
        (
            "a truncated download",
            Box::new(move |s: &mut BTreeMap<String, Reply>| s.get_mut(ec2).unwrap().cut_short = true),
            "eu-west-1/index.csv",
        ),
        (
            "a malformed row (the real eu-west-1 EC2 offer sample ends with one)",
            Box::new(move |s: &mut BTreeMap<String, Reply>| {
                s.get_mut(ec2).unwrap().body = fixture("aws-layout/offers/v1.0/aws/AmazonEC2/current/eu-west-1/index.csv").into_bytes()
            }),
            "a malformed row",
        ),
        (
            "a format that changed",
            Box::new(move |s: &mut BTreeMap<String, Reply>| {
                s.get_mut("/offers/v1.0/aws/AmazonEC2/current/region_index.json").unwrap().body = b"{\"regions\": []}".to_vec();
            }),
            "not the expected file",
        ),
    ];
    for (what, break_it, says) in cases {
        let mut site = good.clone();
        break_it(&mut site);
        let base = serve(Arc::new(Mutex::new(site)));
        let ws = Workspace::new("fails");
        let before = ws.snapshot();
        let (code, _, errors) = ws.refresh(&base);
        assert_eq!(code, 1, "{what}: {errors}");
        assert!(errors.contains(says) && errors.contains("Nothing was changed."), "{what}: {errors}");
        assert!(before == ws.snapshot(), "{what}: the sources and pricing/ are exactly as they were");
    }
}

/// The readers take AWS's real format samples as they are.
#[test]
fn the_real_samples_read() {
    let real = std::fs::read(root().join("pricing-sources/fargate/ecs-offer-us-east-1-2025-08-28.json")).unwrap();
    let ecs = fargate_vs_ec2::pricing::refresh::ecs_offer::read(&mut real.as_slice(), "ecs.json", "us-east-1").unwrap();
    assert_eq!(ecs.published, "2025-08-28");
    type Rates<'a> = (&'a str, f64, f64, Option<f64>, Option<f64>);
    let rates: Vec<Rates> =
        ecs.fargate.iter().map(|r| (r.platform.as_str(), r.vcpu_hour, r.gb_hour, r.os_vcpu_hour, r.storage_gb_hour)).collect();
    assert_eq!(
        rates,
        [
            ("linux-x86", 0.04048, 0.004445, None, Some(0.000111)),
            ("linux-arm", 0.03238, 0.00356, None, Some(0.000111)),
            ("windows", 0.046552, 0.00511175, Some(0.046), Some(0.000111))
        ]
    );
    assert!(ecs.managed_fees.is_empty() && ecs.not_usd == 0, "an offer from before Managed Instances");
    let feed = fargate_vs_ec2::pricing::refresh::spot::fargate(&fixture("aws-layout/spot-fargate.json"), "f.json").unwrap();
    assert_eq!(feed.published.as_deref(), Some("2019-07-30"));
    assert_eq!(feed.rates[&("eu-west-1".to_string(), "linux-x86".to_string())], (Some(0.01379631), Some(0.00151494)));
    let spot = fargate_vs_ec2::pricing::refresh::spot::ec2(&fixture("aws-layout/spot.js"), "spot.js", |_| false).unwrap();
    assert_eq!(spot.prices[&("us-east-1".to_string(), "m3.medium".to_string(), "linux".to_string())], 0.0127);
    // The Savings Plans list: the 3-year no-upfront Compute plan's Fargate
    // rates, the 1-year no-upfront EC2 Instance plan's rate for a SKU the
    // offer listed; the all-upfront plan and other services not taken.
    let plans = fixture("aws-layout/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/eu-west-1/index.json");
    let skus = BTreeMap::from([("HB5V2X8TXQUTDZBV".to_string(), ("c1.medium".to_string(), "linux".to_string()))]);
    let rates = fargate_vs_ec2::pricing::refresh::savings_plans::read(&mut plans.as_bytes(), "sp.json", "eu-west-1", &skus).unwrap();
    assert_eq!(rates.published.as_deref(), Some("2020-02-20"));
    assert_eq!(rates.fargate, BTreeMap::from([(("linux-x86".to_string(), 3), (Some(0.024288), Some(0.002667)))]));
    assert_eq!(rates.ec2, BTreeMap::from([(("c1.medium".to_string(), "linux".to_string()), [None, None, Some(0.087), None])]));
}
