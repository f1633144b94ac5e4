import Foundation

extension QuietHours {
    /// When the quiet window that contains `instant` ends, in the user's `timeZone`; nil when
    /// `instant` is outside every window (or the window is empty, start == end).
    ///
    /// Local times follow ``LocalDateTime``'s policy, the one every wall-clock rule in the product
    /// uses: an end time that clocks skip (02:30 as they spring forward) is read with the offset
    /// before the jump, so it lands after it (03:30), and one that happens twice is its first
    /// occurrence.
    public func end(containing instant: Date, in timeZone: TimeZone) -> Date? {
        guard start != end else { return nil }

        let now = LocalDateTime.of(instant, in: timeZone)
        let minuteOfDay = now.hour * 60 + now.minute
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

        let day = endsToday ? now.date : now.date.next
        guard let windowEnd = LocalDateTime(date: day, hour: end.hour, minute: end.minute) else { return nil }
        return max(windowEnd.instant(in: timeZone), instant)
    }
}
