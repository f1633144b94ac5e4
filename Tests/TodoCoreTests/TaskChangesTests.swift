import Foundation
import Testing
import TodoCore

@Suite struct TaskChangesTests {
    private func changes(_ json: String, mode: TaskChanges.Mode = .create) throws -> TaskChanges {
        try TaskChanges.parse(JSONValue.parse(Array(json.utf8)), mode: mode)
    }

    private func fields(of json: String, mode: TaskChanges.Mode = .create) -> [String] {
        do {
            _ = try changes(json, mode: mode)
            return []
        } catch let error as AppError {
            let list = error.details?["fields"]?.arrayValue ?? []
            return list.compactMap { $0["field"]?.stringValue }
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func trimsTheTitleAndKeepsUnicode() throws {
        let parsed = try changes(#"{"title": "  Café ☕️ with Zoë 👩‍👩‍👧  "}"#)
        #expect(parsed.title == .set("Café ☕️ with Zoë 👩‍👩‍👧"))
    }

    @Test func countsTitleLengthInCharactersNotBytes() throws {
        let emoji = String(repeating: "👩‍👩‍👧", count: 500)
        #expect(try changes(#"{"title": "\#(emoji)"}"#).title == .set(emoji))
        let combining = String(repeating: "e\u{301}", count: 500)
        #expect(try changes(#"{"title": "\#(combining)"}"#).title == .set(combining))
        #expect(fields(of: #"{"title": "\#(emoji)x"}"#) == ["title"])
    }

    @Test func requiresATitleOnCreateOnly() throws {
        #expect(fields(of: "{}") == ["title"])
        #expect(fields(of: #"{"title": "   "}"#) == ["title"])
        #expect(try changes(#"{"priority": "high"}"#, mode: .update).priority == .set(.high))
    }

    @Test func listsEveryInvalidField() {
        let json = """
            {"title": 5, "priority": "extreme", "tags": ["ok", "two words", 3], "due_at": "tomorrow",
             "recurrence": "FREQ=HOURLY", "reminders": [{"minutes_before": -5}], "completed": "yes", "colour": "red"}
            """
        #expect(
            fields(of: json).sorted() == [
                "colour", "completed", "due_at", "priority", "recurrence", "reminders[0].minutes_before",
                "tags[1]", "tags[2]", "title",
            ])
    }

    @Test func deduplicatesTagsIgnoringCaseAndHash() throws {
        let parsed = try changes(##"{"title": "t", "tags": ["#Work", "work", "ÉCOLE", "école", "home"]}"##)
        #expect(parsed.tags == .set(["Work", "ÉCOLE", "home"]))
    }

    @Test func refusesBothDueForms() {
        #expect(
            fields(of: #"{"title": "t", "due_at": "2026-03-03T09:00:00Z", "due_date": "2026-03-03"}"#) == ["due_at"])
    }

    @Test func nullClearsOptionalFields() throws {
        let parsed = try changes(#"{"description": null, "due_at": null, "recurrence": null}"#, mode: .update)
        #expect(parsed.description == .set(nil))
        #expect(parsed.due == .set(nil))
        #expect(parsed.recurrence == .set(nil))
    }

    @Test func canonicalizesRecurrenceThroughLibical() throws {
        let parsed = try changes(#"{"title": "t", "recurrence": "RRULE:freq=monthly;byday=-1FR"}"#)
        #expect(parsed.recurrence == .set("FREQ=MONTHLY;BYDAY=-1FR"))
        #expect(fields(of: #"{"title": "t", "recurrence": "FREQ=YEARLY;BYMONTH=13"}"#) == ["recurrence"])
        #expect(fields(of: #"{"title": "t", "recurrence": "BYDAY=MO"}"#) == ["recurrence"])
    }

    @Test func rejectsControlCharactersInTitles() {
        #expect(fields(of: #"{"title": "a\u0000b"}"#) == ["title"])
        #expect(fields(of: #"{"title": "t", "description": "line\nnext"}"#) == [])
    }

    @Test func malformedJSONIsABadRequest() {
        #expect(throws: AppError.self) { try JSONValue.parse(Array("{\"title\": ".utf8)) }
        do {
            _ = try JSONValue.parse(Array("[1,".utf8))
        } catch {
            #expect(error.code == "malformed_json")
            #expect(error.kind == .badRequest)
        }
    }
}
