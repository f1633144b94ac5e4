import CMicroHTTPD
import Synchronization

/// One request whose handler runs on the ``BlockingPool`` while libmicrohttpd keeps its
/// connection suspended. The worker leaves the response here and resumes the connection; MHD then
/// calls the access handler again on the connection's own thread, which takes the response and
/// queues it (MHD's rule: responses are queued from its callbacks).
///
/// The connection pointer is used only while the connection is suspended: MHD neither times out
/// nor closes a suspended connection, and ``SuspendedRequests`` makes sure it is resumed exactly
/// once. After that, only MHD's thread reads ``outcome``.
final class SuspendedRequest: Sendable {
    /// What the access handler finds after the resume.
    enum Outcome: Sendable {
        case pending
        /// The response to queue.
        case response(HTTPResponse)
        /// Shutdown resumed the connection before the handler finished: it is closed unanswered,
        /// since the handler may already have had effects; a late response is dropped.
        case abandoned
    }

    /// `@unchecked Sendable`: MHD allows `MHD_resume_connection` from any thread (the daemon runs
    /// with `MHD_USE_ITC`, so the worker thread is woken); nothing else is done with it here.
    struct Connection: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    let connection: Connection
    private let state = Mutex<Outcome>(.pending)

    init(connection: OpaquePointer) {
        self.connection = Connection(pointer: connection)
    }

    var outcome: Outcome {
        state.withLock { $0 }
    }

    /// Called by ``SuspendedRequests`` just before the single resume.
    func settle(_ outcome: Outcome) {
        state.withLock { $0 = outcome }
    }
}

/// The requests whose connections are suspended, so that each is resumed exactly once — by its
/// worker when the handler returns, or by shutdown, which must resume every suspended connection
/// before `MHD_stop_daemon` (stopping with one still suspended is a libmicrohttpd panic).
///
/// `MHD_resume_connection` is called while the lock is held: a worker that finishes while shutdown
/// is abandoning cannot resume a connection after ``abandonAll()`` returned and the daemon began
/// to stop. MHD's resume only takes its own cleanup mutex and writes to the wake-up pipe; it calls
/// none of our callbacks, so holding the lock there cannot deadlock.
final class SuspendedRequests: Sendable {
    private let suspended = Mutex<[ObjectIdentifier: SuspendedRequest]>([:])

    /// Records a request whose connection the caller (MHD's thread, in the access handler) has
    /// just suspended.
    func add(_ request: SuspendedRequest) {
        suspended.withLock { $0[ObjectIdentifier(request)] = request }
    }

    /// Leaves `response` for the access handler and resumes the connection; false when shutdown
    /// has already resumed it, in which case the response is dropped.
    @discardableResult
    func finish(_ request: SuspendedRequest, with response: HTTPResponse) -> Bool {
        suspended.withLock { suspended in
            guard suspended.removeValue(forKey: ObjectIdentifier(request)) != nil else { return false }
            request.settle(.response(response))
            MHD_resume_connection(request.connection.pointer)
            return true
        }
    }

    /// Resumes every connection still suspended, marking its request abandoned. Returns how many.
    func abandonAll() -> Int {
        suspended.withLock { suspended in
            for request in suspended.values {
                request.settle(.abandoned)
                MHD_resume_connection(request.connection.pointer)
            }
            defer { suspended.removeAll() }
            return suspended.count
        }
    }
}
