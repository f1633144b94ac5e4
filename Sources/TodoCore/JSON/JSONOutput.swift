/// Where a JSON document is written, call by call: bytes (``JSONWriter``) or a tree
/// (``JSONValueBuilder``). A shape written once against this protocol (``TaskJSON``) gives both
/// the response bytes and the value a tool result carries, without encoding one to parse it back.
public protocol JSONOutput {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// A member name; the next value call gives its value.
    mutating func key(_ name: String)
    mutating func string(_ value: String)
    mutating func int(_ value: Int)
    mutating func bool(_ value: Bool)
    mutating func null()
}

extension JSONOutput {
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }
}

extension JSONWriter: JSONOutput {}

/// Builds a ``JSONValue`` from ``JSONOutput`` calls. As with ``JSONWriter``, the caller pairs up
/// `begin`/`end` and `key` calls as in the document; ``value`` is the finished top-level value.
public struct JSONValueBuilder: JSONOutput {
    private enum Open {
        case object([String: JSONValue], key: String?)
        case array([JSONValue])
    }

    private var open: [Open] = []
    public private(set) var value: JSONValue = .null

    public init() {}

    public mutating func beginObject() {
        open.append(.object([:], key: nil))
    }

    public mutating func endObject() {
        guard case .object(let members, _) = open.popLast() else { return }
        add(.object(members))
    }

    public mutating func beginArray() {
        open.append(.array([]))
    }

    public mutating func endArray() {
        guard case .array(let elements) = open.popLast() else { return }
        add(.array(elements))
    }

    public mutating func key(_ name: String) {
        guard case .object(let members, _) = open.popLast() else { return }
        open.append(.object(members, key: name))
    }

    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func int(_ value: Int) { add(.number(Double(value))) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func null() { add(.null) }

    /// Puts `element` in the innermost open container (taken out and put back, so that its
    /// storage stays uniquely referenced and grows in place), or makes it the value.
    private mutating func add(_ element: JSONValue) {
        switch open.popLast() {
        case nil:
            value = element
        case .object(var members, let key?):
            members[key] = element
            open.append(.object(members, key: nil))
        case .object(let members, nil):
            open.append(.object(members, key: nil))
        case .array(var elements):
            elements.append(element)
            open.append(.array(elements))
        }
    }
}
