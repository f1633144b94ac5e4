/// A handler registered for one method of one pattern.
struct RouteEndpoint: Sendable {
    let pattern: String
    let parameterNames: [String]
    /// Registered as blocking: the server runs it off libmicrohttpd's threads.
    let blocking: Bool
    let handler: HTTPHandler
}

/// One segment position of the route tree.
struct RouteNode: Sendable {
    var exact: [String: RouteNode] = [:]
    /// The child for a `{name}` segment: empty or one element (an array gives the recursion its
    /// indirection).
    var parameter: [RouteNode] = []
    var endpoints: [HTTPMethod: RouteEndpoint] = [:]
    /// The `Allow` header value for this node, kept up to date on insertion.
    var allow = ""

    mutating func insert(_ segments: ArraySlice<RoutePattern.Segment>, method: HTTPMethod, endpoint: RouteEndpoint) {
        guard let first = segments.first else {
            precondition(endpoints[method] == nil, "Route registered twice: \(method.rawValue) \(endpoint.pattern)")
            endpoints[method] = endpoint
            allow = Self.allowHeader(for: endpoints.keys)
            return
        }

        let rest = segments.dropFirst()
        switch first {
        case .literal(let text):
            exact[text, default: RouteNode()].insert(rest, method: method, endpoint: endpoint)
        case .parameter:
            if parameter.isEmpty { parameter.append(RouteNode()) }
            parameter[0].insert(rest, method: method, endpoint: endpoint)
        }
    }

    /// The node whose pattern matches all segments, preferring exact segments and backtracking
    /// to a parameter when the exact branch fails deeper down. Parameter values are appended to
    /// `values` in order.
    func match(_ segments: ArraySlice<String>, values: inout [String]) -> RouteNode? {
        guard let first = segments.first else {
            return endpoints.isEmpty ? nil : self
        }

        let rest = segments.dropFirst()
        if let child = exact[first], let found = child.match(rest, values: &values) {
            return found
        }
        if let child = parameter.first, !first.isEmpty {
            values.append(first)
            if let found = child.match(rest, values: &values) { return found }
            values.removeLast()
        }
        return nil
    }

    private static let methodOrder: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options]

    private static func allowHeader(for methods: Dictionary<HTTPMethod, RouteEndpoint>.Keys) -> String {
        var allowed = Set(methods)
        if allowed.contains(.get) { allowed.insert(.head) }
        allowed.insert(.options)
        let known = methodOrder.filter { allowed.contains($0) }
        let others = allowed.subtracting(methodOrder).map(\.rawValue).sorted()
        return (known.map(\.rawValue) + others).joined(separator: ", ")
    }
}
