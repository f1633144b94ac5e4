import Foundation
import TodoCore

/// How a ``TaskSeries`` maps to a `task_series` row: the rule in canonical text, the mode as its raw
/// value, the anchor and the newest occurrence's scheduled time as `YYYY-MM-DD` (all-day) or
/// `YYYY-MM-DDTHH:MM:SS` (wall-clock time).
enum SeriesColumns {
    static let names = """
        id, owner_id, rule, mode, anchor, anchor_occurrence, last_occurrence, last_scheduled, created_at, \
        updated_at, version
        """

    static let select = "SELECT \(names) FROM task_series"

    static func values(of series: TaskSeries) -> [SQLiteValue] {
        [
            .text(series.id), .text(series.ownerID), .text(series.rule.text), .text(series.mode.rawValue),
            .text(series.anchor.description), .integer(Int64(series.anchorOccurrence)),
            .integer(Int64(series.lastOccurrence)), .text(series.lastScheduled.description),
            .integer(series.createdAt.millisecondsSince1970),
            .integer(series.updatedAt.millisecondsSince1970), .integer(Int64(series.version)),
        ]
    }

    static func series(from row: SQLiteStatement) throws -> TaskSeries {
        let id = row.text(0)
        guard let rule = RecurrenceRule(stored: row.text(2)), let mode = RecurrenceMode(rawValue: row.text(3)),
            let anchor = ScheduledTime(row.text(4)), let lastScheduled = ScheduledTime(row.text(7))
        else { throw AppError.internal("decode series \(id): invalid rule, mode or scheduled time") }

        return TaskSeries(
            id: id, ownerID: row.text(1), rule: rule, mode: mode, anchor: anchor,
            anchorOccurrence: Int(row.int64(5)), lastOccurrence: Int(row.int64(6)), lastScheduled: lastScheduled,
            createdAt: Date(millisecondsSince1970: row.int64(8)), updatedAt: Date(millisecondsSince1970: row.int64(9)),
            version: Int(row.int64(10)))
    }
}
