import TodoCore

/// A small JSON Schema (2020-12) vocabulary for tool arguments: each tool declares its arguments
/// once with this, and both the published schema (``document``) and the validation that tool
/// calls go through (``validate(_:at:into:)``) come from that one declaration.
public struct JSONSchema: Sendable {
    public indirect enum Kind: Sendable {
        case string(format: String?, choices: [String]?, maxLength: Int?)
        case integer(minimum: Int?, maximum: Int?)
        case boolean
        case array(items: JSONSchema, maxItems: Int?)
        case object(properties: [Property], required: [String])
    }

    /// One member of an object schema.
    public struct Property: Sendable {
        public let name: String
        public let schema: JSONSchema

        public init(_ name: String, _ schema: JSONSchema) {
            self.name = name
            self.schema = schema
        }
    }

    public let kind: Kind
    public let description: String?
    /// Whether `null` is accepted too (it clears a field in updates).
    public let nullable: Bool

    public init(_ kind: Kind, description: String? = nil, nullable: Bool = false) {
        self.kind = kind
        self.description = description
        self.nullable = nullable
    }

    // Constructors for each kind; the description is what a language model reads.

    /// A string, optionally with a `format` ("date", "date-time"), a fixed set of `choices`
    /// (compared without case) or a length limit.
    public static func string(
        _ description: String, format: String? = nil, choices: [String]? = nil, maxLength: Int? = nil,
        nullable: Bool = false
    ) -> JSONSchema {
        JSONSchema(
            .string(format: format, choices: choices, maxLength: maxLength), description: description,
            nullable: nullable)
    }

    /// A whole number, optionally bounded.
    public static func integer(_ description: String, minimum: Int? = nil, maximum: Int? = nil) -> JSONSchema {
        JSONSchema(.integer(minimum: minimum, maximum: maximum), description: description)
    }

    /// true or false.
    public static func boolean(_ description: String) -> JSONSchema {
        JSONSchema(.boolean, description: description)
    }

    /// An array of `items`.
    public static func array(
        _ description: String, of items: JSONSchema, maxItems: Int? = nil, nullable: Bool = false
    ) -> JSONSchema {
        JSONSchema(.array(items: items, maxItems: maxItems), description: description, nullable: nullable)
    }

    /// An object with exactly these properties (others are refused); `required` must be present.
    public static func object(
        _ properties: [Property], required: [String] = [], description: String? = nil
    ) -> JSONSchema {
        JSONSchema(.object(properties: properties, required: required), description: description)
    }

    /// The schema as a JSON Schema document, as MCP `tools/list` and the Chat Completions `tools`
    /// parameter expect it.
    public var document: JSONValue {
        var members: [String: JSONValue] = [:]
        let type: String
        switch kind {
        case .string(let format, let choices, let maxLength):
            type = "string"
            if let format { members["format"] = .string(format) }
            if let choices { members["enum"] = .array(choices.map(JSONValue.string) + (nullable ? [.null] : [])) }
            if let maxLength { members["maxLength"] = .number(Double(maxLength)) }
        case .integer(let minimum, let maximum):
            type = "integer"
            if let minimum { members["minimum"] = .number(Double(minimum)) }
            if let maximum { members["maximum"] = .number(Double(maximum)) }
        case .boolean:
            type = "boolean"
        case .array(let items, let maxItems):
            type = "array"
            members["items"] = items.document
            if let maxItems { members["maxItems"] = .number(Double(maxItems)) }
        case .object(let properties, let required):
            type = "object"
            members["properties"] = .object(
                Dictionary(uniqueKeysWithValues: properties.map { ($0.name, $0.schema.document) }))
            if !required.isEmpty { members["required"] = .array(required.map(JSONValue.string)) }
            members["additionalProperties"] = false
        }
        members["type"] = nullable ? .array([.string(type), "null"]) : .string(type)
        if let description { members["description"] = .string(description) }
        return .object(members)
    }
}
