//! A region's AmazonEC2 offer in its CSV form, read as a stream: a few
//! preamble lines (`"Publication Date","2026-12-01T…"`), then a header, then
//! one row per price dimension. The offer of a large region is gigabytes;
//! only the rows the snapshot uses are kept, so memory stays small whatever
//! the file's size.
//!
//! Rows are taken only when they are what they seem: a price in USD (another
//! currency is counted, never read as USD), untiered, not zero (Capacity
//! Blocks are listed at $0.00), for the product they describe. A row that
//! cannot be read (a wrong number of fields, a price that is not a number)
//! fails the whole file, naming its line.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};

/// What an offer's rows were that the refresh did not take, counted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Skipped {
    /// Prices in another currency than USD.
    pub not_usd: u32,
    /// Capacity Block rows (priced per reservation, listed at $0.00/h).
    pub capacity_blocks: u32,
}

/// An offer opened at its header: the preamble's publication date
/// (YYYY-MM-DD) and how many lines came before the header.
struct Opened<R> {
    published: Option<String>,
    preamble: u64,
    reader: csv::Reader<R>,
}

fn open(body: impl Read, url: &str) -> Result<Opened<impl Read>, String> {
    let mut body = BufReader::new(body);
    let mut published = None;
    let mut line = String::new();
    // The preamble is a handful of lines; a file without a header is not an offer.
    for preamble in 0..20 {
        line.clear();
        if body.read_line(&mut line).map_err(|e| format!("{url}: the download broke off: {e}"))? == 0 {
            break;
        }
        let cells: Vec<&str> = line.trim_end().split(',').map(|c| c.trim().trim_matches('"')).collect();
        if cells.first() == Some(&"SKU") {
            let header = std::io::Cursor::new(line.clone().into_bytes());
            let reader = csv::ReaderBuilder::new().has_headers(true).from_reader(header.chain(body));
            return Ok(Opened { published, preamble, reader });
        }
        if cells.first() == Some(&"Publication Date") {
            published = cells.get(1).map(|d| d.get(..10).unwrap_or(d).to_string());
        }
    }
    Err(format!("{url}: not an AWS Price List offer in CSV (no SKU header in its first lines)"))
}

/// A row's cells by column name; "" for a column the offer does not have.
struct Columns(BTreeMap<String, usize>);

impl Columns {
    fn of(reader: &mut csv::Reader<impl Read>, url: &str, needed: &[&str]) -> Result<Columns, String> {
        let header = reader.headers().map_err(|e| format!("{url}: unreadable header: {e}"))?;
        let columns = Columns(header.iter().enumerate().map(|(i, name)| (name.trim().to_string(), i)).collect());
        if let Some(missing) = needed.iter().find(|n| !columns.0.contains_key(**n)) {
            return Err(format!("{url}: no {missing} column: the Price List's format has changed"));
        }
        Ok(columns)
    }

    fn get<'r>(&self, row: &'r csv::StringRecord, name: &str) -> &'r str {
        self.0.get(name).and_then(|&i| row.get(i)).map_or("", str::trim)
    }
}

/// Reads every row of an offer with `take`; errors name the file and line.
fn each_row(
    opened: Opened<impl Read>,
    url: &str,
    needed: &[&str],
    mut take: impl FnMut(&Columns, &csv::StringRecord) -> Result<(), String>,
) -> Result<(), String> {
    let Opened { preamble, mut reader, .. } = opened;
    let columns = Columns::of(&mut reader, url, needed)?;
    let mut row = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut row) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                take(&columns, &row).map_err(|e| format!("{url} line {}: {e}", preamble + row.position().map_or(0, |p| p.line())))?
            }
            Err(e) => {
                let line = preamble + e.position().map_or(0, |p| p.line());
                return Err(match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("{url} line {line}: a malformed row of {len} fields (the header has {expected_len})")
                    }
                    _ => format!("{url} line {line}: a malformed row ({e})"),
                });
            }
        }
    }
}

fn price(text: &str) -> Result<f64, String> {
    text.parse::<f64>().ok().filter(|p| p.is_finite() && *p >= 0.0).ok_or_else(|| format!("price {text:?} is not a number"))
}

