import Foundation

/// Decides when the next instance of a series is due once an instance is completed. Pure: it
/// reads the series, the completed task and the owner's timezone, and touches nothing.
///
/// - From the schedule (``RecurrenceMode/fromSchedule``): the first occurrence after the completed
///   instance's due time (and after the time the schedule gave it, should it have been moved
///   earlier) that is not already overdue at the moment it was completed. A task
///   completed late is followed by one instance, the next one still ahead, not by the ones it
///   missed; one completed early is followed by the occurrence after its own.
/// - From completion (``RecurrenceMode/fromCompletion``): the rule restarted on the day of the
///   completion, at the series' time of day, and its first occurrence after that start and after
///   the time the schedule gave the completed instance. COUNT then counts instances from the
///   series' anchor.
/// - UNTIL ends either mode: no occurrence after it is ever planned.
public enum SeriesPlanner {
    /// The next occurrence, or nil when the series is over.
    public static func next(after task: TodoTask, in series: TaskSeries, timeZone: TimeZone) -> ScheduledTime? {
        let completedAt = task.completedAt ?? task.updatedAt
        switch series.mode {
        case .fromSchedule:
            let schedule = RecurrenceSchedule(rule: series.rule, start: series.anchor, timeZone: timeZone)
            let due = task.due.map { ScheduledTime.of($0, in: timeZone).matching(series.anchor) } ?? series.anchor
            let reference = max(due, series.lastScheduled.matching(series.anchor))
            return schedule.first(after: reference) { $0.deadline(in: timeZone) > completedAt }

        case .fromCompletion:
            let number = (task.occurrence ?? series.lastOccurrence) + 1 - series.anchorOccurrence + 1
            if let count = series.rule.count, number > count { return nil }

            let restart = series.anchor.moved(to: LocalDateTime.of(completedAt, in: timeZone).date)
            let schedule = RecurrenceSchedule(
                rule: series.rule, start: restart, timeZone: timeZone, honoursCount: false)
            return schedule.first(after: max(restart, series.lastScheduled.matching(restart)))
        }
    }
}
