/// The state of one request between libmicrohttpd's calls of the access handler (headers, each
/// body chunk, the final call). It lives behind MHD's per-request context pointer: created,
/// retained, by the URI log callback and released in the completion callback.
///
/// Only the worker thread that owns the connection touches it, so it needs no locking.
final class RequestState {
    /// The request target exactly as received (`/path?query`), before any decoding; emptied once
    /// the request has been built.
    var target: String
    let startTime: ContinuousClock.Instant
    var headersRead = false
    /// Counted in ``ServerCore/inFlight`` (from the first handler call to completion).
    var counted = false
    /// Its headers completed after shutdown began: it is answered 503 without running the handler.
    var arrivedWhileDraining = false
    var method = HTTPMethod.get
    var headers = HTTPHeaders()
    var body: [UInt8] = []
    /// Bytes of body received, including any dropped once the limit was exceeded.
    var receivedBytes = 0
    var bodyLimitExceeded = false
    /// Set when the response switches protocols; taken by the upgrade callback.
    var upgrade: UpgradeHandoff?
    /// Set while a blocking handler runs on the pool and the connection is suspended.
    var suspended: SuspendedRequest?

    init(target: String, startTime: ContinuousClock.Instant = .now) {
        self.target = target
        self.startTime = startTime
    }
}