/// One EC2 instance type's prices in a region, USD, as the offer gives them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InstancePrices {
    /// "General purpose", "GPU instance", … (the offer's Instance Family).
    pub family: String,
    pub gpu: f64,
    pub on_demand: Option<f64>,
    /// Standard all-upfront reserved, 1 and 3 years: (upfront USD, USD per hour).
    pub reserved: [(f64, f64); 2],
    pub has_reserved: [bool; 2],
}

impl InstancePrices {
    /// Effective hourly reserved rate for `years`: (upfront + hourly × hours) ÷ hours.
    pub fn reserved_hourly(&self, years: u32) -> Option<f64> {
        let i = if years == 1 { 0 } else { 1 };
        let hours = 8760.0 * f64::from(years);
        let (upfront, hourly) = self.reserved[i];
        let rate = (upfront + hourly * hours) / hours;
        (self.has_reserved[i] && rate > 0.0).then_some(rate)
    }
}

/// An AmazonEC2 offer's instance prices: (type, "linux" | "mswin") → prices;
/// and each SKU of those products, for the Savings Plans rates that name it.
#[derive(Debug, Default)]
pub struct Ec2Offer {
    pub published: Option<String>,
    pub prices: BTreeMap<(String, String), InstancePrices>,
    pub skus: BTreeMap<String, (String, String)>,
    /// The surplus CPU credit rates of unlimited mode ("CPU Credits"
    /// products): (family, "linux" | "mswin") → USD per vCPU-hour.
    pub cpu_credits: BTreeMap<(String, String), f64>,
    /// EBS gp3 storage, USD per GB-month.
    pub ebs_gp3: Option<f64>,
    pub skipped: Skipped,
}

/// The columns an EC2 row is read by.
const EC2_COLUMNS: [&str; 16] = [
    "SKU",
    "TermType",
    "Unit",
    "PricePerUnit",
    "Currency",
    "StartingRange",
    "LeaseContractLength",
    "PurchaseOption",
    "OfferingClass",
    "Product Family",
    "Instance Type",
    "Tenancy",
    "Operating System",
    "License Model",
    "Pre Installed S/W",
    "operation",
];

