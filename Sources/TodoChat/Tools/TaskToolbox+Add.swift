import TodoCore

extension TaskToolbox {
    static let addTask = ChatTool(
        name: "add_task",
        description: "Add a task to the user's list. Only the title is required.",
        parameters: .object(
            [
                title, description(nullable: false), priority,
                JSONSchema.Property("tags", tags("Tags to file the task under")), dueDate(nullable: false),
                dueAt(nullable: false), recurrence(nullable: false), reminders(nullable: false),
            ], required: ["title"])
    ) { arguments, context in
        let changes = try TaskChanges.parse(arguments, mode: .create)
        let task = try context.tasks.create(for: context.user, changes, context: context.change)
        return .object(["task": TaskJSONValue.value(task, timeZone: context.user.timeZone)])
    }
}
