import Foundation
import Testing
import TodoCore

extension StoreConformance {
    static func tasksRoundTrip(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        var full = StoreFixtures.task(owner, "Ship the release", priority: .urgent, tags: ["Work", "release-1"])
        full.description = "Line one\nLine two with «ünïcödé» and 🎉"
        full.due = .instant(StoreFixtures.at(minutes: 90))
        full.deadline = StoreFixtures.at(minutes: 90)
        full.recurrence = "FREQ=WEEKLY;BYDAY=TU"
        full.reminders = [.before(minutes: 15), .at(StoreFixtures.at(minutes: 30))]
        full.completed = true
        full.completedAt = StoreFixtures.at(minutes: 45)
        full.updatedAt = StoreFixtures.at(minutes: 46)
        full.version = 3

        var allDay = StoreFixtures.task(owner, "Birthday")
        let day = CalendarDate(year: 2026, month: 12, day: 24)!
        allDay.due = .allDay(day)
        allDay.deadline = day.next.startInstant(in: owner.timeZone)
        let bare = StoreFixtures.task(owner, "Nothing else")
        try StoreFixtures.insert(store, [full, allDay, bare])

        for task in [full, allDay, bare] {
            #expect(try store.read { try $0.task(id: task.id, ownerID: owner.id) } == task)
        }
    }

    static func tasksAreScopedByOwner(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let intruder = try StoreFixtures.insertUser(store, "intruder@example.com")
        let task = try StoreFixtures.insert(store, [StoreFixtures.task(owner, "Private", tags: ["secret"])])[0]

        #expect(try store.read { try $0.task(id: task.id, ownerID: intruder.id) } == nil)
        var stolen = task
        stolen.ownerID = intruder.id
        stolen.title = "Mine now"
        #expect(try store.write { try $0.update(task: stolen, expectedVersion: task.version) } == false)
        #expect(try store.write { try $0.deleteTask(id: task.id, ownerID: intruder.id) } == false)
        #expect(try StoreFixtures.list(store, intruder) { _ in }.isEmpty)
        #expect(try store.read { try $0.tags(ownerID: intruder.id) }.isEmpty)
        #expect(try store.write { try $0.allDayTasks(ownerID: intruder.id) }.isEmpty)

        #expect(try store.read { try $0.task(id: task.id, ownerID: owner.id) } == task)
    }

    static func updatesCheckTheVersion(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let original = try StoreFixtures.insert(store, [StoreFixtures.task(owner, "Draft", tags: ["a"])])[0]

        var changed = original
        changed.title = "Final"
        changed.tags = ["b"]
        changed.version = 2
        #expect(try store.write { try $0.update(task: changed, expectedVersion: 7) } == false)
        #expect(try store.read { try $0.task(id: original.id, ownerID: owner.id) } == original)

        #expect(try store.write { try $0.update(task: changed, expectedVersion: 1) } == true)
        #expect(try store.read { try $0.task(id: original.id, ownerID: owner.id) } == changed)
        #expect(try store.read { try $0.tags(ownerID: owner.id) }.map(\.name) == ["b"])

        // The first writer won; a second update from the same stale version is refused.
        var stale = original
        stale.title = "Lost update"
        stale.version = 2
        #expect(try store.write { try $0.update(task: stale, expectedVersion: 1) } == false)
        #expect(try store.read { try $0.task(id: original.id, ownerID: owner.id) }?.title == "Final")
    }

    static func deleteRemovesTaskAndTags(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let tasks = try StoreFixtures.insert(
            store, [StoreFixtures.task(owner, "One", tags: ["x"]), StoreFixtures.task(owner, "Two", tags: ["x", "y"])])

        #expect(try store.write { try $0.deleteTask(id: tasks[1].id, ownerID: owner.id) } == true)
        #expect(try store.read { try $0.task(id: tasks[1].id, ownerID: owner.id) } == nil)
        #expect(try store.write { try $0.deleteTask(id: tasks[1].id, ownerID: owner.id) } == false)
        #expect(
            try store.read { try $0.tags(ownerID: owner.id) } == [TagUsage(name: "x", taskCount: 1, pendingCount: 1)])
        #expect(try StoreFixtures.list(store, owner) { _ in } == ["One"])
    }

    static func throwingWriteRollsBack(_ store: any Store) throws {
        struct Abort: Error {}
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let kept = try StoreFixtures.insert(store, [StoreFixtures.task(owner, "Kept")])[0]
        let doomed = StoreFixtures.task(owner, "Doomed", tags: ["gone"])

        #expect(throws: Abort.self) {
            try store.write { writer in
                try writer.insert(task: doomed)
                _ = try writer.deleteTask(id: kept.id, ownerID: owner.id)
                try writer.insert(user: StoreFixtures.user("ghost@example.com"), passwordHash: "x")
                throw Abort()
            }
        }

        #expect(try store.read { try $0.task(id: doomed.id, ownerID: owner.id) } == nil)
        #expect(try store.read { try $0.task(id: kept.id, ownerID: owner.id) } == kept)
        #expect(try store.read { try $0.credentials(email: "ghost@example.com") } == nil)
        #expect(try store.read { try $0.tags(ownerID: owner.id) }.isEmpty)

        // The store is still usable after the rollback.
        try StoreFixtures.insert(store, [doomed])
        #expect(try store.read { try $0.task(id: doomed.id, ownerID: owner.id) } == doomed)
    }

    static func allDayTasks(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let other = try StoreFixtures.insertUser(store, "other@example.com")
        let day = CalendarDate(year: 2027, month: 1, day: 1)!
        var allDay = StoreFixtures.task(owner, "New year")
        allDay.due = .allDay(day)
        allDay.deadline = day.next.startInstant(in: owner.timeZone)
        var othersAllDay = StoreFixtures.task(other, "Not mine")
        othersAllDay.due = .allDay(day)
        othersAllDay.deadline = allDay.deadline
        let timed = StoreFixtures.task(owner, "Timed", dueMinutes: 10)
        try StoreFixtures.insert(store, [allDay, othersAllDay, timed])

        #expect(try store.write { try $0.allDayTasks(ownerID: owner.id) } == [allDay])
    }
}
