import CYAML

/// One libyaml parser over a buffer it owns, handing out events as Swift values.
///
/// libyaml keeps a pointer to the input for the parser's whole life, so the bytes are copied into
/// memory this class frees in `deinit`, after `yaml_parser_delete`. Not thread-safe; use it from one
/// thread and drop it.
final class YAMLParser {
    /// A parser event with its start position.
    struct Event {
        enum Kind {
            case streamStart
            case streamEnd
            case documentStart
            case documentEnd
            case scalar(String, isPlain: Bool)
            case sequenceStart
            case sequenceEnd
            case mappingStart
            case mappingEnd
            case alias
        }

        var kind: Kind
        var mark: YAMLMark
        /// The anchor (`&name`) on a scalar or collection, if any.
        var anchor: String?
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let file: String

    /// Prepares to parse `bytes`; `file` names the source in errors.
    init(bytes: [UInt8], file: String) throws(ConfigError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw ConfigError(.yamlSyntax, "could not initialise the YAML parser (out of memory)", file: file)
        }

        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
        self.parser = parser
        self.input = input
        self.file = file
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or the parser's problem as a `yaml_syntax` error with its line and column.
    func next() throws(ConfigError) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
        defer { yaml_event_delete(&event) }

        let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return Event(kind: .streamStart, mark: mark)
        case YAML_STREAM_END_EVENT:
            return Event(kind: .streamEnd, mark: mark)
        case YAML_DOCUMENT_START_EVENT:
            return Event(kind: .documentStart, mark: mark)
        case YAML_DOCUMENT_END_EVENT:
            return Event(kind: .documentEnd, mark: mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = Self.string(scalar.value, length: scalar.length)
            // A tag (`!!str null`) makes the scalar explicitly typed, so it is not a bare null.
            let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nil
            return Event(kind: .scalar(text, isPlain: isPlain), mark: mark, anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            return Event(kind: .sequenceStart, mark: mark, anchor: Self.string(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT:
            return Event(kind: .sequenceEnd, mark: mark)
        case YAML_MAPPING_START_EVENT:
            return Event(kind: .mappingStart, mark: mark, anchor: Self.string(event.data.mapping_start.anchor))
        case YAML_MAPPING_END_EVENT:
            return Event(kind: .mappingEnd, mark: mark)
        case YAML_ALIAS_EVENT:
            return Event(kind: .alias, mark: mark)
        default:
            throw ConfigError(
                .yamlSyntax, "unexpected YAML event \(event.type.rawValue)", file: file, line: mark.line,
                column: mark.column)
        }
    }

    /// libyaml's problem text, its context ("while parsing a block mapping") and the problem's mark.
    private func syntaxError() -> ConfigError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        var text = "YAML syntax error: \(problem)"
        if let context = state.context {
            let line = Int(state.context_mark.line) + 1
            let column = Int(state.context_mark.column) + 1
            text += " (\(String(cString: context)) at line \(line), column \(column))"
        }
        return ConfigError(
            .yamlSyntax, text, file: file, line: Int(state.problem_mark.line) + 1,
            column: Int(state.problem_mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
