import Foundation
import TodoCore

extension SQLiteTransaction {
    func series(id: String, ownerID: String) throws -> TaskSeries? {
        try connection.query(
            SeriesColumns.select + " WHERE id = ? AND owner_id = ?", [.text(id), .text(ownerID)], step: "load series",
            SeriesColumns.series(from:)
        ).first
    }

    func tasks(seriesID: String, ownerID: String, fromOccurrence: Int) throws -> [TodoTask] {
        try connection.query(
            TaskColumns.select + " WHERE series_id = ? AND owner_id = ? AND occurrence >= ? ORDER BY occurrence",
            [.text(seriesID), .text(ownerID), .integer(Int64(fromOccurrence))], step: "load series tasks",
            TaskColumns.task(from:))
    }

    func insert(series: TaskSeries) throws {
        try connection.execute(
            "INSERT INTO task_series (\(SeriesColumns.names)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            SeriesColumns.values(of: series), step: "insert series")
    }

    func update(series: TaskSeries, expectedVersion: Int) throws -> Bool {
        // ?1 and ?2 (id, owner) are matched, never changed; ?12 is the expected version.
        let sql = """
            UPDATE task_series SET rule = ?3, mode = ?4, anchor = ?5, anchor_occurrence = ?6, last_occurrence = ?7, \
            last_scheduled = ?8, created_at = ?9, updated_at = ?10, version = ?11 \
            WHERE id = ?1 AND owner_id = ?2 AND version = ?12
            """
        let values = SeriesColumns.values(of: series) + [.integer(Int64(expectedVersion))]
        return try connection.execute(sql, values, step: "update series") == 1
    }

    func deleteSeries(id: String, ownerID: String) throws -> Bool {
        try connection.execute(
            "DELETE FROM task_series WHERE id = ? AND owner_id = ?", [.text(id), .text(ownerID)],
            step: "delete series") == 1
    }
}
