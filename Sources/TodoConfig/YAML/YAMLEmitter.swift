import CYAML

/// One libyaml emitter writing into memory; ``render(_:file:)`` is the way to use it.
///
/// The emitter writes through a C callback into an output box that this class owns, so the box
/// outlives every write. Not thread-safe; use it from one thread and drop it.
final class YAMLEmitter {
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let output = EmitterOutput()
    private let file: String

    /// Emits `node` as a one-document YAML stream in block style, UTF-8, indent 2.
    static func render(_ node: YAMLNode, file: String) throws(ConfigError) -> [UInt8] {
        let emitter = try YAMLEmitter(file: file)
        try emitter.emitDocument(node)
        return emitter.output.bytes
    }

    private init(file: String) throws(ConfigError) {
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw ConfigError(.yamlEmit, "could not initialise the YAML emitter (out of memory)", file: file)
        }

        self.emitter = emitter
        self.file = file
        // Unretained: `output` is a stored property, so it lives as long as the emitter that uses it.
        let context = Unmanaged.passUnretained(output).toOpaque()
        yaml_emitter_set_output(emitter, yamlEmitterWrite, context)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, -1)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    private func emitDocument(_ node: YAMLNode) throws(ConfigError) {
        try emit("stream start") { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
        try emit("document start") { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) }
        try emitNode(node)
        try emit("document end") { yaml_document_end_event_initialize(&$0, 1) }
        try emit("stream end") { yaml_stream_end_event_initialize(&$0) }
        guard yaml_emitter_flush(emitter) == 1 else { throw emitterError("flush") }
    }

    private func emitNode(_ node: YAMLNode) throws(ConfigError) {
        switch node.content {
        case .scalar(let text, let isPlain):
            let bytes = Array(text.utf8)
            let style = isPlain ? YAML_PLAIN_SCALAR_STYLE : YAML_SINGLE_QUOTED_SCALAR_STYLE
            try emit("scalar") { event in
                yaml_scalar_event_initialize(&event, nil, nil, bytes, Int32(bytes.count), 1, 1, style)
            }
        case .sequence(let items):
            try emit("sequence start") {
                yaml_sequence_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            }
            for item in items { try emitNode(item) }
            try emit("sequence end") { yaml_sequence_end_event_initialize(&$0) }
        case .mapping(let pairs):
            try emit("mapping start") {
                yaml_mapping_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            }
            for pair in pairs {
                try emitNode(pair.key)
                try emitNode(pair.value)
            }
            try emit("mapping end") { yaml_mapping_end_event_initialize(&$0) }
        }
    }

    /// Initialises one event and hands it to the emitter, which takes ownership of it whether or not
    /// emitting succeeds (libyaml deletes the event on failure).
    private func emit(_ step: String, _ initialize: (inout yaml_event_t) -> Int32) throws(ConfigError) {
        var event = yaml_event_t()
        guard initialize(&event) == 1 else {
            throw ConfigError(.yamlEmit, "could not build the YAML \(step) event", file: file)
        }
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw emitterError(step) }
    }

    private func emitterError(_ step: String) -> ConfigError {
        let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
        return ConfigError(.yamlEmit, "YAML emitter failed at \(step): \(problem)", file: file)
    }
}

/// The bytes written so far. A class so that the C callback can append through a raw pointer.
private final class EmitterOutput {
    var bytes: [UInt8] = []
}

/// libyaml's write handler: appends the chunk to the `EmitterOutput` behind `data`; 1 is success.
private func yamlEmitterWrite(
    data: UnsafeMutableRawPointer?, buffer: UnsafeMutablePointer<UInt8>?, size: Int
) -> Int32 {
    guard let data, let buffer else { return size == 0 ? 1 : 0 }
    let output = Unmanaged<EmitterOutput>.fromOpaque(data).takeUnretainedValue()
    output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
    return 1
}
