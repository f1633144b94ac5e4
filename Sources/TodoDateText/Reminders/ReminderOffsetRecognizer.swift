/// Reads how long before a task is due a reminder should fire: "30 minutes before", "an hour
/// ahead", "the day before", "2 days before it's due", "when it's due" (zero).
public struct ReminderOffsetRecognizer: Sendable {
    /// One offset phrase: the words it spans and the minutes it means.
    public struct Match: Sendable, Equatable {
        public let range: Range<Int>
        public let minutes: Int
    }

    public init() {}

    /// The offset phrase that starts exactly at `start`, if any.
    public func match(in words: [String], at start: Int) -> Match? {
        var reader = WordReader(words, at: start)
        if reader.take(anyOf: [
            ["when", "it's", "due"], ["when", "it", "is", "due"], ["when", "due"], ["on", "time"],
        ])
            || reader.take(anyOf: [["at", "the", "time"], ["when", "it", "starts"], ["at", "the", "due", "time"]])
        {
            return Match(range: start..<reader.index, minutes: 0)
        }

        var minutes: Int
        if reader.take(anyOf: [["the", "day", "before"], ["a", "day", "ahead"], ["the", "day", "ahead"]]) {
            minutes = 1440
        } else if reader.take(sequence: ["half", "an", "hour"]) {
            minutes = 30
            guard Self.takeBefore(&reader) else { return nil }
        } else {
            _ = reader.take(["about", "like"])
            guard let count = NumberWords.count(&reader), let word = reader.peek(), let unit = Self.minutes(word)
            else { return nil }
            reader.advance()
            minutes = count * unit
            if unit == 60, reader.take(sequence: ["and", "a", "half"]) { minutes += 30 }
            guard Self.takeBefore(&reader) else { return nil }
        }
        _ = reader.take(anyOf: [
            ["it's", "due"], ["it", "is", "due"], ["its", "due"], ["it", "starts"], ["the", "deadline"],
            ["the", "due", "time"], ["the", "due", "date"], ["the", "time"], ["hand"], ["of", "time"],
            ["that"], ["it"],
        ])
        return Match(range: start..<reader.index, minutes: minutes)
    }

    /// Every offset phrase in `words`, left to right.
    public func matches(in words: [String]) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < words.count {
            if let match = match(in: words, at: index) {
                found.append(match)
                index = match.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    private static func takeBefore(_ reader: inout WordReader) -> Bool {
        if reader.take(["before", "earlier", "ahead", "prior", "beforehand"]) != nil {
            _ = reader.take("to")
            return true
        }
        return reader.take(sequence: ["in", "advance"])
    }

    private static func minutes(_ unit: String) -> Int? {
        switch unit {
        case "minute", "minutes", "min", "mins", "m": 1
        case "hour", "hours", "hr", "hrs", "h": 60
        case "day", "days": 1440
        case "week", "weeks": 10_080
        default: nil
        }
    }
}
