import Foundation
import TodoCore

extension JSONSchema {
    /// Checks `value` against the schema, adding every problem to `problems` under its field path,
    /// and returns the value with lenient readings applied, or nil when it is invalid.
    ///
    /// Language models do not always send exact JSON types, so some mismatches are read the way
    /// they were obviously meant instead of refused: an integer sent as `"15"` or `15.0`, a boolean
    /// sent as `"true"`, and a single string where an array of strings is expected. Nothing else is
    /// guessed: unknown members, wrong types and values out of range are errors.
    public func validate(_ value: JSONValue, at path: String, into problems: inout ValidationErrors) -> JSONValue? {
        if value.isNull {
            if nullable { return .null }
            problems.add(label(path), code: "invalid_type", "\(label(path)) cannot be null")
            return nil
        }
        switch kind {
        case .string(_, let choices, let maxLength):
            return validateString(value, path: path, choices: choices, maxLength: maxLength, into: &problems)
        case .integer(let minimum, let maximum):
            return validateInteger(value, path: path, minimum: minimum, maximum: maximum, into: &problems)
        case .boolean:
            if let flag = value.boolValue { return .bool(flag) }
            if let text = value.stringValue?.lowercased(), text == "true" || text == "false" {
                return .bool(text == "true")
            }
            problems.add(label(path), code: "invalid_type", "\(label(path)) must be true or false")
            return nil
        case .array(let items, let maxItems):
            return validateArray(value, path: path, items: items, maxItems: maxItems, into: &problems)
        case .object(let properties, let required):
            return validateObject(value, path: path, properties: properties, required: required, into: &problems)
        }
    }

    private func label(_ path: String) -> String {
        path.isEmpty ? "arguments" : path
    }

    private func validateString(
        _ value: JSONValue, path: String, choices: [String]?, maxLength: Int?, into problems: inout ValidationErrors
    ) -> JSONValue? {
        guard let text = value.stringValue else {
            problems.add(label(path), code: "invalid_type", "\(label(path)) must be a string")
            return nil
        }
        if let choices {
            guard let match = choices.first(where: { $0 == text.lowercased() }) else {
                let list = choices.joined(separator: ", ")
                problems.add(label(path), code: "invalid_value", "\(label(path)) must be one of \(list)")
                return nil
            }
            return .string(match)
        }
        if let maxLength, text.count > maxLength {
            problems.add(label(path), code: "too_long", "\(label(path)) has at most \(maxLength) characters")
            return nil
        }
        return .string(text)
    }

    private func validateInteger(
        _ value: JSONValue, path: String, minimum: Int?, maximum: Int?, into problems: inout ValidationErrors
    ) -> JSONValue? {
        let number = value.intValue ?? value.stringValue.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let number else {
            problems.add(label(path), code: "invalid_type", "\(label(path)) must be a whole number")
            return nil
        }
        if let minimum, number < minimum {
            problems.add(label(path), code: "out_of_range", "\(label(path)) must be at least \(minimum)")
            return nil
        }
        if let maximum, number > maximum {
            problems.add(label(path), code: "out_of_range", "\(label(path)) must be at most \(maximum)")
            return nil
        }
        return .number(Double(number))
    }

    private func validateArray(
        _ value: JSONValue, path: String, items: JSONSchema, maxItems: Int?, into problems: inout ValidationErrors
    ) -> JSONValue? {
        var elements: [JSONValue]
        if let array = value.arrayValue {
            elements = array
        } else if value.stringValue != nil, case .string = items.kind {
            elements = [value]
        } else {
            problems.add(label(path), code: "invalid_type", "\(label(path)) must be an array")
            return nil
        }
        if let maxItems, elements.count > maxItems {
            problems.add(label(path), code: "too_many", "\(label(path)) has at most \(maxItems) items")
            return nil
        }
        var valid = true
        for index in elements.indices {
            if let checked = items.validate(elements[index], at: "\(label(path))[\(index)]", into: &problems) {
                elements[index] = checked
            } else {
                valid = false
            }
        }
        return valid ? .array(elements) : nil
    }

    private func validateObject(
        _ value: JSONValue, path: String, properties: [Property], required: [String],
        into problems: inout ValidationErrors
    ) -> JSONValue? {
        guard let members = value.objectValue else {
            problems.add(label(path), code: "invalid_type", "\(label(path)) must be an object")
            return nil
        }
        let prefix = path.isEmpty ? "" : path + "."
        var valid = true
        var checked: [String: JSONValue] = [:]
        for name in members.keys.sorted() where !properties.contains(where: { $0.name == name }) {
            problems.add(prefix + name, code: "unknown_field", "Unknown field '\(name)'")
            valid = false
        }
        for name in required where members[name] == nil {
            problems.add(prefix + name, code: "required", "\(prefix + name) is required")
            valid = false
        }
        for property in properties {
            guard let member = members[property.name] else { continue }
            if let result = property.schema.validate(member, at: prefix + property.name, into: &problems) {
                checked[property.name] = result
            } else {
                valid = false
            }
        }
        return valid ? .object(checked) : nil
    }
}
