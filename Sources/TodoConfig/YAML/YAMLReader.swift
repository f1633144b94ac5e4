/// Builds a node tree from libyaml's parser events.
///
/// The profiles file is one document of plain mappings, sequences and scalars. Anchors and aliases
/// are refused rather than expanded: the file is small and hand-written, and expanding aliases
/// invites the "billion laughs" blow-up.
enum YAMLReader {
    /// The first document's root node, or nil for an empty file. More than one document is an error.
    static func read(_ bytes: [UInt8], file: String) throws(ConfigError) -> YAMLNode? {
        let parser = try YAMLParser(bytes: bytes, file: file)
        var builder = TreeBuilder(file: file)

        while true {
            let event = try parser.next()
            if case .streamEnd = event.kind { break }
            try builder.handle(event)
        }
        return builder.root
    }

    /// The stack of open collections; a finished node goes into the collection on top.
    private struct TreeBuilder {
        private enum Frame {
            case sequence(YAMLMark, [YAMLNode])
            case mapping(YAMLMark, [YAMLNode.Pair], pendingKey: YAMLNode?)
        }

        let file: String
        private(set) var root: YAMLNode?
        private var stack: [Frame] = []
        private var documents = 0

        init(file: String) {
            self.file = file
        }

        mutating func handle(_ event: YAMLParser.Event) throws(ConfigError) {
            if event.anchor != nil || isAlias(event) {
                throw ConfigError(
                    .invalidStructure, "anchors and aliases are not supported in the profiles file",
                    file: file, line: event.mark.line, column: event.mark.column)
            }

            switch event.kind {
            case .streamStart, .streamEnd, .documentEnd, .alias:
                return
            case .documentStart:
                documents += 1
                guard documents == 1 else {
                    throw ConfigError(
                        .invalidStructure, "the profiles file must hold one YAML document, found a second",
                        file: file, line: event.mark.line, column: event.mark.column)
                }
            case .scalar(let text, let isPlain):
                add(YAMLNode(content: .scalar(text, isPlain: isPlain), mark: event.mark))
            case .sequenceStart:
                stack.append(.sequence(event.mark, []))
            case .mappingStart:
                stack.append(.mapping(event.mark, [], pendingKey: nil))
            case .sequenceEnd, .mappingEnd:
                close()
            }
        }

        private func isAlias(_ event: YAMLParser.Event) -> Bool {
            if case .alias = event.kind { return true }
            return false
        }

        /// Pops the finished collection and adds it to its parent. libyaml guarantees that end
        /// events match start events, so the stack is never empty here.
        private mutating func close() {
            guard let frame = stack.popLast() else { return }
            switch frame {
            case .sequence(let mark, let items):
                add(YAMLNode(content: .sequence(items), mark: mark))
            case .mapping(let mark, let pairs, _):
                add(YAMLNode(content: .mapping(pairs), mark: mark))
            }
        }

        private mutating func add(_ node: YAMLNode) {
            guard let top = stack.popLast() else {
                root = node
                return
            }
            switch top {
            case .sequence(let mark, var items):
                items.append(node)
                stack.append(.sequence(mark, items))
            case .mapping(let mark, var pairs, let pendingKey):
                if let pendingKey {
                    pairs.append(YAMLNode.Pair(key: pendingKey, value: node))
                    stack.append(.mapping(mark, pairs, pendingKey: nil))
                } else {
                    stack.append(.mapping(mark, pairs, pendingKey: node))
                }
            }
        }
    }
}
