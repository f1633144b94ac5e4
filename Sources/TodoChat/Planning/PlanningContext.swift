import Foundation
import TodoCore
import TodoDateText

/// Everything a plan is made against: the time and timezone, the user's tasks and the earlier
/// turns. Passed in whole, so that planning is a pure function of it.
public struct PlanningContext: Sendable {
    public let dates: DateContext
    /// The user's tasks: pending first in list order (soonest due), then completed ones.
    public let tasks: [TodoTask]
    public let conversation: ConversationContext

    public init(now: Date, timeZone: TimeZone, tasks: [TodoTask], conversation: ConversationContext = .init()) {
        dates = DateContext(now: now, timeZone: timeZone)
        self.tasks = tasks
        self.conversation = conversation
    }

    var resolver: ReferenceResolver {
        ReferenceResolver(tasks: tasks, conversation: conversation, context: dates)
    }

    var extractor: EntityExtractor { EntityExtractor(context: dates) }

    func task(_ id: String) -> TodoTask? {
        tasks.first { $0.id == id }
    }
}
