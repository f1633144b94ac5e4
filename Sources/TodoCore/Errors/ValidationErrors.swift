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

    /// Adds `unknown_field` for every member of `object` not in `known`, in name order; `prefix`
    /// names the enclosing object (`webhook.`).
    public mutating func addUnknownFields(of object: [String: JSONValue], known: Set<String>, prefix: String = "") {
        for key in object.keys.sorted() where !known.contains(key) {
            add(prefix + key, code: "unknown_field", "Unknown field '\(prefix + key)'")
        }
    }

    /// The members of a request body, or 400 `body_not_object` when it is not a JSON object.
    public static func object(_ body: JSONValue) throws(AppError) -> [String: JSONValue] {
        guard let object = body.objectValue else {
            throw AppError(.badRequest, code: "body_not_object", message: "The request body must be a JSON object")
        }
        return object
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
