import Foundation
import TodoCore

extension PostgresTransaction {
    func task(id: String, ownerID: String) throws -> TodoTask? {
        let result = try connection.execute(
            TaskColumns.select + " WHERE id = $1 AND owner_id = $2" + lockClause, [.text(id), .text(ownerID)],
            step: "load task")
        return try TaskColumns.tasks(from: result).first
    }

    func insert(task: TodoTask) throws {
        let placeholders = (1...TaskColumns.count).map { "$\($0)" }.joined(separator: ", ")
        try connection.execute(
            "INSERT INTO tasks (\(TaskColumns.names)) VALUES (\(placeholders))", TaskColumns.values(of: task),
            step: "insert task")
        try insertTags(of: task)
    }

    func update(task: TodoTask, expectedVersion: Int) throws -> Bool {
        // $1 and $2 (id, owner) are matched, never changed; $22 is the expected version.
        let sql = """
            UPDATE tasks SET title = $3, title_key = $4, description = $5, search_text = $6, completed = $7, \
            completed_at = $8, priority = $9, tags = $10, due_at = $11, due_date = $12, deadline = $13, \
            recurrence = $14, reminders = $15, created_at = $16, updated_at = $17, version = $18, \
            recurrence_mode = $19, series_id = $20, occurrence = $21 \
            WHERE id = $1 AND owner_id = $2 AND version = $22
            """
        let values = TaskColumns.values(of: task) + [.integer(Int64(expectedVersion))]
        guard try connection.execute(sql, values, step: "update task").changedRows == 1 else { return false }

        try connection.execute("DELETE FROM task_tags WHERE task_id = $1", [.text(task.id)], step: "clear task tags")
        try insertTags(of: task)
        return true
    }

    func deleteTask(id: String, ownerID: String) throws -> Bool {
        // task_tags rows go with the task (ON DELETE CASCADE).
        let deleted = try connection.execute(
            "DELETE FROM tasks WHERE id = $1 AND owner_id = $2", [.text(id), .text(ownerID)], step: "delete task")
        return deleted.changedRows == 1
    }

    func allDayTasks(ownerID: String) throws -> [TodoTask] {
        let result = try connection.execute(
            TaskColumns.select + " WHERE owner_id = $1 AND due_date IS NOT NULL ORDER BY id" + lockClause,
            [.text(ownerID)], step: "load all-day tasks")
        return try TaskColumns.tasks(from: result)
    }

    func tasks(ownerID: String, query: TaskQuery, now: Date) throws -> TaskPage {
        let statement = try TaskListSQL(ownerID: ownerID, query: query, now: now)
        var tasks = try TaskColumns.tasks(
            from: try connection.execute(statement.sql, statement.values, step: "list tasks"))

        // One row more than the page was fetched: it says whether a next page exists.
        guard tasks.count > statement.pageSize else { return TaskPage(tasks: tasks, next: nil) }
        tasks.removeLast(tasks.count - statement.pageSize)
        let next = tasks.last.map { TaskCursor.after($0, sort: query.sort, order: query.order) }
        return TaskPage(tasks: tasks, next: next)
    }

    func tags(ownerID: String) throws -> [TagUsage] {
        // The spelling shown is the one on the oldest task carrying the tag; every row of one key
        // has the same FIRST_VALUE, so grouping by it too changes nothing.
        let sql = """
            SELECT name, COUNT(*), SUM(pending) FROM (\
            SELECT tt.tag_key AS tag_key, \
            FIRST_VALUE(tt.tag_name) OVER (PARTITION BY tt.tag_key ORDER BY t.created_at, t.id) AS name, \
            CASE WHEN t.completed THEN 0 ELSE 1 END AS pending \
            FROM tasks t JOIN task_tags tt ON tt.task_id = t.id WHERE t.owner_id = $1) AS usage \
            GROUP BY tag_key, name ORDER BY tag_key
            """
        let result = try connection.execute(sql, [.text(ownerID)], step: "count tags")
        return try (0..<result.rowCount).map { row in
            TagUsage(
                name: result.text(row, 0), taskCount: Int(try result.int64(row, 1)),
                pendingCount: Int(try result.int64(row, 2)))
        }
    }

    private func insertTags(of task: TodoTask) throws {
        guard !task.tags.isEmpty else { return }

        // One statement for all tags; keys are unique per task, so a second spelling of the same
        // tag adds nothing.
        var values: [PostgresValue] = [.text(task.id), .text(task.ownerID)]
        var rows: [String] = []
        for name in task.tags {
            values += [.text(Tag.key(name)), .text(name)]
            rows.append("($1, $2, $\(values.count - 1), $\(values.count))")
        }
        try connection.execute(
            "INSERT INTO task_tags (task_id, owner_id, tag_key, tag_name) VALUES \(rows.joined(separator: ", ")) "
                + "ON CONFLICT DO NOTHING", values, step: "insert task tags")
    }
}
