/// Collects every invalid field of one input so that a client sees all problems at once.
///
/// Field paths use dots and indexes (`tags[2]`, `reminders[0].at`).
public struct ValidationErrors: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var field: String
        public var code: String
        public var message: String

        public init(field: String, code: String, message: String) {
            self.field = field
            self.code = code
            self.message = message
        }
    }

    public private(set) var fields: [Field] = []

    public init() {}

    public var isEmpty: Bool { fields.isEmpty }

    public mutating func add(_ field: String, code: String, _ message: String) {
        fields.append(Field(field: field, code: code, message: message))
    }

    /// Throws a 422 `validation_failed` error listing every field, if any were added.
    public func throwIfAny() throws(AppError) {
        guard !fields.isEmpty else { return }
        throw asError()
    }

    public func asError() -> AppError {
        let list: [JSONValue] = fields.map { field in
            .object(["field": .string(field.field), "code": .string(field.code), "message": .string(field.message)])
        }
        let summary = fields.count == 1 ? fields[0].message : "\(fields.count) fields are invalid"
        return AppError(
            .validation, code: "validation_failed", message: summary, details: .object(["fields": .array(list)]))
    }
}
