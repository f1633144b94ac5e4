extension SettingType {
    /// Parses the text of a value as written in a file, an environment variable or a flag, or
    /// returns nil if it does not fit; ``expectation`` then says what would.
    public func parse(_ text: String) -> SettingValue? {
        let trimmed = text.trimmingWhitespace()
        switch self {
        case .string:
            return .string(text)
        case .path:
            return trimmed.isEmpty ? nil : .string(trimmed)
        case .int(let range):
            guard let number = Int(trimmed), range.contains(number) else { return nil }
            return .int(number)
        case .bool:
            return Self.parseBool(trimmed).map(SettingValue.bool)
        case .port:
            guard let number = Int(trimmed), (0...65_535).contains(number) else { return nil }
            return .int(number)
        case .url(let schemes):
            guard Self.isURL(trimmed, schemes: schemes) else { return nil }
            return .string(trimmed)
        case .stringList:
            return .list(Self.splitList(text))
        case .duration(let range):
            guard let seconds = Self.parseDuration(trimmed), range.contains(seconds) else { return nil }
            return .int(seconds)
        case .enumeration(let words):
            guard let word = words.first(where: { $0.lowercased() == trimmed.lowercased() }) else { return nil }
            return .string(word)
        }
    }

    /// Parses a list written as separate items (a YAML sequence); nil if the type is not a list.
    func parse(items: [String]) -> SettingValue? {
        guard acceptsSequence else { return nil }
        return .list(items.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
    }

    /// Whether an already typed value (a default, a built-in profile's value) fits this type.
    public func accepts(_ value: SettingValue) -> Bool {
        switch (self, value) {
        case (.stringList, .list(let items)): parse(items: items) == value
        case (.stringList, _), (_, .list): false
        default: parse(value.description) == value
        }
    }

    // MARK: - Pieces

    private static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": true
        case "false", "no", "off", "0": false
        default: nil
        }
    }

    private static func splitList(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    private static func parseDuration(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var digits = Substring(text)
        var multiplier = 1
        if let last = text.last, let unit = units[Character(last.lowercased())] {
            digits = text.dropLast()
            multiplier = unit
        }

        guard digits.allSatisfy(\.isASCIIDigit), let number = Int(digits) else { return nil }
        let (seconds, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : seconds
    }

    /// `scheme://rest` with an RFC 3986 scheme and something after the slashes.
    private static func isURL(_ text: String, schemes: [String]) -> Bool {
        guard let separator = text.range(of: "://") else { return false }

        let scheme = text[..<separator.lowerBound]
        let rest = text[separator.upperBound...]
        guard let first = scheme.first, first.isASCII, first.isLetter, !rest.isEmpty else { return false }
        let schemeIsValid = scheme.allSatisfy { character in
            character.isASCII && (character.isLetter || character.isNumber || "+-.".contains(character))
        }
        guard schemeIsValid, !rest.contains(where: \.isWhitespace) else { return false }
        return schemes.isEmpty || schemes.contains(scheme.lowercased())
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }
}
