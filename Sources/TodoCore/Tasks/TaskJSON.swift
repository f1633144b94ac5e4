import Foundation

/// The JSON shape of a task in every response.
///
/// Instants are RFC 3339 in UTC; `due_at_local` repeats `due_at` at the owner's offset, and an
/// all-day task carries `due_date` with `due_at` null. A repeating task names its series and which
/// occurrence it is. Events carry the same shape (docs/events.md).
public enum TaskJSON {
    public static func write(_ task: TodoTask, timeZone: TimeZone, to json: inout JSONWriter) {
        write(task, timeZone: timeZone, into: &json)
    }

    public static func encode(_ task: TodoTask, timeZone: TimeZone) -> [UInt8] {
        var json = JSONWriter(capacity: 512)
        write(task, timeZone: timeZone, to: &json)
        return json.bytes
    }

    /// The same shape as a value, for tool results: built directly rather than encoded and parsed
    /// back, which cost most of an MCP `list_tasks` call.
    public static func value(_ task: TodoTask, timeZone: TimeZone) -> JSONValue {
        var builder = JSONValueBuilder()
        write(task, timeZone: timeZone, into: &builder)
        return builder.value
    }

    /// The one definition of the shape. Generic, and internal so that both public entry points get
    /// a specialized copy (a public generic would be called unspecialized from other modules).
    static func write<Output: JSONOutput>(_ task: TodoTask, timeZone: TimeZone, into json: inout Output) {
        json.beginObject()
        json.key("id")
        json.string(task.id)
        json.key("title")
        json.string(task.title)
        json.key("description")
        json.string(task.description)
        json.key("completed")
        json.bool(task.completed)
        json.key("completed_at")
        json.string(task.completedAt.map { RFC3339.format($0) })
        json.key("priority")
        json.string(task.priority.rawValue)
        json.key("tags")
        json.beginArray()
        for tag in task.tags { json.string(tag) }
        json.endArray()
        writeDue(task, timeZone: timeZone, to: &json)
        json.key("recurrence")
        json.string(task.recurrence)
        json.key("recurrence_mode")
        json.string(task.recurrenceMode?.rawValue)
        json.key("series_id")
        json.string(task.seriesID)
        json.key("occurrence")
        if let occurrence = task.occurrence { json.int(occurrence) } else { json.null() }
        json.key("reminders")
        writeReminders(task.reminders, to: &json)
        json.key("created_at")
        json.string(RFC3339.format(task.createdAt))
        json.key("updated_at")
        json.string(RFC3339.format(task.updatedAt))
        json.key("version")
        json.int(task.version)
        json.endObject()
    }

    private static func writeDue<Output: JSONOutput>(_ task: TodoTask, timeZone: TimeZone, to json: inout Output) {
        switch task.due {
        case .instant(let instant):
            json.key("due_at")
            json.string(RFC3339.format(instant))
            json.key("due_at_local")
            json.string(RFC3339.format(instant, in: timeZone))
            json.key("due_date")
            json.null()
        case .allDay(let day):
            json.key("due_at")
            json.null()
            json.key("due_at_local")
            json.null()
            json.key("due_date")
            json.string(day.description)
        case nil:
            for key in ["due_at", "due_at_local", "due_date"] {
                json.key(key)
                json.null()
            }
        }
        json.key("timezone")
        json.string(timeZone.displayIdentifier)
    }

    static func writeReminders<Output: JSONOutput>(_ reminders: [Reminder], to json: inout Output) {
        json.beginArray()
        for reminder in reminders {
            json.beginObject()
            switch reminder {
            case .at(let instant):
                json.key("at")
                json.string(RFC3339.format(instant))
            case .before(let minutes):
                json.key("minutes_before")
                json.int(minutes)
            }
            json.endObject()
        }
        json.endArray()
    }
}
