import Foundation
import TodoCore

/// One event of a client's stream in the shape the client receives it: a task change or deletion
/// (`task-updates`), or a notification delivered in the app (`notifications`). Decoded and encoded
/// once per message, however many connections of the user get it; only the cursor differs.
struct SyncEvent: Sendable, Equatable {
    enum Kind: String, Sendable {
        case taskChanged = "task.changed"
        case taskDeleted = "task.deleted"
        case notification = "notification"
    }

    let kind: Kind
    let eventID: String
    let taskID: String
    /// The task's version after the change; nil for a notification.
    let version: Int?
    let time: Date
    let correlationID: String?
    /// `task` (exactly as the API returns it) for a change, `notification` for a notification.
    let body: (key: String, value: JSONValue)?
    /// The position right after this event in its stream.
    let position: StreamPosition

    static func == (lhs: SyncEvent, rhs: SyncEvent) -> Bool {
        lhs.eventID == rhs.eventID && lhs.position == rhs.position && lhs.kind == rhs.kind
    }

    /// The event a message of a stream's topic carries, or nil for a type this version does not
    /// know (a newer producer's). Throws `malformed_event` for a value that is not a valid event.
    static func decode(_ message: LogMessage) throws(AppError) -> SyncEvent? {
        guard let stream = SyncStream(topic: message.topic) else { return nil }
        let event = try CloudEvent.decode(message.value)
        let kind: Kind
        switch event.type {
        case SyncEventType.changed.rawValue: kind = .taskChanged
        case SyncEventType.deleted.rawValue: kind = .taskDeleted
        case NotificationEventType.delivered.rawValue: kind = .notification
        default: return nil
        }

        guard let taskID = event.data["task_id"]?.stringValue else { throw malformed("task_id") }
        let version = event.data["version"]?.intValue
        var body: (key: String, value: JSONValue)?
        switch kind {
        case .taskChanged:
            guard let task = event.data["task"], task.objectValue != nil, version != nil else {
                throw malformed("task or version")
            }
            body = ("task", task)
        case .taskDeleted:
            guard version != nil else { throw malformed("version") }
        case .notification:
            guard let notification = event.data["notification"], notification.objectValue != nil else {
                throw malformed("notification")
            }
            body = ("notification", notification)
        }
        return SyncEvent(
            kind: kind, eventID: event.id, taskID: taskID, version: kind == .notification ? nil : version,
            time: event.time, correlationID: event.correlationID, body: body,
            position: StreamPosition(stream: stream, after: message.offset, partition: message.partition))
    }

    /// The message a client receives (docs/websocket.md, "Server messages"), but for its
    /// `position`, which is the receiving session's cursor and so is filled in per connection.
    var encoded: EncodedEvent {
        var head = ServerMessage.begin(kind.rawValue, capacity: 96)
        head.key("event_id")
        head.string(eventID)
        head.key("position")

        var rest = JSONWriter(capacity: 768)
        rest.beginObject()
        rest.key("task_id")
        rest.string(taskID)
        if let version {
            rest.key("version")
            rest.int(version)
        }
        rest.key("time")
        rest.string(RFC3339.format(time))
        if let correlationID {
            rest.key("correlation_id")
            rest.string(correlationID)
        }
        if let body {
            rest.key(body.key)
            rest.value(body.value)
        }
        rest.endObject()

        // `head` ends with `"position":`; the cursor's characters ([a-z0-9:,]) need no escaping.
        let quote = UInt8(ascii: "\"")
        return EncodedEvent(
            position: position, time: time, head: head.bytes + [quote],
            tail: [quote, UInt8(ascii: ",")] + rest.bytes.dropFirst())
    }

    private static func malformed(_ what: String) -> AppError {
        AppError(.badRequest, code: "malformed_event", message: "A sync event lacks or has an invalid \(what)")
    }
}

/// An event encoded up to its `position`, which each session fills in with its own cursor (every
/// message carries the whole cursor, so a client keeps only the latest one).
struct EncodedEvent: Sendable {
    /// The position right after the event in its stream.
    let position: StreamPosition
    /// When the log accepted the event's message; replays merge streams by it.
    let time: Date
    let head: [UInt8]
    let tail: [UInt8]

    var stream: SyncStream { position.stream }
    /// The event's own offset in its partition.
    var offset: Int64 { position.nextOffset - 1 }

    /// The complete message for a session whose cursor, after this event, is `cursor`.
    func bytes(cursor: SyncCursor) -> [UInt8] {
        var bytes = head
        bytes.reserveCapacity(head.count + tail.count + 32)
        bytes += cursor.description.utf8
        bytes += tail
        return bytes
    }
}
