//! The commercial AWS regions the snapshot covers, with AWS's names.
//!
//! The price sources use region codes only; the names and geographies are
//! AWS's own (as shown in the console), for the region picker. GovCloud, China,
//! Local Zones and Wavelength Zones are not commercial regions and are left out.

/// (code, name, geography)
pub const COMMERCIAL: [(&str, &str, &str); 34] = [
    ("us-east-1", "US East (N. Virginia)", "North America"),
    ("us-east-2", "US East (Ohio)", "North America"),
    ("us-west-1", "US West (N. California)", "North America"),
    ("us-west-2", "US West (Oregon)", "North America"),
    ("ca-central-1", "Canada (Central)", "North America"),
    ("ca-west-1", "Canada West (Calgary)", "North America"),
    ("mx-central-1", "Mexico (Central)", "North America"),
    ("sa-east-1", "South America (São Paulo)", "South America"),
    ("eu-central-1", "Europe (Frankfurt)", "Europe"),
    ("eu-central-2", "Europe (Zurich)", "Europe"),
    ("eu-north-1", "Europe (Stockholm)", "Europe"),
    ("eu-south-1", "Europe (Milan)", "Europe"),
    ("eu-south-2", "Europe (Spain)", "Europe"),
    ("eu-west-1", "Europe (Ireland)", "Europe"),
    ("eu-west-2", "Europe (London)", "Europe"),
    ("eu-west-3", "Europe (Paris)", "Europe"),
    ("af-south-1", "Africa (Cape Town)", "Africa"),
    ("il-central-1", "Israel (Tel Aviv)", "Middle East"),
    ("me-central-1", "Middle East (UAE)", "Middle East"),
    ("me-south-1", "Middle East (Bahrain)", "Middle East"),
    ("ap-east-1", "Asia Pacific (Hong Kong)", "Asia Pacific"),
    ("ap-east-2", "Asia Pacific (Taipei)", "Asia Pacific"),
    ("ap-northeast-1", "Asia Pacific (Tokyo)", "Asia Pacific"),
    ("ap-northeast-2", "Asia Pacific (Seoul)", "Asia Pacific"),
    ("ap-northeast-3", "Asia Pacific (Osaka)", "Asia Pacific"),
    ("ap-south-1", "Asia Pacific (Mumbai)", "Asia Pacific"),
    ("ap-south-2", "Asia Pacific (Hyderabad)", "Asia Pacific"),
    ("ap-southeast-1", "Asia Pacific (Singapore)", "Asia Pacific"),
    ("ap-southeast-2", "Asia Pacific (Sydney)", "Asia Pacific"),
    ("ap-southeast-3", "Asia Pacific (Jakarta)", "Asia Pacific"),
    ("ap-southeast-4", "Asia Pacific (Melbourne)", "Asia Pacific"),
    ("ap-southeast-5", "Asia Pacific (Malaysia)", "Asia Pacific"),
    ("ap-southeast-6", "Asia Pacific (New Zealand)", "Asia Pacific"),
    ("ap-southeast-7", "Asia Pacific (Thailand)", "Asia Pacific"),
];

pub fn is_commercial(code: &str) -> bool {
    COMMERCIAL.iter().any(|(c, _, _)| *c == code)
}

/// The region code for a Price List `location` ("US East (N. Virginia)",
/// "EU (Frankfurt)", "South America (Sao Paulo)"): older records carry no
/// `regionCode`, and the Price List spells some names its own way.
pub fn code_for_location(location: &str) -> Option<&'static str> {
    let name = location.replacen("EU (", "Europe (", 1).replace("Sao Paulo", "São Paulo");
    COMMERCIAL.iter().find(|(_, n, _)| *n == name).map(|(code, _, _)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_list_locations() {
        assert_eq!(code_for_location("US East (N. Virginia)"), Some("us-east-1"));
        assert_eq!(code_for_location("EU (Frankfurt)"), Some("eu-central-1"));
        assert_eq!(code_for_location("South America (Sao Paulo)"), Some("sa-east-1"));
        assert_eq!(code_for_location("AWS GovCloud (US)"), None);
    }
}
