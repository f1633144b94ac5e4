import CMicroHTTPD
import Glibc
import Synchronization
import TodoLogging

/// Owns one libmicrohttpd daemon: opening its listening socket, starting it with an epoll thread
/// pool, and stopping it gracefully. ``HTTPServer`` and ``BareHTTPServer`` differ only in their
/// callbacks.
///
/// `context` is handed to the callbacks as an unretained pointer; this object keeps it alive and
/// stops the daemon (joining MHD's threads) before it is released, so no callback can outlive it.
final class MHDDaemon: Sendable {
    /// The C callbacks and the object they reach through their context pointer.
    struct Callbacks {
        var access: MHD_AccessHandlerCallback
        var completed: MHD_RequestCompletedCallback?
        var uriLog: cmhd_uri_log_callback?
        /// Starts the daemon with `MHD_ALLOW_SUSPEND_RESUME`, for handlers run off MHD's threads.
        var suspendResume = false
    }

    /// `@unchecked Sendable`: an MHD daemon may be quiesced and stopped from any thread.
    private struct Handle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private enum State {
        case idle
        case running(daemon: Handle, port: Int)
        case stopped(port: Int)
    }

    let configuration: HTTPServerConfiguration
    let logger: Logger
    private let context: AnyObject & Sendable
    private let state = Mutex<State>(.idle)

    init(configuration: HTTPServerConfiguration, logger: Logger, context: AnyObject & Sendable) {
        self.configuration = configuration
        self.logger = logger
        self.context = context
    }

    deinit {
        if case .running(let daemon, _) = state.withLock({ $0 }) {
            MHD_stop_daemon(daemon.pointer)
        }
    }

    /// The bound port while running and after shutdown; 0 before ``start(_:)``.
    var port: Int {
        switch state.withLock({ $0 }) {
        case .idle: 0
        case .running(_, let port), .stopped(let port): port
        }
    }

    /// Binds the configured address and starts the daemon. Throws when called twice.
    func start(_ callbacks: Callbacks) throws(HTTPServerError) {
        try configuration.validate()
        let alreadyStarted = state.withLock { state in
            if case .idle = state { return false }
            return true
        }
        if alreadyStarted {
            throw HTTPServerError(.alreadyStarted, "the server for \(configuration.address) was already started")
        }

        raiseFileLimit()
        let socket = try ListeningSocket.open(host: configuration.host, port: configuration.port)
        guard let port = ListeningSocket.localPort(socket.descriptor) else {
            close(socket.descriptor)
            throw HTTPServerError(.startFailed, "cannot read the bound port of \(configuration.address)")
        }

        let contextPointer = Unmanaged.passUnretained(context).toOpaque()
        let selfPointer = Unmanaged.passUnretained(self).toOpaque()
        let flags = Self.flags | (callbacks.suspendResume ? MHD_ALLOW_SUSPEND_RESUME.rawValue : 0)
        let daemon = cmhd_start_daemon(
            flags, socket.descriptor, UInt32(threadPoolSize), UInt32(configuration.connectionLimit),
            UInt32(configuration.connectionTimeoutSeconds), configuration.connectionMemoryLimitBytes,
            callbacks.access, contextPointer, callbacks.completed, contextPointer, callbacks.uriLog, contextPointer,
            Self.logCallback, selfPointer)
        guard let daemon = daemon.map(Handle.init) else {
            close(socket.descriptor)
            throw HTTPServerError(.startFailed, "libmicrohttpd could not start on \(configuration.address)")
        }
        state.withLock { $0 = .running(daemon: daemon, port: port) }
    }

    /// Stops accepting (the listening socket is closed at once, so new connections are refused),
    /// waits until `inFlight` reports no request in progress or `gracePeriod` has passed, calls
    /// `beforeStop` (which must resume every suspended connection: stopping with one still
    /// suspended is a libmicrohttpd panic), then stops the daemon, closing idle keep-alive
    /// connections. Returns the requests still in flight when the wait ended; later calls return 0.
    @discardableResult
    func shutdown(gracePeriod: Duration, inFlight: () -> Int, beforeStop: () -> Void = {}) -> Int {
        let handle: Handle? = state.withLock { state in
            guard case .running(let daemon, let port) = state else { return nil }
            state = .stopped(port: port)
            return daemon
        }
        guard let daemon = handle?.pointer else { return 0 }

        // MHD_quiesce_daemon hands the listening socket back to us (it needs MHD_USE_ITC with
        // internal threads); closing it makes the kernel refuse new connections.
        let listening = MHD_quiesce_daemon(daemon)
        if listening >= 0 {
            close(listening)
        }

        let deadline = ContinuousClock.now + gracePeriod
        while inFlight() > 0 && ContinuousClock.now < deadline {
            usleep(2_000)
        }
        let unfinished = inFlight()
        if unfinished > 0 {
            logger.warning("grace period ended with requests in flight", ["requests": String(unfinished)])
        }
        beforeStop()
        MHD_stop_daemon(daemon)
        return unfinished
    }

    /// Worker threads: the configured count, or one per online CPU core.
    private var threadPoolSize: Int {
        if configuration.threads > 0 { return configuration.threads }
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// MHD_ALLOW_UPGRADE lets a handler switch protocols (WebSocket); it costs nothing otherwise.
    private static let flags =
        MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_USE_ITC.rawValue | MHD_USE_ERROR_LOG.rawValue
        | MHD_ALLOW_UPGRADE.rawValue

    private func raiseFileLimit() {
        switch FileDescriptorLimit.raiseToHardLimit() {
        case .success(let limit) where limit < UInt(configuration.connectionLimit) + 64:
            logger.warning(
                "open-file limit is below the connection limit",
                ["limit": String(limit), "connection_limit": String(configuration.connectionLimit)])
        case .success:
            break
        case .failure(let error):
            logger.warning("cannot raise the open-file limit", [LogKey.error: error.description])
        }
    }

    /// MHD's error log. It reports conditions such as the connection limit being reached, but also
    /// peers that disconnect mid-request, which are normal: only the former is a warning.
    private static let logCallback: MHD_LogCallback = { context, format, arguments in
        guard let context, let format, let arguments else { return }
        let daemon = Unmanaged<MHDDaemon>.fromOpaque(context).takeUnretainedValue()
        var buffer = [CChar](repeating: 0, count: 512)
        _ = vsnprintf(&buffer, buffer.count, format, arguments)
        let message = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }.trimmingSuffix("\n")
        let level: Logger.Level = message.contains("limit") ? .warning : .debug
        daemon.logger.log(level, "libmicrohttpd reported a problem", [LogKey.error: message])
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: Character) -> String {
        var copy = self
        while copy.last == suffix { copy.removeLast() }
        return copy
    }
}
