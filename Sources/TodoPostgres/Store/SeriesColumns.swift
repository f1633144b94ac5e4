import Foundation
import TodoCore

/// How a ``TaskSeries`` maps to a `task_series` row, as on SQLite: the rule in canonical text, the
/// mode as its raw value, the anchor and the newest occurrence's scheduled time as text.
enum SeriesColumns {
    static let names = """
        id, owner_id, rule, mode, anchor, anchor_occurrence, last_occurrence, last_scheduled, created_at, \
        updated_at, version
        """

    static let select = "SELECT \(names) FROM task_series"

    static func values(of series: TaskSeries) -> [PostgresValue] {
        [
            .text(series.id), .text(series.ownerID), .text(series.rule.text), .text(series.mode.rawValue),
            .text(series.anchor.description), .integer(Int64(series.anchorOccurrence)),
            .integer(Int64(series.lastOccurrence)), .text(series.lastScheduled.description),
            .integer(series.createdAt.millisecondsSince1970), .integer(series.updatedAt.millisecondsSince1970),
            .integer(Int64(series.version)),
        ]
    }

    static func series(from result: PostgresResult, row: Int) throws -> TaskSeries {
        let id = result.text(row, 0)
        guard let rule = RecurrenceRule(stored: result.text(row, 2)),
            let mode = RecurrenceMode(rawValue: result.text(row, 3)), let anchor = ScheduledTime(result.text(row, 4)),
            let lastScheduled = ScheduledTime(result.text(row, 7))
        else { throw AppError.internal("decode series \(id): invalid rule, mode or scheduled time") }

        return TaskSeries(
            id: id, ownerID: result.text(row, 1), rule: rule, mode: mode, anchor: anchor,
            anchorOccurrence: Int(try result.int64(row, 5)), lastOccurrence: Int(try result.int64(row, 6)),
            lastScheduled: lastScheduled, createdAt: Date(millisecondsSince1970: try result.int64(row, 8)),
            updatedAt: Date(millisecondsSince1970: try result.int64(row, 9)), version: Int(try result.int64(row, 10)))
    }
}
