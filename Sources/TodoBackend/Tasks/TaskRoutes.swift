import Foundation
import TodoCore
import TodoHTTP

/// `/api/tasks*` and `/api/tags`. Every route acts on the signed-in user's tasks only.
struct TaskRoutes {
    let tasks: TaskService
    let auth: Authenticator

    func register(on router: inout Router) {
        router.post(
            "/api/tasks",
            auth.require { request, user in
                let changes = try TaskChanges.parse(try request.jsonBody(), mode: .create)
                let task = try tasks.create(for: user, changes, context: request.changeContext)
                var response = HTTPResponse.task(task, timeZone: user.timeZone, status: 201)
                response.headers.set("Location", "/api/tasks/\(task.id)")
                return response
            })

        router.get(
            "/api/tasks",
            auth.require { request, user in
                let page = try tasks.list(for: user, query: try TaskQuery.parse(request))
                return Self.pageResponse(page, timeZone: user.timeZone)
            })

        router.get(
            "/api/tasks/{id}",
            auth.require { request, user in
                .task(try tasks.get(for: user, id: request.taskID), timeZone: user.timeZone)
            })

        router.patch(
            "/api/tasks/{id}",
            auth.require { request, user in
                let changes = try TaskChanges.parse(try request.jsonBody(), mode: .update)
                let task = try tasks.update(
                    for: user, id: request.taskID, changes, expectedVersion: try request.expectedVersion(),
                    scope: try request.occurrenceScope(), context: request.changeContext)
                return .task(task, timeZone: user.timeZone)
            })

        router.delete(
            "/api/tasks/{id}",
            auth.require { request, user in
                try tasks.delete(
                    for: user, id: request.taskID, expectedVersion: try request.expectedVersion(),
                    scope: try request.occurrenceScope(), context: request.changeContext)
                return .noContent
            })

        router.post(
            "/api/tasks/{id}/complete",
            auth.require { request, user in
                let task = try tasks.complete(
                    for: user, id: request.taskID, expectedVersion: try request.expectedVersion(),
                    context: request.changeContext)
                return .task(task, timeZone: user.timeZone)
            })

        router.post(
            "/api/tasks/{id}/reopen",
            auth.require { request, user in
                let task = try tasks.reopen(
                    for: user, id: request.taskID, expectedVersion: try request.expectedVersion(),
                    context: request.changeContext)
                return .task(task, timeZone: user.timeZone)
            })

        router.get(
            "/api/tags",
            auth.require { _, user in
                Self.tagsResponse(try tasks.tags(for: user))
            })
    }

    static func pageResponse(_ page: TaskPage, timeZone: TimeZone) -> HTTPResponse {
        var json = JSONWriter(capacity: 512 * max(1, page.tasks.count))
        json.beginObject()
        json.key("tasks")
        json.beginArray()
        for task in page.tasks { TaskJSON.write(task, timeZone: timeZone, to: &json) }
        json.endArray()
        json.key("next_cursor")
        json.string(page.next?.encoded())
        json.endObject()
        return .json(status: 200, json.bytes)
    }

    static func tagsResponse(_ tags: [TagUsage]) -> HTTPResponse {
        var json = JSONWriter(capacity: 64 * max(1, tags.count))
        json.beginObject()
        json.key("tags")
        json.beginArray()
        for tag in tags {
            json.beginObject()
            json.key("name")
            json.string(tag.name)
            json.key("task_count")
            json.int(tag.taskCount)
            json.key("pending_count")
            json.int(tag.pendingCount)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return .json(status: 200, json.bytes)
    }
}
