import Foundation
import TodoChat
import TodoCore

let newYork = TimeZone(identifier: "America/New_York")!
/// Thursday 2026-03-05 10:00 in New York, three days before the switch to daylight time.
let thursday = RFC3339.parse("2026-03-05T10:00:00-05:00")!

func instant(_ text: String) -> Date {
    RFC3339.parse(text)!
}

func day(_ text: String) -> CalendarDate {
    CalendarDate(text)!
}

/// A small set of tasks to plan against, pending first in list order, then completed.
enum Fixtures {
    static func task(
        _ id: String, _ title: String, tags: [String] = [], priority: Priority = .none, due: Due? = nil,
        completed: Bool = false
    ) -> TodoTask {
        TodoTask(
            id: id, ownerID: "user", title: title, completed: completed, priority: priority, tags: tags, due: due,
            deadline: due?.deadline(in: newYork), createdAt: thursday, updatedAt: thursday)
    }

    static let tasks = [
        task("meeting", "Team meeting", tags: ["work"], due: .instant(instant("2026-03-05T15:00:00-05:00"))),
        task("dentist", "Dentist appointment", tags: ["health"], due: .allDay(day("2026-03-06"))),
        task("mom", "Call mom", due: .allDay(day("2026-03-07"))),
        task("dad", "Call dad"),
        task("report", "Finish quarterly report", tags: ["work"], priority: .urgent),
        task("milk", "Buy milk", tags: ["errands"], completed: true),
    ]

    static func context(
        _ turns: [ConversationTurn] = [], now: Date = thursday, tasks: [TodoTask] = Fixtures.tasks
    ) -> PlanningContext {
        PlanningContext(now: now, timeZone: newYork, tasks: tasks, conversation: ConversationContext(turns: turns))
    }

    /// A previous turn that showed or acted on `ids`.
    static func turn(_ ids: [String], listed: Bool = false, pending: PendingAction? = nil) -> ConversationTurn {
        ConversationTurn(message: "earlier", reply: "earlier reply", taskIDs: ids, listed: listed, pending: pending)
    }
}
