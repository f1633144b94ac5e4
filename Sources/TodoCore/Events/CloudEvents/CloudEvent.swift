import Foundation

/// A CloudEvents 1.0 event in JSON structured mode: the value of every message on the product's
/// topics (docs/events.md lists the types and their schemas in docs/schemas/events).
///
/// `id` is the idempotency key consumers record (``StoreWriter/markProcessed(group:eventID:)``);
/// `correlationid` is an extension attribute carrying the correlation id of the request that
/// caused the event, so logs of every consumer can be joined with the request's.
public struct CloudEvent: Sendable, Equatable {
    public static let specVersion = "1.0"
    /// The message `content-type` header of structured-mode events.
    public static let contentType = "application/cloudevents+json"

    public var id: String
    public var source: String
    public var type: String
    public var subject: String?
    public var time: Date
    public var correlationID: String?
    /// The event's payload (`datacontenttype` is always `application/json`).
    public var data: JSONValue

    public init(
        id: String, source: String, type: String, subject: String?, time: Date, correlationID: String?,
        data: JSONValue
    ) {
        self.id = id
        self.source = source
        self.type = type
        self.subject = subject
        self.time = time
        self.correlationID = correlationID
        self.data = data
    }

    /// The user the event belongs to (`data.user_id`), which is also the message key.
    public var userID: String? {
        data["user_id"]?.stringValue
    }
}

extension CloudEvent {
    /// The structured-mode JSON of an event whose `data` is already encoded JSON, written without
    /// building a ``JSONValue`` tree first (the write path of every task change).
    public static func encode(
        id: String, source: String, type: String, subject: String?, time: Date, correlationID: String?,
        data: [UInt8]
    ) -> [UInt8] {
        var json = JSONWriter(capacity: data.count + 320)
        json.beginObject()
        json.key("specversion")
        json.string(specVersion)
        json.key("id")
        json.string(id)
        json.key("source")
        json.string(source)
        json.key("type")
        json.string(type)
        if let subject {
            json.key("subject")
            json.string(subject)
        }
        json.key("time")
        json.string(RFC3339.format(time))
        json.key("datacontenttype")
        json.string("application/json")
        if let correlationID {
            json.key("correlationid")
            json.string(correlationID)
        }
        json.key("data")
        json.raw(data)
        json.endObject()
        return json.bytes
    }

    /// This event as structured-mode JSON.
    public func encoded() -> [UInt8] {
        Self.encode(
            id: id, source: source, type: type, subject: subject, time: time, correlationID: correlationID,
            data: data.serialized())
    }

    /// Parses a message value. Throws `malformed_event` (400) naming what is wrong when the value
    /// is not JSON, not CloudEvents 1.0, or lacks a required attribute; such messages go to the
    /// dead-letter topic without being retried.
    public static func decode(_ bytes: [UInt8]) throws(AppError) -> CloudEvent {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw malformed("the value is not JSON")
        }
        guard case .object(let members) = value else { throw malformed("the value is not a JSON object") }
        guard members["specversion"]?.stringValue == specVersion else {
            throw malformed("specversion is not \(specVersion)")
        }

        func required(_ name: String) throws(AppError) -> String {
            guard let text = members[name]?.stringValue, !text.isEmpty else {
                throw malformed("the attribute '\(name)' is missing or empty")
            }
            return text
        }
        let id = try required("id")
        let source = try required("source")
        let type = try required("type")
        guard let time = RFC3339.parse(try required("time")) else { throw malformed("time is not RFC 3339") }
        if let contentType = members["datacontenttype"]?.stringValue, contentType != "application/json" {
            throw malformed("datacontenttype '\(contentType)' is not application/json")
        }

        return CloudEvent(
            id: id, source: source, type: type, subject: members["subject"]?.stringValue, time: time,
            correlationID: members["correlationid"]?.stringValue, data: members["data"] ?? .null)
    }

    private static func malformed(_ problem: String) -> AppError {
        AppError(.badRequest, code: "malformed_event", message: "Not a CloudEvents 1.0 JSON event: \(problem)")
    }
}
