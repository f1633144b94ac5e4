import CICal
import Foundation
import Synchronization

/// An RFC 5545 recurrence rule (the value of an RRULE), checked by libical.
///
/// Only the syntax and value ranges are checked here; expansion into occurrences belongs to the
/// recurring-task service. Rules are kept in libical's canonical spelling so equal rules compare equal.
public struct RecurrenceRule: Sendable, Hashable, CustomStringConvertible {
    /// The canonical rule text, without an `RRULE:` prefix.
    public let text: String

    /// Frequencies a task may repeat at; finer ones make no sense for a todo list.
    static let allowedFrequencies: [icalrecurrencetype_frequency: String] = [
        ICAL_DAILY_RECURRENCE: "DAILY", ICAL_WEEKLY_RECURRENCE: "WEEKLY",
        ICAL_MONTHLY_RECURRENCE: "MONTHLY", ICAL_YEARLY_RECURRENCE: "YEARLY",
    ]

    /// Serializes calls into libical, whose error state and string buffers are process-wide.
    private static let libical = Mutex(())

    /// Parses and validates `rule`; the error explains what is wrong in words a user can act on.
    public static func parse(_ rule: String) -> Result<RecurrenceRule, RecurrenceRuleProblem> {
        var source = rule.trimmingCharacters(in: .whitespaces)
        if source.uppercased().hasPrefix("RRULE:") { source = String(source.dropFirst(6)) }
        if source.isEmpty { return .failure(.empty) }
        if source.utf8.count > 500 { return .failure(.tooLong) }
        if !source.uppercased().contains("FREQ=") { return .failure(.missingFrequency) }
        // libical reads a C string: a NUL would silently cut the rule short.
        if source.unicodeScalars.contains(where: \.isControlCode) { return .failure(.malformed) }

        return libical.withLock { _ in
            icalerror_clear_errno()
            let parsed = icalrecurrencetype_from_string(source.uppercased())
            guard parsed.freq != ICAL_NO_RECURRENCE, icalerrno_return().pointee == ICAL_NO_ERROR else {
                return .failure(.malformed)
            }
            guard allowedFrequencies[parsed.freq] != nil else { return .failure(.unsupportedFrequency) }

            // Creating an iterator checks value ranges that parsing lets through (BYMONTH=13).
            let start = icaltime_from_string("20260101T090000")
            guard let iterator = icalrecur_iterator_new(parsed, start) else { return .failure(.outOfRange) }
            icalrecur_iterator_free(iterator)

            var copy = parsed
            guard let canonical = icalrecurrencetype_as_string_r(&copy) else { return .failure(.malformed) }
            defer { free(canonical) }
            return .success(RecurrenceRule(text: String(cString: canonical)))
        }
    }

    private init(text: String) {
        self.text = text
    }

    public var description: String { text }
}

/// Why a recurrence rule was refused.
public enum RecurrenceRuleProblem: Error, Sendable {
    case empty, tooLong, missingFrequency, malformed, unsupportedFrequency, outOfRange

    public var message: String {
        switch self {
        case .empty: "The recurrence rule is empty"
        case .tooLong: "The recurrence rule is longer than 500 characters"
        case .missingFrequency: "The recurrence rule needs a FREQ part, such as FREQ=WEEKLY"
        case .malformed: "The recurrence rule is not a valid RFC 5545 RRULE"
        case .unsupportedFrequency: "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"
        case .outOfRange: "A value in the recurrence rule is out of range (e.g. BYMONTH=13 or BYMONTHDAY=32)"
        }
    }
}
