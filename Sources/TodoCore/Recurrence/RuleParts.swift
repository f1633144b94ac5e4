/// The parts of an RRULE as written (`NAME=VALUE;...`, upper-cased), checked one by one before
/// libical parses the rule, so that a refusal names the part and the value at fault. The checks
/// are RFC 5545's (section 3.3.10) plus this product's limits; libical stays the parser and
/// expander of record.
struct RuleParts {
    /// The rule text, upper-cased.
    let text: String
    let frequency: String
    let values: [String: String]

    static let frequencies: Set<String> = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]
    static let weekdays: Set<String> = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    static let known: Set<String> = [
        "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "BYYEARDAY",
        "BYWEEKNO", "WKST",
    ]
    /// Parts RFC 5545 defines that this product does not take, with the reason shown.
    static let refused: [String: String] = [
        "BYHOUR": "the time of day comes from the task's due time",
        "BYMINUTE": "the time of day comes from the task's due time",
        "BYSECOND": "the time of day comes from the task's due time",
        "RSCALE": "only the Gregorian calendar is supported",
        "SKIP": "only the Gregorian calendar is supported",
        // libical 3.0 expands week 1 across a year boundary onto the wrong weekday.
        "BYWEEKNO": "week numbers are not supported; use BYMONTH with BYDAY",
    ]
    static let maximumInterval = 1000
    static let maximumCount = 1000

    /// Splits and checks `text` (upper-cased, without `RRULE:`).
    static func check(_ text: String) -> Result<RuleParts, RecurrenceRuleProblem> {
        var values: [String: String] = [:]
        for piece in text.split(separator: ";", omittingEmptySubsequences: true) {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else {
                return .failure(.notNameValue(String(piece)))
            }
            let name = String(pair[0])
            if let reason = refused[name] { return .failure(.unsupportedPart(name, reason)) }
            guard known.contains(name) else { return .failure(.unknownPart(name)) }
            guard values[name] == nil else { return .failure(.duplicatePart(name)) }
            values[name] = String(pair[1])
        }

        guard let frequency = values["FREQ"] else { return .failure(.missingFrequency) }
        guard frequencies.contains(frequency) else {
            return .failure(.invalidValue("FREQ", frequency, "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"))
        }
        let parts = RuleParts(text: text, frequency: frequency, values: values)
        if let problem = parts.firstProblem() { return .failure(problem) }
        return .success(parts)
    }

    /// The first problem of the parts after FREQ, in a fixed order.
    private func firstProblem() -> RecurrenceRuleProblem? {
        if values["COUNT"] != nil, values["UNTIL"] != nil { return .countWithUntil }
        return [
            number("INTERVAL", 1...Self.maximumInterval), number("COUNT", 1...Self.maximumCount), until(),
            byDay(), numbers("BYMONTHDAY", 31, "days of the month"), numbers("BYMONTH", 12, "months", signed: false),
            numbers("BYYEARDAY", 366, "days of the year"), numbers("BYSETPOS", 366, "positions"), weekStart(),
            combinations(),
        ].lazy.compactMap { $0 }.first
    }

    private func number(_ name: String, _ range: ClosedRange<Int>) -> RecurrenceRuleProblem? {
        guard let value = values[name] else { return nil }
        guard let number = Int(value), range.contains(number), value.allSatisfy(\.isASCIIDigit) else {
            return .invalidValue(
                name, value, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return nil
    }

    /// A comma list of non-zero numbers up to `limit`, negative ones counting from the end.
    private func numbers(_ name: String, _ limit: Int, _ what: String, signed: Bool = true) -> RecurrenceRuleProblem? {
        guard let value = values[name] else { return nil }
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let number = Int(item.hasPrefix("+") ? item.dropFirst() : item)
            guard let number, number != 0, abs(number) <= limit, signed || number > 0 else {
                let range = signed ? "1 to \(limit) or -\(limit) to -1 (counting from the end)" : "1 to \(limit)"
                return .invalidValue(name, value, "\(what) are \(range)")
            }
        }
        return nil
    }

    private func byDay() -> RecurrenceRuleProblem? {
        guard let value = values["BYDAY"] else { return nil }
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let day = String(item.suffix(2))
            let ordinalText = item.dropLast(2)
            guard item.count >= 2, Self.weekdays.contains(day) else {
                return .invalidValue(
                    "BYDAY", value, "each day is MO, TU, WE, TH, FR, SA or SU, optionally with an ordinal (-1FR)")
            }
            guard !ordinalText.isEmpty else { continue }

            let ordinal = Int(ordinalText.hasPrefix("+") ? ordinalText.dropFirst() : ordinalText)
            guard let ordinal, ordinal != 0, abs(ordinal) <= 53 else {
                return .invalidValue("BYDAY", value, "ordinals are 1 to 53 or -53 to -1 (-1FR: the last Friday)")
            }
            guard frequency == "MONTHLY" || frequency == "YEARLY" else {
                return .notWithFrequency("BYDAY", frequency, "an ordinal such as \(item) needs MONTHLY or YEARLY")
            }
            // A month has at most five of each weekday (RFC 5545 leaves larger ordinals to match nothing).
            if frequency == "MONTHLY" || values["BYMONTH"] != nil, abs(ordinal) > 5 {
                return .invalidValue("BYDAY", value, "within a month, ordinals are 1 to 5 or -5 to -1")
            }
        }
        return nil
    }

    private func until() -> RecurrenceRuleProblem? {
        guard let value = values["UNTIL"] else { return nil }
        let expected = "UNTIL is a date (20261231) or a date and time (20261231T170000, or 20261231T160000Z in UTC)"
        let bytes = Array(value.utf8)
        guard bytes.count == 8 || bytes.count == 15 || bytes.count == 16,
            let year = Digits.parse(bytes[0..<4]), let month = Digits.parse(bytes[4..<6]),
            let day = Digits.parse(bytes[6..<8]), CalendarDate(year: year, month: month, day: day) != nil
        else { return .invalidValue("UNTIL", value, expected) }
        guard bytes.count > 8 else { return nil }

        guard bytes[8] == UInt8(ascii: "T"), let hour = Digits.parse(bytes[9..<11]),
            let minute = Digits.parse(bytes[11..<13]), let second = Digits.parse(bytes[13..<15]), hour < 24,
            minute < 60, second < 60, bytes.count == 15 || bytes[15] == UInt8(ascii: "Z")
        else { return .invalidValue("UNTIL", value, expected) }
        return nil
    }

    private func weekStart() -> RecurrenceRuleProblem? {
        guard let value = values["WKST"], !Self.weekdays.contains(value) else { return nil }
        return .invalidValue("WKST", value, "the week starts on MO, TU, WE, TH, FR, SA or SU")
    }

    /// RFC 5545's rules on which parts go with which frequency.
    private func combinations() -> RecurrenceRuleProblem? {
        if frequency == "WEEKLY", values["BYMONTHDAY"] != nil {
            return .notWithFrequency("BYMONTHDAY", frequency, "use BYDAY for days of the week")
        }
        if ["DAILY", "WEEKLY", "MONTHLY"].contains(frequency), values["BYYEARDAY"] != nil {
            return .notWithFrequency("BYYEARDAY", frequency, "days of the year need FREQ=YEARLY")
        }
        let byParts = ["BYDAY", "BYMONTHDAY", "BYMONTH", "BYYEARDAY"]
        if values["BYSETPOS"] != nil, !byParts.contains(where: { values[$0] != nil }) {
            return RecurrenceRuleProblem(
                "invalid_combination", "BYSETPOS picks from the dates other BY parts give, such as BYDAY; it has none")
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
