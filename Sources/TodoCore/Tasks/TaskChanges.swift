import Foundation

/// A field of a partial update: left as it is, or set to a value (which may be nil for fields that
/// can be cleared).
public enum FieldUpdate<Value: Sendable>: Sendable {
    case unchanged
    case set(Value)

    public var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }
}

extension FieldUpdate: Equatable where Value: Equatable {}

/// Validated input for creating a task (every field a client may send) or changing one (only the
/// fields it sent). Parsed from JSON by ``parse(_:mode:)``.
public struct TaskChanges: Sendable, Equatable {
    public enum Mode: Sendable {
        case create, update
    }

    public var title: FieldUpdate<String> = .unchanged
    public var description: FieldUpdate<String?> = .unchanged
    public var priority: FieldUpdate<Priority> = .unchanged
    public var tags: FieldUpdate<[String]> = .unchanged
    public var due: FieldUpdate<Due?> = .unchanged
    public var recurrence: FieldUpdate<String?> = .unchanged
    /// Nil (JSON null) means the default, ``RecurrenceMode/fromSchedule``.
    public var recurrenceMode: FieldUpdate<RecurrenceMode?> = .unchanged
    public var reminders: FieldUpdate<[Reminder]> = .unchanged
    public var completed: FieldUpdate<Bool> = .unchanged

    public init() {}

    public static let maximumTitleLength = 500
    public static let maximumDescriptionLength = 10_000
}
