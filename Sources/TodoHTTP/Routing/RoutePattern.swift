/// Splitting of route patterns and request paths into segments.
enum RoutePattern {
    enum Segment: Equatable {
        case literal(String)
        case parameter(String)

        var parameterName: String? {
            if case .parameter(let name) = self { return name }
            return nil
        }
    }

    /// `/api/tasks/{id}` → literal `api`, literal `tasks`, parameter `id`; nil when the pattern
    /// does not start with `/` or has an empty or unclosed `{}`.
    static func parse(_ pattern: String) -> [Segment]? {
        guard pattern.hasPrefix("/") else { return nil }
        var segments: [Segment] = []
        for piece in pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            if piece.hasPrefix("{") || piece.hasSuffix("}") {
                guard piece.count > 2, piece.hasPrefix("{"), piece.hasSuffix("}") else { return nil }
                segments.append(.parameter(String(piece.dropFirst().dropLast())))
            } else {
                segments.append(.literal(String(piece)))
            }
        }
        return segments
    }

    /// The percent-decoded segments of a raw path; `/` gives one empty segment, a trailing
    /// slash gives a trailing empty one. Nil when the path does not start with `/`.
    static func pathSegments(_ rawPath: String) -> [String]? {
        guard rawPath.utf8.first == UInt8(ascii: "/") else { return nil }
        var segments: [String] = []
        segments.reserveCapacity(4)
        for piece in rawPath.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            segments.append(RequestTarget.percentDecoded(Substring(piece), plusAsSpace: false))
        }
        return segments
    }
}
