import Foundation
import TodoCore
import TodoHTTP

extension HTTPRequest {
    /// The body as JSON; an empty body is a 400 rather than a parse error.
    func jsonBody() throws(AppError) -> JSONValue {
        guard !body.isEmpty else {
            throw AppError(.badRequest, code: "body_required", message: "A JSON request body is required")
        }
        return try JSONValue.parse(body)
    }

    /// The JSON body, or an empty object when none was sent.
    func optionalJSONBody() throws(AppError) -> JSONValue {
        body.isEmpty ? .object([:]) : try JSONValue.parse(body)
    }

    /// The version an `If-Match` header names (`"3"`, `W/"3"` or `3`); nil when absent or `*`.
    func expectedVersion() throws(AppError) -> Int? {
        guard let raw = headers["If-Match"]?.trimmingCharacters(in: .whitespaces), raw != "*" else { return nil }
        var text = Substring(raw)
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        guard let version = Int(text), version > 0 else {
            throw AppError(
                .badRequest, code: "invalid_if_match", message: #"If-Match must be a task version such as "3""#)
        }
        return version
    }

    /// The `scope` query parameter of a change to a repeating task: `this` (the default) or
    /// `following`.
    func occurrenceScope() throws(AppError) -> OccurrenceScope {
        guard let raw = query("scope") else { return .this }
        guard let scope = OccurrenceScope(rawValue: raw.lowercased()) else {
            var problems = ValidationErrors()
            problems.add("scope", code: "invalid_value", "scope must be this or following")
            throw problems.asError()
        }
        return scope
    }

    /// The `{id}` path parameter.
    var taskID: String { pathParameters["id"] ?? "" }

    /// What the events of a change made by this request carry: its correlation id and the backend
    /// as their source.
    var changeContext: ChangeContext {
        ChangeContext(correlationID: context.correlationID.isEmpty ? nil : context.correlationID, source: "/backend")
    }
}

extension HTTPResponse {
    /// A task with its version as the ETag.
    static func task(_ task: TodoTask, timeZone: TimeZone, status: Int = 200) -> HTTPResponse {
        var response = HTTPResponse.json(status: status, TaskJSON.encode(task, timeZone: timeZone))
        response.headers.set("ETag", "\"\(task.version)\"")
        return response
    }
}
