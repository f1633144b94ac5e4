import Foundation
import TodoCore

/// One `task-updates` event in the shape a client receives it: what changed, at which position.
/// Decoded once per message and encoded once, however many connections of the user get it.
struct SyncEvent: Sendable, Equatable {
    enum Kind: String, Sendable {
        case changed = "task.changed"
        case deleted = "task.deleted"
    }

    let kind: Kind
    let eventID: String
    let taskID: String
    let version: Int
    let time: Date
    let correlationID: String?
    /// The task after the change (exactly as the API returns it); nil for a deletion.
    let task: JSONValue?
    let position: SyncPosition

    /// The event a `task-updates` message carries, or nil for a type this version does not know
    /// (a newer producer's). Throws `malformed_event` for a value that is not a valid sync event.
    static func decode(_ message: LogMessage) throws(AppError) -> SyncEvent? {
        let event = try CloudEvent.decode(message.value)
        let kind: Kind
        switch SyncEventType(rawValue: event.type) {
        case .changed: kind = .changed
        case .deleted: kind = .deleted
        case nil: return nil
        }

        guard let taskID = event.data["task_id"]?.stringValue, let version = event.data["version"]?.intValue else {
            throw AppError(.badRequest, code: "malformed_event", message: "A sync event lacks task_id or version")
        }
        let task = event.data["task"]
        guard kind == .deleted || task?.objectValue != nil else {
            throw AppError(.badRequest, code: "malformed_event", message: "A task.changed event lacks the task")
        }
        return SyncEvent(
            kind: kind, eventID: event.id, taskID: taskID, version: version, time: event.time,
            correlationID: event.correlationID, task: kind == .changed ? task : nil,
            position: SyncPosition(after: message.offset, partition: message.partition))
    }

    /// The message a client receives (docs/websocket.md, "Server messages").
    var encoded: [UInt8] {
        var json = ServerMessage.begin(kind.rawValue, capacity: 768)
        json.key("event_id")
        json.string(eventID)
        json.key("position")
        json.string(position.description)
        json.key("task_id")
        json.string(taskID)
        json.key("version")
        json.int(version)
        json.key("time")
        json.string(RFC3339.format(time))
        if let correlationID {
            json.key("correlation_id")
            json.string(correlationID)
        }
        if let task {
            json.key("task")
            json.value(task)
        }
        json.endObject()
        return json.bytes
    }
}
