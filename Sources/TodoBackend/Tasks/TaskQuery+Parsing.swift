import Foundation
import TodoCore
import TodoHTTP

extension TaskQuery {
    static let knownParameters: Set<String> = [
        "status", "priority", "tag", "due_before", "due_after", "overdue", "q", "sort", "order", "limit", "cursor",
    ]

    /// Reads the query string of `GET /api/tasks`, reporting every invalid parameter at once (422).
    static func parse(_ request: HTTPRequest) throws(AppError) -> TaskQuery {
        var query = TaskQuery()
        var problems = ValidationErrors()

        for name in request.queryItems.map(\.name) where !knownParameters.contains(name) {
            problems.add(name, code: "unknown_parameter", "Unknown query parameter '\(name)'")
        }
        if let value = request.query("status") {
            enumValue(value, "status", into: &problems).map { query.status = $0 }
        }
        for raw in request.queryAll("priority") {
            for part in raw.split(separator: ",") {
                enumValue(String(part), "priority", into: &problems).map { query.priorities.append($0) }
            }
        }
        for raw in request.queryAll("tag") {
            switch Tag.normalize(raw) {
            case .success(let tag): query.tags.append(tag)
            case .failure(let problem): problems.add("tag", code: "invalid_tag", problem.message)
            }
        }
        query.dueBefore = instant(request.query("due_before"), "due_before", into: &problems)
        query.dueAfter = instant(request.query("due_after"), "due_after", into: &problems)
        if let value = request.query("overdue") {
            switch value.lowercased() {
            case "true", "1": query.overdue = true
            case "false", "0": query.overdue = false
            default: problems.add("overdue", code: "invalid_value", "overdue must be true or false")
            }
        }
        if let value = request.query("q") {
            let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.count > 200 {
                problems.add("q", code: "too_long", "q has at most 200 characters")
            } else if !text.isEmpty {
                query.search = TextSearch.fold(text)
            }
        }
        if let value = request.query("sort") {
            enumValue(value, "sort", into: &problems).map { query.sort = $0 }
        }
        if let value = request.query("order") {
            enumValue(value, "order", into: &problems).map { query.order = $0 }
        }
        if let value = request.query("limit") {
            if let limit = Int(value), (1...TaskQuery.maximumLimit).contains(limit) {
                query.limit = limit
            } else {
                problems.add(
                    "limit", code: "invalid_value", "limit must be a number from 1 to \(TaskQuery.maximumLimit)")
            }
        }
        if let value = request.query("cursor") {
            if let cursor = TaskCursor(encoded: value), cursor.sort == query.sort, cursor.order == query.order {
                query.after = cursor
            } else {
                problems.add(
                    "cursor", code: "invalid_cursor",
                    "cursor is not valid for this sort and order; start again without a cursor")
            }
        }

        try problems.throwIfAny()
        return query
    }

    private static func enumValue<T: RawRepresentable & CaseIterable>(
        _ raw: String, _ name: String, into problems: inout ValidationErrors
    ) -> T? where T.RawValue == String {
        if let value = T(rawValue: raw.lowercased()) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        problems.add(name, code: "invalid_value", "\(name) must be one of \(allowed)")
        return nil
    }

    private static func instant(_ raw: String?, _ name: String, into problems: inout ValidationErrors) -> Date? {
        guard let raw else { return nil }
        // A '+' in an offset arrives as a space when a client did not percent-encode it.
        if let instant = RFC3339.parse(raw) ?? RFC3339.parse(raw.replacingOccurrences(of: " ", with: "+")) {
            return instant
        }
        problems.add(
            name, code: "invalid_datetime", "\(name) must be an RFC 3339 date-time such as 2026-03-03T00:00:00Z")
        return nil
    }
}
