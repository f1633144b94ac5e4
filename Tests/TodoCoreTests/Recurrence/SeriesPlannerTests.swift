import Foundation
import Testing
import TodoCore

/// When the next instance is due, from the schedule and from completion, early, on time and late.
@Suite struct SeriesPlannerTests {
    let newYork = TimeZone(identifier: "America/New_York")!

    private func series(_ rule: String, _ anchor: String, mode: RecurrenceMode = .fromSchedule) throws -> TaskSeries {
        TaskSeries(
            id: "series", ownerID: "owner", rule: try RecurrenceRule.parse(rule).get(), mode: mode,
            anchor: try #require(ScheduledTime(anchor)), createdAt: Date(), updatedAt: Date())
    }

    /// A completed instance due at `due` (wall clock in New York), completed at `completed`.
    private func instance(due: String, completed: String, occurrence: Int = 1) throws -> TodoTask {
        let dueTime = try #require(ScheduledTime(due))
        let completedAt = try #require(LocalDateTime(completed)).instant(in: newYork)
        return TodoTask(
            id: "task", ownerID: "owner", title: "Water the plants", completed: true, completedAt: completedAt,
            due: dueTime.due(in: newYork), occurrence: occurrence, createdAt: completedAt, updatedAt: completedAt)
    }

    private func next(_ task: TodoTask, _ series: TaskSeries) -> String? {
        SeriesPlanner.next(after: task, in: series, timeZone: newYork)?.description
    }

    @Test func onTimeCompletionGivesTheNextScheduledOccurrence() throws {
        let weekly = try series("FREQ=WEEKLY;BYDAY=TU", "2026-03-03T09:00:00")
        let task = try instance(due: "2026-03-03T09:00:00", completed: "2026-03-03T08:30:00")
        #expect(next(task, weekly) == "2026-03-10T09:00:00")
    }

    @Test func earlyCompletionStillGivesTheOccurrenceAfterItsOwn() throws {
        let daily = try series("FREQ=DAILY", "2026-03-01T09:00:00")
        let task = try instance(due: "2026-03-05T09:00:00", completed: "2026-03-02T20:00:00")
        #expect(next(task, daily) == "2026-03-06T09:00:00")
    }

    @Test func lateCompletionSkipsTheOccurrencesAlreadyOverdue() throws {
        let daily = try series("FREQ=DAILY", "2026-03-01T09:00:00")
        let task = try instance(due: "2026-03-02T09:00:00", completed: "2026-03-06T10:00:00")
        #expect(next(task, daily) == "2026-03-07T09:00:00")

        let allDay = try series("FREQ=DAILY", "2026-03-01")
        let lateAllDay = try instance(due: "2026-03-02", completed: "2026-03-06T10:00:00")
        #expect(next(lateAllDay, allDay) == "2026-03-06")
    }

    @Test func anInstanceMovedEarlierIsNotFollowedByItsOwnSlot() throws {
        // This Tuesday's instance was moved to Monday and done then: next comes next Tuesday.
        var weekly = try series("FREQ=WEEKLY;BYDAY=TU", "2026-03-03T09:00:00")
        weekly.lastScheduled = try #require(ScheduledTime("2026-03-10T09:00:00"))
        let moved = try instance(due: "2026-03-09T09:00:00", completed: "2026-03-09T09:30:00", occurrence: 2)
        #expect(next(moved, weekly) == "2026-03-17T09:00:00")

        weekly.mode = .fromCompletion
        #expect(next(moved, weekly) == "2026-03-17T09:00:00")
    }

    @Test func fromCompletionRestartsTheRuleOnTheDayItWasDone() throws {
        let everyThreeDays = try series("FREQ=DAILY;INTERVAL=3", "2026-03-01T09:00:00", mode: .fromCompletion)
        let task = try instance(due: "2026-03-04T09:00:00", completed: "2026-03-05T18:00:00")
        #expect(next(task, everyThreeDays) == "2026-03-08T09:00:00")

        let everyOtherWeek = try series("FREQ=WEEKLY;INTERVAL=2", "2026-03-02", mode: .fromCompletion)
        let allDay = try instance(due: "2026-03-02", completed: "2026-03-04T07:00:00")
        #expect(next(allDay, everyOtherWeek) == "2026-03-18")
    }

    @Test func fromScheduleKeepsTheGridWhereFromCompletionMovesIt() throws {
        let task = try instance(due: "2026-03-04T09:00:00", completed: "2026-03-05T18:00:00")
        let grid = try series("FREQ=DAILY;INTERVAL=3", "2026-03-01T09:00:00")
        #expect(next(task, grid) == "2026-03-07T09:00:00")
    }

    @Test func countEndsTheSeriesInBothModes() throws {
        let scheduled = try series("FREQ=DAILY;COUNT=3", "2026-03-01T09:00:00")
        #expect(next(try instance(due: "2026-03-02T09:00:00", completed: "2026-03-02T09:00:00"), scheduled) != nil)
        #expect(next(try instance(due: "2026-03-03T09:00:00", completed: "2026-03-03T09:00:00"), scheduled) == nil)

        let fromCompletion = try series("FREQ=DAILY;COUNT=3", "2026-03-01T09:00:00", mode: .fromCompletion)
        let second = try instance(due: "2026-03-02T09:00:00", completed: "2026-03-09T09:00:00", occurrence: 2)
        #expect(next(second, fromCompletion) == "2026-03-10T09:00:00")
        let third = try instance(due: "2026-03-10T09:00:00", completed: "2026-03-10T09:00:00", occurrence: 3)
        #expect(next(third, fromCompletion) == nil)
    }

    @Test func untilEndsTheSeriesEvenWhenCompletedLate() throws {
        let weekly = try series("FREQ=WEEKLY;UNTIL=20260317", "2026-03-03T09:00:00")
        let late = try instance(due: "2026-03-03T09:00:00", completed: "2026-03-18T09:00:00")
        #expect(next(late, weekly) == nil)
        let onTime = try instance(due: "2026-03-10T09:00:00", completed: "2026-03-10T09:00:00")
        #expect(next(onTime, weekly) == "2026-03-17T09:00:00")
    }

    @Test func aTuesdayAtNineStaysAtNineAcrossTheSpringChange() throws {
        let weekly = try series("FREQ=WEEKLY;BYDAY=TU", "2026-03-03T09:00:00")
        let task = try instance(due: "2026-03-03T09:00:00", completed: "2026-03-03T09:05:00")
        let due = try #require(SeriesPlanner.next(after: task, in: weekly, timeZone: newYork)?.due(in: newYork))
        guard case .instant(let instant) = due else { throw PlannerTestFailure() }
        #expect(RFC3339.format(instant, in: newYork) == "2026-03-10T09:00:00-04:00")
    }
}

private struct PlannerTestFailure: Error {}
