import Foundation

extension TaskChanges {
    /// Fields a client may send back unchanged from a task it read; they are ignored.
    static let readOnlyFields: Set<String> = [
        "id", "completed_at", "created_at", "updated_at", "version", "due_at_local", "due", "timezone", "series_id",
        "occurrence",
    ]

    static let writableFields: Set<String> = [
        "title", "description", "priority", "tags", "due_at", "due_date", "recurrence", "recurrence_mode", "reminders",
        "completed",
    ]

    static let acceptedFields = writableFields.union(readOnlyFields)

    /// Reads a JSON object into changes, collecting every invalid field into one 422 error.
    /// In `.create` mode a title is required.
    public static func parse(_ json: JSONValue, mode: Mode) throws(AppError) -> TaskChanges {
        let object = try ValidationErrors.object(json)

        var problems = ValidationErrors()
        var changes = TaskChanges()

        problems.addUnknownFields(of: object, known: acceptedFields)

        if let value = object["title"] {
            if let title = parseTitle(value, into: &problems) { changes.title = .set(title) }
        } else if mode == .create {
            problems.add("title", code: "required", "A title is required")
        }

        if let value = object["description"] {
            parseDescription(value, into: &problems).map { changes.description = .set($0) }
        }
        if let value = object["priority"] {
            parsePriority(value, into: &problems).map { changes.priority = .set($0) }
        }
        if let value = object["tags"] {
            parseTags(value, into: &problems).map { changes.tags = .set($0) }
        }
        if let due = parseDue(object, into: &problems) {
            changes.due = .set(due)
        }
        if let value = object["recurrence"] {
            parseRecurrence(value, into: &problems).map { changes.recurrence = .set($0) }
        }
        if let value = object["recurrence_mode"] {
            parseRecurrenceMode(value, into: &problems).map { changes.recurrenceMode = .set($0) }
        }
        if let value = object["reminders"] {
            parseReminders(value, into: &problems).map { changes.reminders = .set($0) }
        }
        if let value = object["completed"] {
            if let flag = value.boolValue {
                changes.completed = .set(flag)
            } else {
                problems.add("completed", code: "invalid_type", "completed must be true or false")
            }
        }

        try problems.throwIfAny()
        return changes
    }

    private static func parseTitle(_ value: JSONValue, into problems: inout ValidationErrors) -> String? {
        guard let raw = value.stringValue else {
            problems.add("title", code: "invalid_type", "title must be a string")
            return nil
        }
        let title = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            problems.add("title", code: "empty", "title cannot be empty")
        } else if !title.fits(characters: maximumTitleLength) {
            problems.add(
                "title", code: "too_long",
                "title has at most \(maximumTitleLength) characters (and 8 code points per character)")
        } else if title.unicodeScalars.contains(where: \.isControlCode) {
            problems.add("title", code: "invalid_characters", "title cannot contain control characters")
        } else {
            return title
        }
        return nil
    }

    /// Returns `.some(nil)` to clear the description, nil when invalid.
    private static func parseDescription(_ value: JSONValue, into problems: inout ValidationErrors) -> String?? {
        if value.isNull { return .some(nil) }
        guard let text = value.stringValue else {
            problems.add("description", code: "invalid_type", "description must be a string or null")
            return nil
        }
        if !text.fits(characters: maximumDescriptionLength) {
            problems.add(
                "description", code: "too_long",
                "description has at most \(maximumDescriptionLength) characters (and 8 code points per character)")
            return nil
        }
        let forbidden = text.unicodeScalars.contains {
            $0.isControlCode && !["\n", "\r", "\t"].contains($0)
        }
        if forbidden {
            problems.add("description", code: "invalid_characters", "description cannot contain control characters")
            return nil
        }
        return .some(text.isEmpty ? nil : text)
    }

    private static func parsePriority(_ value: JSONValue, into problems: inout ValidationErrors) -> Priority? {
        if value.isNull { return Priority.none }
        guard let text = value.stringValue, let priority = Priority(rawValue: text.lowercased()) else {
            let names = Priority.allCases.map(\.rawValue).joined(separator: ", ")
            problems.add("priority", code: "invalid_value", "priority must be one of \(names)")
            return nil
        }
        return priority
    }

    private static func parseTags(_ value: JSONValue, into problems: inout ValidationErrors) -> [String]? {
        if value.isNull { return [] }
        guard let items = value.arrayValue else {
            problems.add("tags", code: "invalid_type", "tags must be an array of strings")
            return nil
        }
        var names: [String] = []
        var valid = true
        for (index, item) in items.enumerated() {
            guard let raw = item.stringValue else {
                problems.add("tags[\(index)]", code: "invalid_type", "A tag must be a string")
                valid = false
                continue
            }
            switch Tag.normalize(raw) {
            case .success(let name): names.append(name)
            case .failure(let problem):
                problems.add("tags[\(index)]", code: "invalid_tag", problem.message)
                valid = false
            }
        }
        let unique = Tag.deduplicate(names)
        if unique.count > Tag.maximumCount {
            problems.add("tags", code: "too_many", "A task has at most \(Tag.maximumCount) tags")
            valid = false
        }
        return valid ? unique : nil
    }
}
