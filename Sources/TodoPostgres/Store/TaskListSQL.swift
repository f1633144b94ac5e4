import Foundation
import TodoCore

/// The SELECT for one page of `tasks(ownerID:query:now:)`: every ``TaskQuery`` filter, the sort
/// with `id` as the tiebreak in the same direction, and keyset pagination after the cursor.
/// Fetches one row more than the page so the caller knows whether a next page exists.
///
/// Text keys (`title_key`, `id`) are `COLLATE "C"` columns, so they sort by UTF-8 bytes as on
/// SQLite, whatever the database's collation. Search matches the folded `search_text` with `LIKE`,
/// as on SQLite; both sides were folded by ``TextSearch``, so case and accents match alike.
struct TaskListSQL {
    /// Ordering of tasks without a deadline: after all others ascending (see ``TaskCursor/key(of:for:)``).
    static let deadlineKey = "COALESCE(deadline, 9223372036854775807)"

    private(set) var sql = ""
    private(set) var values: [PostgresValue] = []
    let pageSize: Int

    init(ownerID: String, query: TaskQuery, now: Date) throws {
        pageSize = min(max(query.limit, 1), TaskQuery.maximumLimit)
        var conditions = ["owner_id = \(bind(.text(ownerID)))"]

        switch query.status {
        case .all: break
        case .pending: conditions.append("NOT completed")
        case .completed: conditions.append("completed")
        }
        if !query.priorities.isEmpty {
            let list = query.priorities.map { bind(.integer(Int64($0.rank))) }
            conditions.append("priority IN (\(list.joined(separator: ", ")))")
        }
        for key in Set(query.tags.map(Tag.key)).sorted() {
            conditions.append(
                "EXISTS (SELECT 1 FROM task_tags tt WHERE tt.task_id = tasks.id AND tt.tag_key = \(bind(.text(key))))")
        }
        addDeadlineFilters(query, now: now, to: &conditions)
        if let search = query.search {
            let pattern = "%" + Self.escapeLike(TextSearch.fold(search)) + "%"
            conditions.append("search_text LIKE \(bind(.text(pattern))) ESCAPE '\\'")
        }

        let sortKey = Self.sortExpression(query.sort)
        let direction = query.order == .asc ? "ASC" : "DESC"
        if let cursor = query.after {
            try addCursor(cursor, query: query, sortKey: sortKey, to: &conditions)
        }

        let limit = bind(.integer(Int64(pageSize + 1)))
        sql = """
            \(TaskColumns.select) WHERE \(conditions.joined(separator: " AND ")) \
            ORDER BY \(sortKey) \(direction), id \(direction) LIMIT \(limit)
            """
    }

    static func sortExpression(_ sort: TaskQuery.Sort) -> String {
        switch sort {
        case .due: deadlineKey
        case .priority: "priority"
        case .created: "created_at"
        case .updated: "updated_at"
        case .title: "title_key"
        }
    }

    /// Escapes `%`, `_` and the escape character itself for `LIKE … ESCAPE '\'`.
    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Appends `value` and returns its placeholder.
    private mutating func bind(_ value: PostgresValue) -> String {
        values.append(value)
        return "$\(values.count)"
    }

    private mutating func addDeadlineFilters(_ query: TaskQuery, now: Date, to conditions: inout [String]) {
        if let before = query.dueBefore {
            conditions.append("deadline < \(bind(.integer(before.millisecondsSince1970)))")
        }
        if let after = query.dueAfter {
            conditions.append("deadline >= \(bind(.integer(after.millisecondsSince1970)))")
        }
        // Overdue: pending with a deadline strictly before `now`, like `dueBefore: now`.
        switch query.overdue {
        case true?:
            let instant = bind(.integer(now.millisecondsSince1970))
            conditions.append("(NOT completed AND deadline IS NOT NULL AND deadline < \(instant))")
        case false?:
            let instant = bind(.integer(now.millisecondsSince1970))
            conditions.append("(completed OR deadline IS NULL OR deadline >= \(instant))")
        case nil:
            break
        }
    }

    private mutating func addCursor(
        _ cursor: TaskCursor, query: TaskQuery, sortKey: String, to conditions: inout [String]
    ) throws {
        let key: PostgresValue
        switch (cursor.key, query.sort) {
        case (.text(let text), .title): key = .text(text)
        case (.integer(let number), .due), (.integer(let number), .priority), (.integer(let number), .created),
            (.integer(let number), .updated):
            key = .integer(number)
        default: throw Self.invalidCursor
        }
        guard cursor.sort == query.sort, cursor.order == query.order else { throw Self.invalidCursor }

        let comparison = query.order == .asc ? ">" : "<"
        let (keyPlaceholder, idPlaceholder) = (bind(key), bind(.text(cursor.id)))
        conditions.append(
            "(\(sortKey) \(comparison) \(keyPlaceholder) OR (\(sortKey) = \(keyPlaceholder) "
                + "AND id \(comparison) \(idPlaceholder)))")
    }

    private static let invalidCursor = AppError(
        .badRequest, code: "invalid_cursor",
        message: "cursor is not valid for this sort and order; start again without a cursor")
}
