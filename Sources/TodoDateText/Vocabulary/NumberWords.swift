/// English numbers as people type them in messages: digits, words, and ordinals.
public enum NumberWords {
    private static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
    ]

    private static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30,
    ]

    /// A cardinal number: `3`, `three`, `twenty-five`. Nil for anything else.
    public static func cardinal(_ word: String) -> Int? {
        if let value = Int(word), value >= 0 { return value }
        if let value = units[word] { return value }
        let parts = word.split(separator: "-").map(String.init)
        if parts.count == 2, let tens = units[parts[0]], tens >= 20, tens % 10 == 0, let unit = units[parts[1]],
            unit < 10
        {
            return tens + unit
        }
        return nil
    }

    /// An ordinal: `3rd`, `third`, `twenty-first`. Nil for anything else.
    public static func ordinal(_ word: String) -> Int? {
        if let value = ordinalWords[word] { return value }
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            if let value = Int(word.dropLast(2)), value > 0 { return value }
        }
        let parts = word.split(separator: "-").map(String.init)
        if parts.count == 2, let tens = units[parts[0]], tens >= 20, let unit = ordinalWords[parts[1]], unit < 10 {
            return tens + unit
        }
        return nil
    }

    /// Reads a count at the start of `reader`: a number, a number word, "a"/"an" (one),
    /// "a couple (of)" (two) or "a few" (three). Two words such as "twenty five" are read as one.
    static func count(_ reader: inout WordReader) -> Int? {
        var attempt = reader
        if attempt.take(["a", "an"]) != nil {
            if attempt.take("couple") {
                _ = attempt.take("of")
                reader = attempt
                return 2
            }
            if attempt.take("few") {
                reader = attempt
                return 3
            }
            reader = attempt
            return 1
        }
        guard let word = attempt.peek(), let value = cardinal(word) else { return nil }
        attempt.advance()
        if value >= 20, value % 10 == 0, value < 100, let next = attempt.peek(), let unit = units[next], unit < 10,
            unit > 0
        {
            attempt.advance()
            reader = attempt
            return value + unit
        }
        reader = attempt
        return value
    }
}
