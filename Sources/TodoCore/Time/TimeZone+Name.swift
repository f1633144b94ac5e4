import Foundation

extension TimeZone {
    /// The name the product shows for this zone: its IANA identifier, except that Foundation names
    /// the zone of "UTC" "GMT", which users never chose; they see UTC.
    public var displayIdentifier: String {
        identifier == "GMT" ? "UTC" : identifier
    }
}
