import CMicroHTTPD
import TodoLogging

/// The smallest libmicrohttpd server: `{"status":"ok"}` for every request, body read and dropped,
/// no routing or middleware. The benchmark's baseline for the cost of ``HTTPServer``'s layers;
/// it runs on the same daemon settings (epoll thread pool, limits) and has the same lifecycle.
public final class BareHTTPServer: Sendable {
    private let core: BareServerCore
    private let daemon: MHDDaemon

    public init(configuration: HTTPServerConfiguration, logger: Logger) {
        core = BareServerCore()
        daemon = MHDDaemon(configuration: configuration, logger: logger, context: core)
    }

    /// Binds the address and starts serving; port 0 picks a free port (see ``port``).
    public func start() throws {
        try daemon.start(MHDDaemon.Callbacks(access: BareServerCore.access, completed: nil, uriLog: nil))
    }

    /// The port actually bound; 0 before ``start()``.
    public var port: Int { daemon.port }

    /// Stops accepting, then closes every connection once handlers in progress return. Idempotent.
    public func shutdown(gracePeriod: Duration) {
        daemon.shutdown(gracePeriod: gracePeriod) { 0 }
    }
}

/// Holds the one response that ``BareHTTPServer`` queues for every request.
///
/// `@unchecked Sendable`: the MHD response is created once, never changed, and MHD reference-counts
/// and locks it when several connections queue it at the same time.
final class BareServerCore: @unchecked Sendable {
    private let response: OpaquePointer

    init() {
        let body = Array(#"{"status":"ok"}"#.utf8)
        let created = body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let created else { preconditionFailure("libmicrohttpd could not allocate a 15-byte response") }
        _ = MHD_add_response_header(created, "Content-Type", HTTPResponse.jsonContentType)
        response = created
    }

    deinit {
        MHD_destroy_response(response)
    }

    /// First call: marks the request as seen (any non-null `con_cls`; nothing to free). Body
    /// calls: drop the chunk. Last call: queue the shared response.
    static let access: MHD_AccessHandlerCallback = { context, connection, _, _, _, _, uploadSize, requestContext in
        guard let context, let connection, let uploadSize, let requestContext else { return .NO }
        if requestContext.pointee == nil {
            requestContext.pointee = context
            return .YES
        }
        if uploadSize.pointee > 0 {
            uploadSize.pointee = 0
            return .YES
        }
        let core = Unmanaged<BareServerCore>.fromOpaque(context).takeUnretainedValue()
        return MHD_queue_response(connection, 200, core.response)
    }
}
