import Foundation
import Testing
import TodoChat
import TodoCore

@Suite struct TaskToolboxTests {
    @Test func definesEachToolOnceWithAnObjectSchema() {
        let toolbox = TaskToolbox()
        #expect(
            toolbox.tools.map(\.name) == [
                "add_task", "list_tasks", "complete_task", "delete_task", "update_task", "set_reminder",
            ])
        for tool in toolbox.tools {
            #expect(tool.inputSchema["type"] == "object", "\(tool.name)")
            #expect(tool.inputSchema["additionalProperties"] == false, "\(tool.name)")
            #expect(!tool.description.isEmpty)
        }
        #expect(toolbox.tool(named: "add_task")?.inputSchema["required"] == ["title"])
        #expect(toolbox.tool(named: "delete_task")?.inputSchema["required"] == ["task_id"])
        let descriptors = toolbox.descriptors.arrayValue ?? []
        #expect(descriptors.count == 6)
        #expect(descriptors.first?["inputSchema"] == toolbox.tools[0].inputSchema)
    }

    @Test func addsATaskWithEveryField() throws {
        let harness = try ToolHarness()
        let result = harness.run(
            "add_task",
            [
                "title": "Call the bank", "priority": "high", "tags": ["#Money", "calls"],
                "due_at": "2026-03-09T09:30:00-04:00", "recurrence": "freq=weekly;byday=mo",
                "reminders": [["minutes_before": 15]], "description": "About the card",
            ])
        #expect(!result.isError)
        let task = try #require(result.value["task"])
        #expect(task["title"] == "Call the bank")
        #expect(task["tags"] == ["Money", "calls"])
        #expect(task["due_at"] == "2026-03-09T13:30:00Z")
        #expect(task["due_at_local"] == "2026-03-09T09:30:00-04:00")
        #expect(task["recurrence"] == "FREQ=WEEKLY;BYDAY=MO")
        #expect(task["reminders"] == [["minutes_before": 15]])

        let stored = try harness.service.get(for: harness.user, id: task["id"]?.stringValue ?? "")
        #expect(stored.priority == .high)
        #expect(stored.description == "About the card")
        #expect(task["series_id"]?.stringValue == stored.seriesID)
        #expect(task["occurrence"] == 1)

        // The same shape as the REST API's, member for member.
        #expect(task == (try JSONValue.parse(TaskJSON.encode(stored, timeZone: harness.user.timeZone))))
    }

    @Test func returnsValidationErrorsAsResults() throws {
        let harness = try ToolHarness()
        let missing = harness.run("add_task", ["priority": "high"])
        #expect(missing.isError)
        #expect(missing.errorCode == "validation_failed")
        #expect(missing.value["error"]?["fields"]?.arrayValue?.first?["field"] == "title")

        let domain = harness.run("add_task", ["title": "x", "due_date": "2026-02-30"])
        #expect(domain.errorCode == "validation_failed")
        #expect(harness.run("add_task", ["title": "x", "recurrence": "FREQ=HOURLY"]).errorCode == "validation_failed")
        #expect(harness.run("fly_to_moon", [:]).errorCode == "unknown_tool")
        #expect(try harness.service.list(for: harness.user, query: TaskQuery()).tasks.isEmpty)
    }

    @Test func listsWithFiltersSortAndPages() throws {
        let harness = try ToolHarness()
        harness.add(["title": "Milk", "tags": ["errands"], "due_date": "2026-03-05"])
        harness.add(["title": "Report", "tags": ["work"], "priority": "high", "due_at": "2026-03-06T17:00:00-05:00"])
        harness.add(["title": "Plan trip", "tags": ["home"], "due_date": "2026-03-20"])
        let done = harness.add(["title": "Old chore", "due_date": "2026-03-01"])
        harness.run("complete_task", ["task_id": .string(done)])

        func titles(_ arguments: JSONValue) -> [String] {
            let result = harness.run("list_tasks", arguments)
            return (result.value["tasks"]?.arrayValue ?? []).compactMap { $0["title"]?.stringValue }
        }
        #expect(titles([:]) == ["Milk", "Report", "Plan trip"])
        #expect(titles(["status": "completed"]) == ["Old chore"])
        #expect(titles(["status": "all", "sort": "title"]) == ["Milk", "Old chore", "Plan trip", "Report"])
        #expect(titles(["priority": ["high", "urgent"]]) == ["Report"])
        #expect(titles(["tags": ["WORK"]]) == ["Report"])
        #expect(titles(["search": "TRIP"]) == ["Plan trip"])
        // An all-day task counts on its own day, at either end of the range.
        #expect(titles(["due_from": "2026-03-05", "due_to": "2026-03-05"]) == ["Milk"])
        #expect(titles(["due_from": "2026-03-06", "due_to": "2026-03-08"]) == ["Report"])
        #expect(titles(["due_to": "2026-03-06T17:00:00-05:00"]) == ["Milk", "Report"])

        let first = harness.run("list_tasks", ["limit": "2"])
        #expect(first.value["count"] == 2)
        let cursor = try #require(first.value["next_cursor"]?.stringValue)
        #expect(titles(["limit": 2, "cursor": .string(cursor)]) == ["Plan trip"])
        #expect(harness.run("list_tasks", ["due_from": "soon"]).errorCode == "validation_failed")
    }

    @Test func completesDeletesAndUpdates() throws {
        let harness = try ToolHarness()
        let id = harness.add(["title": "Dentist", "tags": ["health", "Calls"], "due_date": "2026-03-06"])

        let completed = harness.run("complete_task", ["task_id": .string(id)])
        #expect(completed.value["task"]?["completed"] == true)
        #expect(completed.value["already_completed"] == false)
        #expect(harness.run("complete_task", ["task_id": .string(id)]).value["already_completed"] == true)

        let updated = harness.run(
            "update_task",
            [
                "task_id": .string(id), "completed": false, "title": "Dentist at 3", "add_tags": ["#teeth", "HEALTH"],
                "remove_tags": ["calls"], "due_date": nil,
            ])
        #expect(!updated.isError)
        #expect(updated.value["task"]?["completed"] == false)
        #expect(updated.value["task"]?["title"] == "Dentist at 3")
        #expect(updated.value["task"]?["tags"] == ["health", "teeth"])
        #expect(updated.value["task"]?["due_date"] == .null)
        #expect(harness.run("update_task", ["task_id": .string(id)]).errorCode == "validation_failed")

        let deleted = harness.run("delete_task", ["task_id": .string(id)])
        #expect(deleted.value == ["deleted": ["id": .string(id), "title": "Dentist at 3"]])
        #expect(harness.run("delete_task", ["task_id": .string(id)]).errorCode == "task_not_found")
    }

    @Test func addsRemindersToWhatIsThere() throws {
        let harness = try ToolHarness()
        let undated = harness.add(["title": "Someday"])
        #expect(harness.run("set_reminder", ["task_id": .string(undated), "minutes_before": 30]).isError)
        #expect(harness.run("set_reminder", ["task_id": .string(undated)]).isError)

        let id = harness.add([
            "title": "Call", "due_at": "2026-03-06T18:00:00-05:00", "reminders": [["minutes_before": 5]],
        ])
        harness.run("set_reminder", ["task_id": .string(id), "minutes_before": "30"])
        let result = harness.run("set_reminder", ["task_id": .string(id), "at": "2026-03-06T08:00:00-05:00"])
        #expect(
            result.value["task"]?["reminders"] == [
                ["minutes_before": 30], ["minutes_before": 5], ["at": "2026-03-06T13:00:00Z"],
            ])
    }

    @Test func changesEmitEventsNamingTheChatAsTheirSource() throws {
        let harness = try ToolHarness()
        let id = harness.add(["title": "Water plants"])
        let change = ChangeContext(correlationID: "req-42", source: "/api/chat")
        let context = ToolContext(user: harness.user, tasks: harness.service, change: change)
        _ = harness.toolbox.run(ToolCall(tool: "complete_task", arguments: ["task_id": .string(id)]), in: context)

        let events = try harness.eventLog.read(topic: EventTopics.taskEvents, partition: 0, from: 0, limit: 10)
        let documents = try events.map { try JSONValue.parse($0.value) }
        #expect(documents.count == 2)
        #expect(documents.first?["source"] == .string(ToolContext.chatSource))
        #expect(documents.last?["source"] == "/api/chat")
        #expect(documents.last?["correlationid"] == "req-42")
    }

    @Test func actsOnlyOnTheCallingUsersTasks() throws {
        let harness = try ToolHarness()
        let id = harness.add(["title": "Mine"])
        let other = try harness.otherUser()

        for tool in ["complete_task", "delete_task"] {
            #expect(harness.run(tool, ["task_id": .string(id)], as: other).errorCode == "task_not_found")
        }
        #expect(
            harness.run("update_task", ["task_id": .string(id), "title": "Theirs"], as: other).errorCode
                == "task_not_found")
        #expect(
            harness.run("set_reminder", ["task_id": .string(id), "minutes_before": 1], as: other).errorCode
                == "task_not_found")
        #expect(harness.run("list_tasks", ["status": "all"], as: other).value["count"] == 0)
        #expect(try harness.service.get(for: harness.user, id: id).title == "Mine")
    }
}
