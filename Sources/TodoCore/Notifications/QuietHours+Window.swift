import Foundation

extension QuietHours {
    /// When the quiet window that contains `instant` ends, in the user's `timeZone`; nil when
    /// `instant` is outside every window (or the window is empty, start == end).
    ///
    /// Local times follow the one policy used for every wall-clock rule in the product (RFC 5545,
    /// section 3.3.5, as Foundation's `Calendar` applies it): a time that does not exist because
    /// clocks spring forward is taken as the same time after the jump (02:30 → 03:30), and a time
    /// that exists twice as clocks fall back is its first occurrence.
    public func end(containing instant: Date, in timeZone: TimeZone) -> Date? {
        guard start != end else { return nil }

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let minuteOfDay = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let startMinute = start.hour * 60 + start.minute
        let endMinute = end.hour * 60 + end.minute

        let endsToday: Bool
        if startMinute < endMinute {
            guard minuteOfDay >= startMinute && minuteOfDay < endMinute else { return nil }
            endsToday = true
        } else if minuteOfDay >= startMinute {
            endsToday = false
        } else if minuteOfDay < endMinute {
            endsToday = true
        } else {
            return nil
        }

        guard let today = calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day)),
            let day = endsToday ? today : calendar.date(byAdding: .day, value: 1, to: today)
        else { return nil }
        let dayParts = calendar.dateComponents([.year, .month, .day], from: day)
        let windowEnd = calendar.date(
            from: DateComponents(
                year: dayParts.year, month: dayParts.month, day: dayParts.day, hour: end.hour, minute: end.minute))
        return windowEnd.map { $0 > instant ? $0 : instant }
    }
}
