/// Says an RRULE in English for replies: "every week on Monday", "every 2 weeks on Tuesday and
/// Thursday", "every month on the last Friday", "every year on March 3".
public enum RecurrenceDescriber {
    /// The phrase for `rrule`; the rule itself when it uses parts this does not know.
    public static func describe(_ rrule: String) -> String {
        var parts: [String: String] = [:]
        for part in rrule.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { parts[pair[0].uppercased()] = pair[1].uppercased() }
        }
        let interval = Int(parts["INTERVAL"] ?? "1") ?? 1
        let units = ["DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"]
        guard let unit = parts["FREQ"].flatMap({ units[$0] }) else { return rrule }
        if parts["FREQ"] == "WEEKLY", interval == 1, parts["BYDAY"] == "MO,TU,WE,TH,FR" { return "every weekday" }

        var text =
            interval == 1 ? "every \(unit)" : interval == 2 ? "every other \(unit)" : "every \(interval) \(unit)s"
        if let days = parts["BYDAY"] {
            text += " on " + list(days.split(separator: ",").map { weekday(String($0)) })
        }
        if let monthDay = parts["BYMONTHDAY"].flatMap({ Int($0) }) {
            let day = monthDay == -1 ? "the last day" : "the \(ordinal(monthDay))"
            if let month = parts["BYMONTH"].flatMap({ Int($0) }), (1...12).contains(month) {
                text += " on \(CalendarWords.monthNames[month - 1]) \(monthDay)"
            } else {
                text += " on \(day)"
            }
        }
        return text
    }

    private static func weekday(_ code: String) -> String {
        let codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        let name = String(code.suffix(2))
        guard let index = codes.firstIndex(of: name) else { return code }
        let day = Weekday(rawValue: index)!.name
        let prefix = code.dropLast(2)
        guard let number = Int(prefix) else { return day }
        return "the " + (number == -1 ? "last" : ordinal(number)) + " " + day
    }

    private static func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (1, let rest) where rest != 11: suffix = "st"
        case (2, let rest) where rest != 12: suffix = "nd"
        case (3, let rest) where rest != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
