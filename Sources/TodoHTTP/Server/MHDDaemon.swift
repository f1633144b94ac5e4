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

    /// `@unchecked Sendable`: an MHD daemon may be stopped from any thread.
    private struct Handle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private enum State {
        case idle
        /// `listening` is the descriptor MHD accepts on (ours until start, then MHD's to close).
        case running(daemon: Handle, port: Int, listening: Int32)
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
        if case .running(let daemon, _, _) = state.withLock({ $0 }) {
            MHD_stop_daemon(daemon.pointer)
        }
    }

    /// The bound port while running and after shutdown; 0 before ``start(_:)``.
    var port: Int {
        switch state.withLock({ $0 }) {
        case .idle: 0
        case .running(_, let port, _), .stopped(let port): port
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
        state.withLock { $0 = .running(daemon: daemon, port: port, listening: socket.descriptor) }
    }

    /// Stops accepting (the listening socket is closed at once, so new connections are refused),
    /// waits until `inFlight` reports no request in progress or `gracePeriod` has passed, calls
    /// `beforeStop` (which must resume every suspended connection: stopping with one still
    /// suspended is a libmicrohttpd panic), then stops the daemon, closing idle keep-alive
    /// connections. Returns the requests still in flight when the wait ended; later calls return 0.
    @discardableResult
    func shutdown(gracePeriod: Duration, inFlight: () -> Int, beforeStop: () -> Void = {}) -> Int {
        let running: (Handle, Int32)? = state.withLock { state in
            guard case .running(let daemon, let port, let listening) = state else { return nil }
            state = .stopped(port: port)
            return (daemon, listening)
        }
        guard let (handle, listening) = running else { return 0 }
        let daemon = handle.pointer

        stopListening(on: listening)

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

    /// Makes the kernel refuse new connections to the served port while MHD goes on serving the
    /// connections it has.
    ///
    /// Not MHD_quiesce_daemon: with epoll and a thread pool it races the workers, which also take
    /// the listening socket out of their epoll sets once they see the daemon quiesced, and the
    /// loser of the race aborts the process ("Failed to remove listen FD from epoll set", an open
    /// libmicrohttpd defect, seen here about once in a dozen runs of the HTTP tests under load).
    /// Instead a placeholder listening socket on a loopback port of its own is put under MHD's
    /// descriptor (dup2): the served socket loses its only descriptor and closes, which also takes
    /// it out of every epoll set, while the descriptor MHD holds stays valid (MHD_stop_daemon
    /// closes the placeholder) and is in no epoll set, so MHD never waits on or accepts from it.
    /// Should the swap fail, the socket stays open: connections arriving during the grace period
    /// are then answered `503 shutting_down` (see ``HTTPServer``) instead of being refused.
    private func stopListening(on listening: Int32) {
        do throws(HTTPServerError) {
            let placeholder = try ListeningSocket.open(host: "127.0.0.1", port: 0, backlog: 1)
            defer { close(placeholder.descriptor) }
            guard dup2(placeholder.descriptor, listening) == listening else {
                logger.warning("could not close the listening socket", [LogKey.error: String(cString: strerror(errno))])
                return
            }
            // dup2 clears close-on-exec on the descriptor it fills.
            _ = fcntl(listening, F_SETFD, FD_CLOEXEC)
        } catch {
            logger.warning("could not close the listening socket", [LogKey.error: error.description])
        }
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
