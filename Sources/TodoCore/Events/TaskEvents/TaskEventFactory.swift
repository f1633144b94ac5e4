import Foundation

/// Turns a task change into the messages it causes on each topic — one `task-events` event, one
/// `task-updates` event, and a `reminders` event when the task's pending reminders changed — for
/// the caller to append in the transaction that makes the change (the outbox).
///
/// Every message is keyed by the owner's id, so one user's events stay in order in one partition.
public struct TaskEventFactory: Sendable {
    private let ids: any IDGenerator

    public init(ids: any IDGenerator) {
        self.ids = ids
    }

    public func messages(
        for change: TaskChange, timeZone: TimeZone, context: ChangeContext, at now: Date
    ) -> [OutgoingMessage] {
        guard let task = change.task else { return [] }

        var taskJSON = JSONWriter(capacity: 512)
        TaskJSON.write(task, timeZone: timeZone, to: &taskJSON)
        let emit = Emitter(ids: ids, task: task, context: context, now: now)

        var messages = [
            emit.message(EventTopics.taskEvents, type: change.type.rawValue) { json in
                json.key("task")
                json.raw(taskJSON.bytes)
                json.key("changed_fields")
                json.beginArray()
                for field in change.changedFields { json.string(field) }
                json.endArray()
            },
            syncMessage(change, taskJSON: taskJSON.bytes, emit: emit),
        ]
        if let reminders = reminderMessage(change, emit: emit) { messages.append(reminders) }
        return messages
    }

    private func syncMessage(_ change: TaskChange, taskJSON: [UInt8], emit: Emitter) -> OutgoingMessage {
        guard change.after != nil else {
            return emit.message(EventTopics.taskUpdates, type: SyncEventType.deleted.rawValue) { _ in }
        }
        return emit.message(EventTopics.taskUpdates, type: SyncEventType.changed.rawValue) { json in
            json.key("task")
            json.raw(taskJSON)
        }
    }

    /// `scheduled` when the task has pending reminders and they, its deadline or its title are new;
    /// `cancelled` when it had pending reminders and has none now; nil otherwise.
    private func reminderMessage(_ change: TaskChange, emit: Emitter) -> OutgoingMessage? {
        let before = change.before.flatMap(Self.pending)
        let after = change.after.flatMap(Self.pending)

        if let after {
            let unchanged =
                before.map {
                    $0.reminders == after.reminders && $0.deadline == after.deadline && $0.title == after.title
                } ?? false
            guard !unchanged else { return nil }
            return emit.message(EventTopics.reminders, type: ReminderEventType.scheduled.rawValue) { json in
                Self.writeSchedule(of: after, to: &json)
            }
        }

        guard before != nil else { return nil }
        let reason = change.after == nil ? "deleted" : (change.after?.completed == true ? "completed" : "cleared")
        return emit.message(EventTopics.reminders, type: ReminderEventType.cancelled.rawValue) { json in
            json.key("reason")
            json.string(reason)
        }
    }

    /// The task when its reminders are pending: it is not completed and has at least one.
    private static func pending(_ task: TodoTask) -> TodoTask? {
        task.completed || task.reminders.isEmpty ? nil : task
    }

    private static func writeSchedule(of task: TodoTask, to json: inout JSONWriter) {
        json.key("title")
        json.string(task.title)
        json.key("due_at")
        json.string(task.deadline.map { RFC3339.format($0) })
        json.key("reminders")
        json.beginArray()
        for reminder in task.reminders {
            guard let fireAt = reminder.fireTime(deadline: task.deadline) else { continue }
            json.beginObject()
            switch reminder {
            case .at:
                json.key("kind")
                json.string("at")
            case .before(let minutes):
                json.key("kind")
                json.string("before")
                json.key("minutes_before")
                json.int(minutes)
            }
            json.key("fire_at")
            json.string(RFC3339.format(fireAt))
            json.endObject()
        }
        json.endArray()
    }
}

/// The attributes shared by the messages of one change.
private struct Emitter {
    let ids: any IDGenerator
    let task: TodoTask
    let context: ChangeContext
    let now: Date

    /// A message whose `data` holds `user_id`, `task_id` and `version`, then what `body` writes.
    func message(_ topic: String, type: String, body: (inout JSONWriter) -> Void) -> OutgoingMessage {
        var data = JSONWriter(capacity: 640)
        data.beginObject()
        data.key("user_id")
        data.string(task.ownerID)
        data.key("task_id")
        data.string(task.id)
        data.key("version")
        data.int(task.version)
        body(&data)
        data.endObject()

        let value = CloudEvent.encode(
            id: ids.next(), source: context.source, type: type, subject: "tasks/\(task.id)", time: now,
            correlationID: context.correlationID, data: data.bytes)
        var headers = [MessageHeader(name: "content-type", value: CloudEvent.contentType)]
        if let correlationID = context.correlationID {
            headers.append(MessageHeader(name: "correlation-id", value: correlationID))
        }
        return OutgoingMessage(topic: topic, key: task.ownerID, headers: headers, value: value)
    }
}
