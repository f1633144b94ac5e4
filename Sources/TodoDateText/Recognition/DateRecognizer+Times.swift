import Foundation
import TodoCore

extension DateRecognizer {
    /// 5pm, 5 pm, 5:30pm, 17:00, 5 o'clock, noon, midday, midnight; a bare hour ("at 5") only when
    /// `allowBareHour` (after "at" or "by").
    func parseTime(_ reader: inout WordReader, allowBareHour: Bool) -> DatePiece? {
        guard let word = reader.peek() else { return nil }
        switch word {
        case "noon", "midday", "lunchtime":
            reader.advance()
            return .time(LocalTime(hour: 12, minute: 0)!, guessed: false)
        case "midnight":
            reader.advance()
            return .time(LocalTime(hour: 23, minute: 59)!, guessed: false)
        default:
            break
        }

        guard let clock = Self.clockReading(word) else { return nil }
        var attempt = reader
        attempt.advance()
        var meridiem = clock.meridiem
        if meridiem == nil, let next = attempt.peek(), let value = Self.meridiem(next) {
            attempt.advance()
            meridiem = value
        }
        let oClock = meridiem == nil && attempt.take(["o'clock", "oclock"]) != nil

        let written = clock.minute != nil || meridiem != nil || oClock
        guard written || allowBareHour else { return nil }
        reader = attempt

        let minute = clock.minute ?? 0
        if let meridiem {
            guard (1...12).contains(clock.hour), minute < 60 else { return .unclear("\(word) is not a time") }
            let hour = clock.hour % 12 + (meridiem == "pm" ? 12 : 0)
            return .time(LocalTime(hour: hour, minute: minute)!, guessed: false)
        }
        guard let time = LocalTime(hour: clock.hour, minute: minute) else {
            return .unclear("\(word) is not a time")
        }
        // "17:00" and "09:30" say which half of the day they mean; "5" and "5:30" do not.
        let unambiguous = clock.hour == 0 || clock.hour > 12 || (clock.minute != nil && clock.leadingZero)
        return .time(time, guessed: !unambiguous)
    }

    /// in the morning, in the evening, at night, this afternoon (handled with days), and a bare
    /// "morning" or "night" after a day ("friday night").
    func parsePart(_ reader: inout WordReader, allowBare: Bool) -> DatePiece? {
        var attempt = reader
        if attempt.take(sequence: ["in", "the"]) || attempt.take("at") {
            guard let word = attempt.peek(), let part = PartOfDay.named(word), word != "tonight" else { return nil }
            attempt.advance()
            reader = attempt
            return .part(part)
        }
        guard allowBare, let word = attempt.peek(), let part = PartOfDay.named(word) else { return nil }
        attempt.advance()
        reader = attempt
        return .part(part)
    }

    /// later, soon, sometime, someday, at some point, whenever, eventually.
    func parseVague(_ reader: inout WordReader) -> DatePiece? {
        var attempt = reader
        if attempt.take(sequence: ["at", "some", "point"])
            || attempt.take(["later", "sometime", "someday", "soon"]) != nil
            || attempt.take(["whenever", "eventually"]) != nil
        {
            reader = attempt
            return .unclear("That does not say when")
        }
        return nil
    }

    private static func meridiem(_ word: String) -> String? {
        switch word {
        case "am", "a.m.", "a": "am"
        case "pm", "p.m.", "p": "pm"
        default: nil
        }
    }

    /// Reads "5", "5pm", "5:30", "5:30pm", "17:00", "09:15" into its parts.
    static func clockReading(_ word: String) -> (hour: Int, minute: Int?, meridiem: String?, leadingZero: Bool)? {
        var text = Substring(word)
        var meridiem: String?
        for (suffix, value) in [("am", "am"), ("pm", "pm"), ("a", "am"), ("p", "pm")] where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
            meridiem = value
            break
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let hourText = parts.first, (1...2).contains(hourText.count),
            hourText.allSatisfy(\.isASCIIDigit), let hour = Int(hourText)
        else { return nil }
        var minute: Int?
        if parts.count == 2 {
            guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            minute = Int(parts[1])
        }
        return (hour, minute, meridiem, hourText.hasPrefix("0"))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
