import TodoCore

extension TaskToolbox {
    static let completeTask = ChatTool(
        name: "complete_task",
        description: "Mark one of the user's tasks as done. Completing a completed task changes nothing.",
        parameters: .object([taskID], required: ["task_id"])
    ) { arguments, context in
        let id = arguments["task_id"]?.stringValue ?? ""
        let before = try context.tasks.get(for: context.user, id: id)
        let task = try context.tasks.complete(
            for: context.user, id: id, expectedVersion: before.version, context: context.change)
        return .object([
            "task": TaskJSONValue.value(task, timeZone: context.user.timeZone),
            "already_completed": .bool(before.completed),
        ])
    }

    static let deleteTask = ChatTool(
        name: "delete_task",
        description: "Delete one of the user's tasks for good.",
        parameters: .object([taskID], required: ["task_id"])
    ) { arguments, context in
        let id = arguments["task_id"]?.stringValue ?? ""
        let task = try context.tasks.get(for: context.user, id: id)
        try context.tasks.delete(for: context.user, id: id, expectedVersion: task.version, context: context.change)
        return .object(["deleted": .object(["id": .string(task.id), "title": .string(task.title)])])
    }

    static let updateTask = ChatTool(
        name: "update_task",
        description: """
            Change fields of one of the user's tasks; only the fields sent change. tags replaces the tags, \
            add_tags and remove_tags edit them; completed: false reopens a task.
            """,
        parameters: .object(
            [
                taskID, title, description(nullable: true), priority,
                JSONSchema.Property("tags", tags("The task's new tags (replaces them)", nullable: true)),
                JSONSchema.Property("add_tags", tags("Tags to add")),
                JSONSchema.Property("remove_tags", tags("Tags to remove")), dueDate(nullable: true),
                dueAt(nullable: true), recurrence(nullable: true), reminders(nullable: true),
                JSONSchema.Property("completed", .boolean("true marks the task done, false reopens it")),
            ], required: ["task_id"])
    ) { arguments, context in
        guard var members = arguments.objectValue else { throw ValidationErrors().asError() }
        let id = members.removeValue(forKey: "task_id")?.stringValue ?? ""
        let added = members.removeValue(forKey: "add_tags")?.arrayValue ?? []
        let removed = members.removeValue(forKey: "remove_tags")?.arrayValue ?? []
        guard !members.isEmpty || !added.isEmpty || !removed.isEmpty else {
            var problems = ValidationErrors()
            problems.add("arguments", code: "nothing_to_change", "Send at least one field to change")
            throw problems.asError()
        }

        let current = try context.tasks.get(for: context.user, id: id)
        if !added.isEmpty || !removed.isEmpty {
            let base = members["tags"]?.arrayValue?.compactMap(\.stringValue) ?? current.tags
            members["tags"] = .array(edit(base, adding: added, removing: removed).map(JSONValue.string))
        }
        let changes = try TaskChanges.parse(.object(members), mode: .update)
        let task = try context.tasks.update(
            for: context.user, id: id, changes, expectedVersion: current.version, context: context.change)
        return .object(["task": TaskJSONValue.value(task, timeZone: context.user.timeZone)])
    }

    static let setReminder = ChatTool(
        name: "set_reminder",
        description: """
            Add a reminder to one of the user's tasks: minutes_before its due time, or at an exact time. \
            Send exactly one of the two.
            """,
        parameters: .object([taskID, minutesBefore, remindAt], required: ["task_id"])
    ) { arguments, context in
        let id = arguments["task_id"]?.stringValue ?? ""
        let offset = arguments["minutes_before"]
        let instant = arguments["at"]
        guard (offset == nil) != (instant == nil) else {
            var problems = ValidationErrors()
            problems.add("arguments", code: "one_of", "Send exactly one of minutes_before and at")
            throw problems.asError()
        }

        let current = try context.tasks.get(for: context.user, id: id)
        let added: JSONValue = offset.map { .object(["minutes_before": $0]) } ?? .object(["at": instant!])
        let list = (TaskJSONValue.reminders(current.reminders).arrayValue ?? []) + [added]
        let changes = try TaskChanges.parse(.object(["reminders": .array(list)]), mode: .update)
        let task = try context.tasks.update(
            for: context.user, id: id, changes, expectedVersion: current.version, context: context.change)
        return .object(["task": TaskJSONValue.value(task, timeZone: context.user.timeZone)])
    }

    /// `tags` with `adding` appended and `removing` taken out, compared as tags are (no case, no '#').
    private static func edit(_ tags: [String], adding: [JSONValue], removing: [JSONValue]) -> [String] {
        let drop = Set(removing.compactMap(\.stringValue).map { Tag.key(clean($0)) })
        let merged = tags + adding.compactMap(\.stringValue).map(clean)
        return Tag.deduplicate(merged).filter { !drop.contains(Tag.key($0)) }
    }

    private static func clean(_ tag: String) -> String {
        (try? Tag.normalize(tag).get()) ?? tag
    }
}
