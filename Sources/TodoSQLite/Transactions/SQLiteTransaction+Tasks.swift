import Foundation
import TodoCore

extension SQLiteTransaction {
    func task(id: String, ownerID: String) throws -> TodoTask? {
        try connection.query(
            TaskColumns.select + " WHERE id = ? AND owner_id = ?", [.text(id), .text(ownerID)], step: "load task",
            TaskColumns.task(from:)
        ).first
    }

    func insert(task: TodoTask) throws {
        let placeholders = Array(repeating: "?", count: 21).joined(separator: ", ")
        try connection.execute(
            "INSERT INTO tasks (\(TaskColumns.names)) VALUES (\(placeholders))", TaskColumns.values(of: task),
            step: "insert task")
        try insertTags(of: task)
    }

    func update(task: TodoTask, expectedVersion: Int) throws -> Bool {
        // ?1 and ?2 (id, owner) are matched, never changed; ?22 is the expected version.
        let sql = """
            UPDATE tasks SET title = ?3, title_key = ?4, description = ?5, search_text = ?6, completed = ?7, \
            completed_at = ?8, priority = ?9, tags = ?10, due_at = ?11, due_date = ?12, deadline = ?13, \
            recurrence = ?14, reminders = ?15, created_at = ?16, updated_at = ?17, version = ?18, \
            recurrence_mode = ?19, series_id = ?20, occurrence = ?21 \
            WHERE id = ?1 AND owner_id = ?2 AND version = ?22
            """
        let values = TaskColumns.values(of: task) + [.integer(Int64(expectedVersion))]
        guard try connection.execute(sql, values, step: "update task") == 1 else { return false }

        try connection.execute("DELETE FROM task_tags WHERE task_id = ?", [.text(task.id)], step: "clear task tags")
        try insertTags(of: task)
        return true
    }

    func deleteTask(id: String, ownerID: String) throws -> Bool {
        // task_tags rows go with the task (ON DELETE CASCADE).
        let deleted = try connection.execute(
            "DELETE FROM tasks WHERE id = ? AND owner_id = ?", [.text(id), .text(ownerID)], step: "delete task")
        return deleted == 1
    }

    func allDayTasks(ownerID: String) throws -> [TodoTask] {
        try connection.query(
            TaskColumns.select + " WHERE owner_id = ? AND due_date IS NOT NULL ORDER BY id", [.text(ownerID)],
            step: "load all-day tasks", TaskColumns.task(from:))
    }

    func tasks(ownerID: String, query: TaskQuery, now: Date) throws -> TaskPage {
        let statement = try TaskListSQL(ownerID: ownerID, query: query, now: now)
        var tasks = try connection.query(
            statement.sql, statement.values, step: "list tasks", TaskColumns.task(from:))

        // One row more than the page was fetched: it says whether a next page exists.
        guard tasks.count > statement.pageSize else { return TaskPage(tasks: tasks, next: nil) }
        tasks.removeLast(tasks.count - statement.pageSize)
        let next = tasks.last.map { TaskCursor.after($0, sort: query.sort, order: query.order) }
        return TaskPage(tasks: tasks, next: next)
    }

    func tags(ownerID: String) throws -> [TagUsage] {
        // The spelling shown is the one on the oldest task carrying the tag. The owner's tasks are
        // found through the owner index, their tags through task_tags' primary key.
        let sql = """
            SELECT name, COUNT(*), SUM(pending) FROM (\
            SELECT tt.tag_key AS tag_key, \
            FIRST_VALUE(tt.tag_name) OVER (PARTITION BY tt.tag_key ORDER BY t.created_at, t.id) AS name, \
            CASE WHEN t.completed = 0 THEN 1 ELSE 0 END AS pending \
            FROM tasks t JOIN task_tags tt ON tt.task_id = t.id WHERE t.owner_id = ?1) \
            GROUP BY tag_key ORDER BY tag_key
            """
        return try connection.query(sql, [.text(ownerID)], step: "count tags") { row in
            TagUsage(name: row.text(0), taskCount: Int(row.int64(1)), pendingCount: Int(row.int64(2)))
        }
    }

    private func insertTags(of task: TodoTask) throws {
        // Keys are unique per task: a second spelling of the same tag adds nothing.
        for name in task.tags {
            try connection.execute(
                "INSERT OR IGNORE INTO task_tags (task_id, owner_id, tag_key, tag_name) VALUES (?, ?, ?, ?)",
                [.text(task.id), .text(task.ownerID), .text(Tag.key(name)), .text(name)], step: "insert task tag")
        }
    }
}
