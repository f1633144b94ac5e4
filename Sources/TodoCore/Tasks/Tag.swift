import Foundation

/// Tag names: compared without regard to case, kept in the spelling first used.
public enum Tag {
    public static let maximumLength = 50
    public static let maximumCount = 20

    /// The comparison form of a tag: Unicode canonical composition, then lowercased.
    public static func key(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// Cleans one tag as a user wrote it: trims spaces and a leading `#`. Returns a reason when the
    /// result is not a valid tag name.
    public static func normalize(_ raw: String) -> Result<String, TagProblem> {
        var name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.hasPrefix("#") { name.removeFirst() }
        name = name.precomposedStringWithCanonicalMapping
        if name.isEmpty { return .failure(.empty) }
        if !name.fits(characters: maximumLength) { return .failure(.tooLong) }
        let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",#"))
        let forbidden = name.unicodeScalars.contains { $0.isControlCode || separators.contains($0) }
        if forbidden { return .failure(.invalidCharacters) }
        return .success(name)
    }

    /// Removes case-insensitive duplicates, keeping the first spelling and the order given.
    public static func deduplicate(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert(key($0)).inserted }
    }
}

public enum TagProblem: Sendable, Error {
    case empty, tooLong, invalidCharacters

    public var message: String {
        switch self {
        case .empty: "A tag cannot be empty"
        case .tooLong: "A tag has at most \(Tag.maximumLength) characters (and 8 code points per character)"
        case .invalidCharacters: "A tag cannot contain spaces, commas, '#' or control characters"
        }
    }
}
