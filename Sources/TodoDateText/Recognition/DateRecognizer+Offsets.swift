import Foundation
import TodoCore

extension DateRecognizer {
    /// An amount of time from now: "in 3 days", "in 2 hours", "in half an hour", "3 weeks from now",
    /// "a week from today", "in a fortnight". Minutes and hours give an instant (elapsed time);
    /// days and longer give a calendar day.
    func parseOffset(_ reader: inout WordReader) -> DatePiece? {
        var attempt = reader
        let leadingIn = attempt.take(["in", "within"]) != nil
        if leadingIn {
            _ = attempt.take(["about", "around", "like", "the", "next"])
        }
        let afterIn = attempt

        var amount: (count: Int, unit: Unit)?
        if attempt.take(sequence: ["half", "an", "hour"]) {
            amount = (30, .minute)
        } else if attempt.take(["a", "one"]) != nil, attempt.take("fortnight") {
            amount = (2, .week)
        } else {
            attempt = afterIn
            guard let count = NumberWords.count(&attempt), let unitWord = attempt.peek(),
                let unit = Unit(unitWord)
            else { return nil }
            attempt.advance()
            amount = (count, unit)
            // "an hour and a half"
            if unit == .hour, attempt.take(sequence: ["and", "a", "half"]) {
                amount = (count * 60 + 30, .minute)
            }
        }
        guard let amount else { return nil }

        // Without "in", the amount needs "from now" or "from today" after it.
        if !leadingIn {
            guard attempt.take(sequence: ["from", "now"]) || attempt.take(sequence: ["from", "today"]) else {
                return nil
            }
        } else {
            _ = attempt.take(sequence: ["from", "now"])
        }
        reader = attempt
        return piece(amount.count, amount.unit)
    }

    private func piece(_ count: Int, _ unit: Unit) -> DatePiece {
        let today = context.today
        switch unit {
        case .minute: return .instant(context.now.addingTimeInterval(TimeInterval(count * 60)))
        case .hour: return .instant(context.now.addingTimeInterval(TimeInterval(count * 3600)))
        case .day: return today.adding(days: count).map(DatePiece.day) ?? .unclear("That is too far away")
        case .week: return today.adding(days: 7 * count).map(DatePiece.day) ?? .unclear("That is too far away")
        case .month: return today.adding(months: count).map(DatePiece.day) ?? .unclear("That is too far away")
        case .year: return today.adding(months: 12 * count).map(DatePiece.day) ?? .unclear("That is too far away")
        }
    }

    enum Unit: Equatable {
        case minute, hour, day, week, month, year

        init?(_ word: String) {
            switch word {
            case "minute", "minutes", "min", "mins", "m": self = .minute
            case "hour", "hours", "hr", "hrs", "h": self = .hour
            case "day", "days": self = .day
            case "week", "weeks", "wk", "wks": self = .week
            case "month", "months": self = .month
            case "year", "years", "yr", "yrs": self = .year
            default: return nil
            }
        }
    }
}
