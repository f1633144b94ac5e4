/// A position in a YAML file, one-based as editors show it (libyaml's marks are zero-based).
struct YAMLMark: Sendable, Equatable {
    var line: Int
    var column: Int

    /// The mark of nodes built in code, which have no position.
    static let none = YAMLMark(line: 0, column: 0)
}

/// A parsed or to-be-emitted YAML node with the position where it starts.
///
/// Only what the profiles file needs: scalars keep their text and whether they were plain (so that
/// `~` and `null` can mean "no value" while `'~'` does not); anchors and tags are not kept.
struct YAMLNode: Sendable, Equatable {
    struct Pair: Sendable, Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    enum Content: Sendable, Equatable {
        case scalar(String, isPlain: Bool)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    var content: Content
    var mark: YAMLMark = .none

    /// The scalar's text, or nil for collections.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// A plain `~`, `null` (any case used by YAML 1.1) or empty scalar: a key written without a value.
    var isNull: Bool {
        guard case .scalar(let text, isPlain: true) = content else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// How the node is named in error messages.
    var kindName: String {
        switch content {
        case .scalar: isNull ? "no value" : "a scalar"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}

extension YAMLNode {
    /// A string scalar for emitting. Text that a YAML 1.1 reader would take for something other than
    /// a string (null, a boolean word, a number, or nothing) is single-quoted; the rest is left to
    /// the emitter, which quotes only where plain style cannot hold the text.
    static func string(_ text: String) -> YAMLNode {
        YAMLNode(content: .scalar(text, isPlain: !looksUntyped(text)))
    }

    /// A plain scalar for numbers and booleans.
    static func plain(_ text: String) -> YAMLNode {
        YAMLNode(content: .scalar(text, isPlain: true))
    }

    static func mapping(_ pairs: [(String, YAMLNode)]) -> YAMLNode {
        YAMLNode(content: .mapping(pairs.map { Pair(key: .string($0.0), value: $0.1) }))
    }

    static func sequence(_ items: [YAMLNode]) -> YAMLNode {
        YAMLNode(content: .sequence(items))
    }

    private static func looksUntyped(_ text: String) -> Bool {
        let words: Set<String> = [
            "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf",
        ]
        if words.contains(text.lowercased()) { return true }
        return Double(text.filter { $0 != "_" }) != nil || Int(text, radix: 10) != nil
            || text.hasPrefix("0x") || text.hasPrefix("0o")
    }
}