pub fn read(body: impl Read, url: &str) -> Result<Ec2Offer, String> {
    let opened = open(body, url)?;
    let mut offer = Ec2Offer { published: opened.published.clone(), ..Ec2Offer::default() };
    each_row(opened, url, &EC2_COLUMNS, |c, row| {
        let get = |name: &str| c.get(row, name);
        // Only regions proper (not Local Zones, Wavelength, Outposts), where the offer says.
        if !matches!(get("Location Type"), "" | "AWS Region") {
            return Ok(());
        }
        let on_demand_usd = get("TermType") == "OnDemand" && matches!(get("StartingRange"), "" | "0");
        match get("Product Family") {
            "CPU Credits" if on_demand_usd => {
                let family = get("usageType").split_once("CPUCredits:").map(|(_, f)| f);
                let os = match get("Operating System") {
                    "Linux" => "linux",
                    "Windows" => "mswin",
                    _ => return Ok(()),
                };
                if let Some(family) = family.filter(|f| !f.is_empty()) {
                    if get("Currency") != "USD" {
                        offer.skipped.not_usd += 1;
                    } else {
                        let value = price(get("PricePerUnit"))?;
                        if value > 0.0 {
                            offer.cpu_credits.insert((family.to_string(), os.to_string()), value);
                        }
                    }
                }
                return Ok(());
            }
            "Storage" if on_demand_usd && (get("Volume API Name") == "gp3" || get("usageType").ends_with("EBS:VolumeUsage.gp3")) => {
                if get("Currency") != "USD" {
                    offer.skipped.not_usd += 1;
                } else if get("Unit") == "GB-Mo" {
                    offer.ebs_gp3 = Some(price(get("PricePerUnit"))?).filter(|p| *p > 0.0);
                }
                return Ok(());
            }
            "Compute Instance" if !get("Instance Type").is_empty() => {}
            _ => return Ok(()),
        }
        if get("MarketOption") == "CapacityBlock" || get("operation").ends_with(":CB") {
            offer.skipped.capacity_blocks += 1;
            return Ok(());
        }
        let os = match (get("Operating System"), get("License Model")) {
            ("Linux", "No License required") => "linux",
            ("Windows", "License Included") => "mswin",
            _ => return Ok(()),
        };
        let plain = get("Tenancy") == "Shared" && get("Pre Installed S/W") == "NA" && matches!(get("CapacityStatus"), "" | "Used");
        if !plain || !matches!(get("StartingRange"), "" | "0") {
            return Ok(());
        }
        if get("Currency") != "USD" {
            offer.skipped.not_usd += 1;
            return Ok(());
        }
        let value = price(get("PricePerUnit"))?;
        let key = (get("Instance Type").to_string(), os.to_string());
        let entry = offer.prices.entry(key.clone()).or_default();
        entry.family = get("Instance Family").to_string();
        entry.gpu = get("GPU").parse().unwrap_or(0.0);
        match (get("TermType"), get("Unit")) {
            ("OnDemand", "Hrs") if value > 0.0 => {
                entry.on_demand = Some(value);
                offer.skus.insert(get("SKU").to_string(), key);
            }
            ("OnDemand", _) => {}
            ("Reserved", unit) if get("OfferingClass") == "standard" && get("PurchaseOption") == "All Upfront" => {
                let i = match get("LeaseContractLength") {
                    "1yr" | "1 yr" => 0,
                    "3yr" | "3 yr" => 1,
                    _ => return Ok(()),
                };
                match unit {
                    "Quantity" => entry.reserved[i].0 += value,
                    "Hrs" => entry.reserved[i].1 += value,
                    other => return Err(format!("a reserved price per {other:?}")),
                }
                entry.has_reserved[i] = true;
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(offer)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "SKU,OfferTermCode,RateCode,TermType,PriceDescription,EffectiveDate,StartingRange,EndingRange,Unit,PricePerUnit,Currency,\
        RelatedTo,LeaseContractLength,PurchaseOption,OfferingClass,Product Family,serviceCode,Location,Location Type,Instance Type,\
        Instance Family,GPU,Tenancy,Operating System,License Model,usageType,operation,CapacityStatus,Pre Installed S/W,MarketOption";

    fn offer(rows: &[&str]) -> String {
        format!(
            "\"FormatVersion\",\"v1.0\"\n\"Publication Date\",\"2026-12-01T10:00:00Z\"\n\"Version\",\"20261201100000\"\n{HEADER}\n{}\n",
            rows.join("\n")
        )
    }

    const OD: &str = "A,JRTCKXETXF,A.1,OnDemand,d,2026-12-01,0,Inf,Hrs,0.0960000000,USD,,,,,Compute Instance,AmazonEC2,US East (N. Virginia),AWS Region,m5.large,General purpose,,Shared,Linux,No License required,BoxUsage:m5.large,RunInstances,Used,NA,OnDemand";

    #[test]
    fn on_demand_and_all_upfront_reserved_with_its_hourly_part() {
        let text = offer(&[
            OD,
            "A,X,A.2,Reserved,Upfront Fee,2026-12-01,,,Quantity,494,USD,,1yr,All Upfront,standard,Compute Instance,AmazonEC2,US East (N. Virginia),AWS Region,m5.large,General purpose,,Shared,Linux,No License required,BoxUsage:m5.large,RunInstances,Used,NA,OnDemand",
            "A,X,A.3,Reserved,hourly,2026-12-01,0,Inf,Hrs,0,USD,,1yr,All Upfront,standard,Compute Instance,AmazonEC2,US East (N. Virginia),AWS Region,m5.large,General purpose,,Shared,Linux,No License required,BoxUsage:m5.large,RunInstances,Used,NA,OnDemand",
            "A,Y,A.4,Reserved,Upfront Fee,2026-12-01,,,Quantity,600,USD,,1yr,All Upfront,convertible,Compute Instance,AmazonEC2,US East (N. Virginia),AWS Region,m5.large,General purpose,,Shared,Linux,No License required,BoxUsage:m5.large,RunInstances,Used,NA,OnDemand",
            "B,JRTCKXETXF,B.1,OnDemand,d,2026-12-01,0,Inf,Hrs,0.00,USD,,,,,Compute Instance,AmazonEC2,US East (N. Virginia),AWS Region,p5.48xlarge,GPU instance,8,Shared,Linux,No License required,CapacityBlock:p5.48xlarge,RunInstances:CB,Used,NA,CapacityBlock",
            "C,JRTCKXETXF,C.1,OnDemand,d,2026-12-01,0,Inf,Hrs,0.5312,CNY,,,,,Compute Instance,AmazonEC2,US East (N. Virginia),AWS Region,m5.xlarge,General purpose,,Shared,Linux,No License required,BoxUsage:m5.xlarge,RunInstances,Used,NA,OnDemand",
            "D,JRTCKXETXF,D.1,OnDemand,d,2026-12-01,0,Inf,Hrs,0.2,USD,,,,,Compute Instance,AmazonEC2,US East (N. Virginia),AWS Region,m5.large,General purpose,,Dedicated,Linux,No License required,DedicatedUsage:m5.large,RunInstances,Used,NA,OnDemand",
            "E,JRTCKXETXF,E.1,OnDemand,d,2026-12-01,0,Inf,vCPU-Hours,0.05,USD,,,,,CPU Credits,AmazonEC2,US East (N. Virginia),AWS Region,,,,,Linux,,USE1-CPUCredits:t3a,RunInstances,,,",
            "F,JRTCKXETXF,F.1,OnDemand,d,2026-12-01,0,Inf,vCPU-Hours,0.096,USD,,,,,CPU Credits,AmazonEC2,US East (N. Virginia),AWS Region,,,,,Windows,,USE1-CPUCredits:t3,RunInstances:0002,,,",
            "G,JRTCKXETXF,G.1,OnDemand,d,2026-12-01,0,Inf,GB-Mo,0.08,USD,,,,,Storage,AmazonEC2,US East (N. Virginia),AWS Region,,,,,,,EBS:VolumeUsage.gp3,,,,",
            "H,JRTCKXETXF,H.1,OnDemand,d,2026-12-01,0,Inf,GB-Mo,0.1,USD,,,,,Storage,AmazonEC2,US East (N. Virginia),AWS Region,,,,,,,EBS:VolumeUsage.gp2,,,,",
        ]);
        let ec2 = read(text.as_bytes(), "test.csv").unwrap();
        assert_eq!(ec2.published.as_deref(), Some("2026-12-01"));
        assert_eq!(ec2.prices.len(), 1, "{:?}", ec2.prices);
        let m5 = &ec2.prices[&("m5.large".to_string(), "linux".to_string())];
        assert_eq!(m5.on_demand, Some(0.096));
        // $494 upfront and $0/h over 8,760 h; the convertible term is not taken.
        assert_eq!(m5.reserved_hourly(1), Some(494.0 / 8760.0));
        assert_eq!(m5.reserved_hourly(3), None);
        assert_eq!(ec2.skus["A"], ("m5.large".to_string(), "linux".to_string()));
        assert_eq!(ec2.skipped, Skipped { not_usd: 1, capacity_blocks: 1 }, "the CNY price counted, never read as USD");
        let credit = |family: &str, os: &str| ec2.cpu_credits.get(&(family.to_string(), os.to_string())).copied();
        assert_eq!((credit("t3a", "linux"), credit("t3", "mswin"), ec2.cpu_credits.len()), (Some(0.05), Some(0.096), 2));
        assert_eq!(ec2.ebs_gp3, Some(0.08), "gp3, not gp2");
    }

    #[test]
    fn a_malformed_row_or_price_fails_the_file_naming_the_place() {
        let short = offer(&[OD, "INVALID"]);
        assert_eq!(read(short.as_bytes(), "ec2.csv").unwrap_err(), "ec2.csv line 6: a malformed row of 1 fields (the header has 30)");
        let bad = offer(&[&OD.replace("0.0960000000", "0.09.6")]);
        let err = read(bad.as_bytes(), "ec2.csv").unwrap_err();
        assert_eq!(err, "ec2.csv line 5: price \"0.09.6\" is not a number");
        assert!(read("<html>Not found</html>".as_bytes(), "x.csv").unwrap_err().contains("not an AWS Price List offer"));
        let no_column = format!("{}\n", HEADER.replace("PricePerUnit", "Price"));
        assert!(read(no_column.as_bytes(), "x.csv").unwrap_err().contains("no PricePerUnit column"));
    }
}
