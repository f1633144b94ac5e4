import CICal
import Foundation

/// An RFC 5545 recurrence rule (the value of an RRULE), checked part by part and then parsed by
/// libical, which also expands it (``RecurrenceSchedule``).
///
/// Rules are kept in libical's canonical spelling, so equal rules compare equal. A task's time of
/// day comes from its due time, so BYHOUR, BYMINUTE and BYSECOND are refused, as are frequencies
/// finer than a day.
public struct RecurrenceRule: Sendable, Hashable, CustomStringConvertible {
    /// The canonical rule text, without an `RRULE:` prefix.
    public let text: String
    /// The COUNT part: how many occurrences the rule has, counted from its start.
    public let count: Int?

    /// The longest rule text accepted.
    public static let maximumLength = 500

    /// Parses and validates `rule`; the problem names the part that is wrong in words a user can
    /// act on.
    public static func parse(_ rule: String) -> Result<RecurrenceRule, RecurrenceRuleProblem> {
        var source = rule.trimmingCharacters(in: .whitespaces)
        if source.uppercased().hasPrefix("RRULE:") { source = String(source.dropFirst(6)) }
        if source.isEmpty { return .failure(.empty) }
        if source.utf8.count > maximumLength { return .failure(.tooLong) }
        // libical reads a C string: a NUL would silently cut the rule short.
        if source.unicodeScalars.contains(where: \.isControlCode) { return .failure(.malformed) }

        let parts: RuleParts
        switch RuleParts.check(source.uppercased()) {
        case .success(let checked): parts = checked
        case .failure(let problem): return .failure(problem)
        }
        return LibICal.withLock { canonical(parts) }
    }

    /// The same rule with its COUNT replaced (nil removes it).
    public func replacingCount(with newCount: Int?) -> RecurrenceRule {
        LibICal.withLock {
            var parsed = icalrecurrencetype_from_string(text)
            parsed.count = Int32(newCount ?? 0)
            return RecurrenceRule(text: Self.serialize(&parsed) ?? text, count: newCount)
        }
    }

    init(text: String, count: Int?) {
        self.text = text
        self.count = count
    }

    public var description: String { text }

    /// Has libical parse the checked rule, refuses what it cannot expand, and spells it canonically.
    /// Runs inside ``LibICal/withLock(_:)``.
    private static func canonical(_ parts: RuleParts) -> Result<RecurrenceRule, RecurrenceRuleProblem> {
        icalerror_clear_errno()
        var parsed = icalrecurrencetype_from_string(parts.text)
        let failed = icalerrno_return().pointee != ICAL_NO_ERROR
        icalerror_clear_errno()
        guard parsed.freq != ICAL_NO_RECURRENCE, !failed else { return .failure(.malformed) }

        // libical refuses some combinations only when asked to expand them, and finds that a
        // rule matches no date at all only by searching; both are checked without COUNT or UNTIL.
        var unbounded = parsed
        unbounded.count = 0
        unbounded.until = icaltime_null_time()
        let start = LibICal.icalTime(
            .timed(LocalDateTime(date: CalendarDate(year: 2026, month: 1, day: 1)!, hour: 9, minute: 0)!))
        guard let iterator = RecurrenceIterator(unbounded, start: start) else { return .failure(.neverOccurs) }
        guard LibICal.scheduledTime(iterator.next()) != nil else { return .failure(.neverOccurs) }

        guard let text = serialize(&parsed) else { return .failure(.malformed) }
        return .success(RecurrenceRule(text: text, count: parsed.count > 0 ? Int(parsed.count) : nil))
    }

    /// libical's spelling of `rule`. Runs inside ``LibICal/withLock(_:)``.
    static func serialize(_ rule: inout icalrecurrencetype) -> String? {
        guard let text = icalrecurrencetype_as_string_r(&rule) else { return nil }
        defer { free(text) }
        return String(cString: text)
    }
}

extension RecurrenceRule {
    /// A rule read back from storage, which holds only rules ``parse(_:)`` accepted: libical reads
    /// its COUNT, and nothing is checked again. Nil when libical cannot parse the text at all.
    public init?(stored text: String) {
        let count: Int?? = LibICal.withLock {
            let parsed = icalrecurrencetype_from_string(text)
            guard parsed.freq != ICAL_NO_RECURRENCE else { return nil }
            return .some(parsed.count > 0 ? Int(parsed.count) : nil)
        }
        guard let count else { return nil }
        self.init(text: text, count: count)
    }
}
