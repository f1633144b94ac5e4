import CICal
import Foundation

/// A recurrence rule anchored at its first occurrence (RFC 5545's DTSTART) in its owner's
/// timezone: the dates and times libical expands it to, on the wall clock.
///
/// - All-day starts give all-day occurrences (calendar dates); timed starts keep their time of
///   day, whatever daylight saving does (see ``LocalDateTime`` for the skipped and repeated hours).
/// - UNTIL is compared on the wall clock: a UTC UNTIL is first converted to the owner's time, and
///   a date-only UNTIL on a timed rule includes that whole day. (libical, like RFC 5545, would
///   otherwise end a 09:00 rule with UNTIL=20261231 on December 30th.)
/// - As in libical and RFC 5545, the start is itself an occurrence only when it matches the rule.
public struct RecurrenceSchedule: Sendable {
    public let rule: RecurrenceRule
    public let start: ScheduledTime
    public let timeZone: TimeZone
    /// Whether COUNT ends the expansion; off when the caller counts occurrences itself.
    public let honoursCount: Bool

    /// Occurrences examined at most by one search: about 55 years of a daily rule. A search
    /// that finds nothing within it answers that the rule is over.
    public static let maximumSteps = 20_000

    public init(rule: RecurrenceRule, start: ScheduledTime, timeZone: TimeZone, honoursCount: Bool = true) {
        self.rule = rule
        self.start = start
        self.timeZone = timeZone
        self.honoursCount = honoursCount
    }

    /// The first `limit` occurrences strictly after `reference` (after the start when nil).
    public func occurrences(after reference: ScheduledTime? = nil, limit: Int) -> [ScheduledTime] {
        var found: [ScheduledTime] = []
        _ = search(after: reference) { occurrence in
            found.append(occurrence)
            return found.count >= limit
        }
        return found
    }

    /// The first occurrence strictly after `reference` that `accept` takes; nil when the rule ends
    /// (COUNT, UNTIL, or ``maximumSteps``) before one is found. `accept` runs under libical's lock
    /// and must not call into libical itself.
    public func first(
        after reference: ScheduledTime, where accept: (ScheduledTime) -> Bool = { _ in true }
    ) -> ScheduledTime? {
        search(after: reference, until: accept)
    }

    /// How many occurrences come strictly after `reference`, up to `limit`.
    public func count(after reference: ScheduledTime, limit: Int) -> Int {
        occurrences(after: reference, limit: limit).count
    }

    /// Walks the occurrences after `reference` in order until `stop` says so; returns the one it
    /// stopped at.
    private func search(after reference: ScheduledTime?, until stop: (ScheduledTime) -> Bool) -> ScheduledTime? {
        let floor = reference?.matching(start)
        return LibICal.withLock {
            guard let iterator = RecurrenceIterator(expandedRule(), start: LibICal.icalTime(start)) else { return nil }

            for _ in 0..<Self.maximumSteps {
                guard let occurrence = LibICal.scheduledTime(iterator.next()) else { return nil }
                if let floor, occurrence <= floor { continue }
                if stop(occurrence) { return occurrence }
            }
            return nil
        }
    }

    /// The rule as libical expands it: COUNT kept or dropped, UNTIL on the wall clock of `start`'s
    /// kind. Runs inside ``LibICal/withLock(_:)``.
    private func expandedRule() -> icalrecurrencetype {
        var parsed = icalrecurrencetype_from_string(rule.text)
        if !honoursCount { parsed.count = 0 }
        guard icaltime_is_null_time(parsed.until) == 0, let until = LibICal.wallClock(parsed.until, in: timeZone)
        else { return parsed }

        let bound: ScheduledTime
        switch (until, start) {
        case (.allDay(let day), .timed):
            bound = .timed(LocalDateTime(date: day, hour: 23, minute: 59, second: 59)!)
        default:
            bound = until.matching(start)
        }
        parsed.until = LibICal.icalTime(bound)
        return parsed
    }
}
