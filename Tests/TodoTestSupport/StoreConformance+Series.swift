import Foundation
import Testing
import TodoCore

extension StoreConformance {
    static func seriesRoundTripAndVersionedUpdates(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let intruder = try StoreFixtures.insertUser(store, "intruder@example.com")
        let series = try StoreFixtures.series(
            owner, rule: "FREQ=MONTHLY;BYDAY=-1FR;COUNT=12", anchor: "2026-01-30T17:00:00")
        try store.write { try $0.insert(series: series) }
        #expect(try store.read { try $0.series(id: series.id, ownerID: owner.id) } == series)
        #expect(try store.read { try $0.series(id: series.id, ownerID: intruder.id) } == nil)

        var changed = series
        changed.rule = try RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=TU").get()
        changed.mode = .fromCompletion
        changed.anchor = .allDay(CalendarDate(year: 2026, month: 2, day: 3)!)
        changed.anchorOccurrence = 4
        changed.lastOccurrence = 5
        changed.lastScheduled = .timed(LocalDateTime("2026-03-03T17:00:00")!)
        changed.updatedAt = StoreFixtures.at(minutes: 10)
        changed.version = 2
        #expect(try store.write { try $0.update(series: changed, expectedVersion: 7) } == false)
        var stolen = changed
        stolen.ownerID = intruder.id
        #expect(try store.write { try $0.update(series: stolen, expectedVersion: 1) } == false)
        #expect(try store.write { try $0.update(series: changed, expectedVersion: 1) } == true)
        #expect(try store.read { try $0.series(id: series.id, ownerID: owner.id) } == changed)

        #expect(try store.write { try $0.deleteSeries(id: series.id, ownerID: intruder.id) } == false)
        #expect(try store.write { try $0.deleteSeries(id: series.id, ownerID: owner.id) } == true)
        #expect(try store.read { try $0.series(id: series.id, ownerID: owner.id) } == nil)
    }

    static func occurrencesAreUniquePerSeries(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let first = try StoreFixtures.series(owner, rule: "FREQ=DAILY", anchor: "2026-03-01")
        let second = try StoreFixtures.series(owner, rule: "FREQ=DAILY", anchor: "2026-03-01")
        try store.write { writer in
            try writer.insert(series: first)
            try writer.insert(series: second)
        }
        let one = StoreFixtures.occurrence(owner, first, 1)
        try StoreFixtures.insert(
            store,
            [
                one, StoreFixtures.occurrence(owner, second, 1), StoreFixtures.task(owner, "plain a"),
                StoreFixtures.task(owner, "plain b"),
            ])

        #expect {
            try store.write { try $0.insert(task: StoreFixtures.occurrence(owner, first, 1)) }
        } throws: { error in
            (error as? AppError)?.code == "occurrence_exists" && (error as? AppError)?.kind == .conflict
        }
        #expect(try store.read { try $0.task(id: one.id, ownerID: owner.id) } == one)
    }

    static func seriesTasksInOccurrenceOrder(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let intruder = try StoreFixtures.insertUser(store, "intruder@example.com")
        let series = try StoreFixtures.series(owner, rule: "FREQ=WEEKLY", anchor: "2026-03-02T09:00:00")
        try store.write { try $0.insert(series: series) }
        let tasks = [3, 1, 4, 2].map { StoreFixtures.occurrence(owner, series, $0) }
        try StoreFixtures.insert(store, tasks + [StoreFixtures.task(owner, "not in the series")])

        let fromTwo = try store.read { try $0.tasks(seriesID: series.id, ownerID: owner.id, fromOccurrence: 2) }
        #expect(fromTwo.map(\.occurrence) == [2, 3, 4])
        #expect(fromTwo.first == tasks[3])
        #expect(try store.read { try $0.tasks(seriesID: series.id, ownerID: intruder.id, fromOccurrence: 1) }.isEmpty)

        // Deleting the series leaves its tasks; they still name it.
        #expect(try store.write { try $0.deleteSeries(id: series.id, ownerID: owner.id) } == true)
        #expect(try store.read { try $0.tasks(seriesID: series.id, ownerID: owner.id, fromOccurrence: 1) }.count == 4)
    }
}

extension StoreFixtures {
    static func series(_ owner: User, rule: String, anchor: String) throws -> TaskSeries {
        TaskSeries(
            id: ids.next(), ownerID: owner.id, rule: try RecurrenceRule.parse(rule).get(), mode: .fromSchedule,
            anchor: try #require(ScheduledTime(anchor)), createdAt: epoch, updatedAt: epoch)
    }

    /// Occurrence `number` of `series`: an all-day task with every series field set.
    static func occurrence(_ owner: User, _ series: TaskSeries, _ number: Int) -> TodoTask {
        var task = task(owner, "Occurrence \(number)", tags: ["repeat"])
        let day = CalendarDate(year: 2026, month: 3, day: number)!
        task.due = .allDay(day)
        task.deadline = day.next.startInstant(in: owner.timeZone)
        task.recurrence = series.rule.text
        task.recurrenceMode = series.mode
        task.seriesID = series.id
        task.occurrence = number
        task.reminders = [.before(minutes: 30)]
        return task
    }
}
