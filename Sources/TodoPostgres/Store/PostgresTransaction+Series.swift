import Foundation
import TodoCore

extension PostgresTransaction {
    func series(id: String, ownerID: String) throws -> TaskSeries? {
        let result = try connection.execute(
            SeriesColumns.select + " WHERE id = $1 AND owner_id = $2" + lockClause, [.text(id), .text(ownerID)],
            step: "load series")
        return result.rowCount == 0 ? nil : try SeriesColumns.series(from: result, row: 0)
    }

    func tasks(seriesID: String, ownerID: String, fromOccurrence: Int) throws -> [TodoTask] {
        try TaskColumns.tasks(
            from: try connection.execute(
                TaskColumns.select + " WHERE series_id = $1 AND owner_id = $2 AND occurrence >= $3 ORDER BY occurrence"
                    + lockClause, [.text(seriesID), .text(ownerID), .integer(Int64(fromOccurrence))],
                step: "load series tasks"))
    }

    func insert(series: TaskSeries) throws {
        let placeholders = (1...11).map { "$\($0)" }.joined(separator: ", ")
        try connection.execute(
            "INSERT INTO task_series (\(SeriesColumns.names)) VALUES (\(placeholders))",
            SeriesColumns.values(of: series), step: "insert series")
    }

    func update(series: TaskSeries, expectedVersion: Int) throws -> Bool {
        // $1 and $2 (id, owner) are matched, never changed; $12 is the expected version.
        let sql = """
            UPDATE task_series SET rule = $3, mode = $4, anchor = $5, anchor_occurrence = $6, last_occurrence = $7, \
            last_scheduled = $8, created_at = $9, updated_at = $10, version = $11 \
            WHERE id = $1 AND owner_id = $2 AND version = $12
            """
        let values = SeriesColumns.values(of: series) + [.integer(Int64(expectedVersion))]
        return try connection.execute(sql, values, step: "update series").changedRows == 1
    }

    func deleteSeries(id: String, ownerID: String) throws -> Bool {
        try connection.execute(
            "DELETE FROM task_series WHERE id = $1 AND owner_id = $2", [.text(id), .text(ownerID)],
            step: "delete series"
        ).changedRows == 1
    }
}
