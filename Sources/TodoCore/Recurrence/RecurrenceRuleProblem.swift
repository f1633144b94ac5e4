/// Why a recurrence rule was refused: a stable code and a message naming the part at fault.
public struct RecurrenceRuleProblem: Error, Sendable, Equatable {
    public let code: String
    public let message: String

    init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    static let empty = RecurrenceRuleProblem("empty", "The recurrence rule is empty")
    static let tooLong = RecurrenceRuleProblem(
        "too_long", "The recurrence rule is longer than \(RecurrenceRule.maximumLength) characters")
    static let missingFrequency = RecurrenceRuleProblem(
        "missing_freq", "The recurrence rule needs a FREQ part, such as FREQ=WEEKLY")
    static let malformed = RecurrenceRuleProblem("malformed", "The recurrence rule is not a valid RFC 5545 RRULE")
    static let countWithUntil = RecurrenceRuleProblem(
        "count_with_until", "COUNT and UNTIL cannot both be used: a rule ends one way or the other")
    static let neverOccurs = RecurrenceRuleProblem(
        "never_occurs", "The recurrence rule matches no date at all (such as BYMONTH=2;BYMONTHDAY=30)")

    static func notNameValue(_ part: String) -> RecurrenceRuleProblem {
        RecurrenceRuleProblem("malformed_part", "'\(part)' is not a NAME=VALUE part")
    }

    static func unknownPart(_ name: String) -> RecurrenceRuleProblem {
        RecurrenceRuleProblem("unknown_part", "\(name) is not a recurrence rule part")
    }

    static func duplicatePart(_ name: String) -> RecurrenceRuleProblem {
        RecurrenceRuleProblem("duplicate_part", "\(name) appears more than once")
    }

    static func unsupportedPart(_ name: String, _ reason: String) -> RecurrenceRuleProblem {
        RecurrenceRuleProblem("unsupported_part", "\(name) is not supported: \(reason)")
    }

    static func invalidValue(_ name: String, _ value: String, _ expected: String) -> RecurrenceRuleProblem {
        RecurrenceRuleProblem("invalid_value", "\(name)=\(value): \(expected)")
    }

    static func notWithFrequency(_ name: String, _ frequency: String, _ reason: String) -> RecurrenceRuleProblem {
        RecurrenceRuleProblem("invalid_combination", "\(name) cannot be used with FREQ=\(frequency): \(reason)")
    }
}
