import Synchronization
import TodoLogging

/// What libmicrohttpd's callbacks of one ``HTTPServer`` reach through their context pointer: the
/// handler, the limits, and the counters that graceful shutdown reads.
///
/// The callbacks run on MHD's worker threads; everything here is immutable, atomic or locked.
final class ServerCore: Sendable {
    let handler: HTTPHandler
    let maxBodyBytes: Int
    /// Bytes read and dropped after a body outgrew `maxBodyBytes` before the connection is cut.
    let discardLimitBytes: Int
    let serviceName: String
    let logger: Logger
    /// Runs the routes registered as blocking off MHD's threads; nil when there are none.
    let blocking: BlockingDispatcher?
    /// Requests whose headers have been read and whose completion MHD has not yet reported.
    let inFlight = Atomic<Int>(0)
    /// Set when shutdown begins: responses then carry `Connection: close`.
    let draining = Atomic<Bool>(false)

    init(
        configuration: HTTPServerConfiguration, handler: @escaping HTTPHandler, blocking: BlockingDispatcher? = nil,
        logger: Logger
    ) {
        self.handler = handler
        self.blocking = blocking
        self.maxBodyBytes = configuration.maxBodyBytes
        self.discardLimitBytes = configuration.maxBodyBytes + (8 << 20)
        self.serviceName = configuration.serviceName
        self.logger = logger
    }
}
