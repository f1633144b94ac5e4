import Foundation
import Synchronization
import TodoCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Outbound HTTP for the calls the product makes to other systems: webhooks, a language model, a
/// Dapr sidecar, the CLI talking to a running server. Foundation's URLSession does the protocol
/// and TLS; this wraps it as one blocking call, which is what the worker threads and the CLI that
/// use it want.
///
/// Each client owns one ephemeral session (no cookies, no cache, no credential store), so
/// nothing leaks between clients; connections are reused between calls of one client unless it is
/// made with `reusesConnections: false`, which gives every call a session of its own. Two
/// guards hold for every call, because the other end is not always trusted (a webhook URL is
/// whatever a user typed; a model server may be anyone's):
/// - redirects are never followed: a 3xx comes back as the response, so credentials sent to one
///   host (a model API key) never reach another, and a URL cannot bounce a request elsewhere;
/// - the body read is bounded by ``OutboundRequest/maxResponseBytes`` (after any decompression),
///   so a huge or endlessly compressed answer costs at most that much memory.
public final class HTTPClient: Sendable {
    /// The shared session, or nil when each call gets its own.
    private let shared: Session?
    private let timeout: TimeInterval

    /// `timeout` is the default for requests that do not set their own.
    ///
    /// Without `reusesConnections`, every request goes on a connection of its own: a session is
    /// made for it and closed after it (a request header cannot force that: libcurl keeps a
    /// connection the server keeps open). For POSTs to servers that may fail inside a request (a
    /// model server, a webhook receiver): when such a server drops a kept-alive connection,
    /// URLSession cannot tell a stale connection from a lost request, sends the POST again and
    /// may then wait out the whole timeout; on a fresh connection the loss is seen at once and
    /// reported, and the request is sent once.
    public init(timeout: TimeInterval = 30, reusesConnections: Bool = true) {
        self.timeout = timeout
        shared = reusesConnections ? Session(timeout: timeout) : nil
    }

    deinit {
        shared?.close()
    }

    /// Sends `request` and blocks the calling thread until the whole response has arrived, the
    /// request's timeout has passed or the connection failed. A non-2xx status is a response,
    /// not an error.
    public func send(_ request: OutboundRequest) throws(HTTPClientError) -> OutboundResponse {
        let session = shared ?? Session(timeout: timeout)
        defer { if shared == nil { session.close() } }
        return try session.send(request)
    }
}

/// One URLSession with its delegate.
private final class Session: Sendable {
    private let session: URLSession
    private let transfers: TransferDelegate

    init(timeout: TimeInterval) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = OutboundRequest.sessionTimeout(for: timeout)
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        configuration.httpAdditionalHeaders = ["User-Agent": Product.userAgent]
        transfers = TransferDelegate()
        session = URLSession(configuration: configuration, delegate: transfers, delegateQueue: nil)
    }

    func close() {
        session.finishTasksAndInvalidate()
    }

    func send(_ request: OutboundRequest) throws(HTTPClientError) -> OutboundResponse {
        let urlRequest = try request.urlRequest()
        let task = session.dataTask(with: urlRequest)
        let transfer = transfers.begin(task, limit: request.maxResponseBytes)
        task.resume()

        // The request's timeout is the whole exchange, to the fraction of a second: URLSession's
        // own is whole seconds of silence between packets (set longer, see
        // OutboundRequest.sessionTimeout), so a server trickling bytes cannot hold the caller, and
        // a deadline's last 0.9 s is not cut.
        guard transfer.wait(seconds: request.timeout) else {
            task.cancel()
            throw .timedOut(url: request.url.redacted, after: request.timeout)
        }
        return try transfer.outcome(for: request)
    }
}

/// The session's delegate: collects each task's body up to its limit and refuses redirects.
///
/// `@unchecked Sendable`: an NSObject subclass cannot be checked, but its only state is the
/// Mutex-guarded table of transfers; URLSession calls it on its own serial delegate queue.
private final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let transfers = Mutex<[Int: Transfer]>([:])

    func begin(_ task: URLSessionTask, limit: Int) -> Transfer {
        let transfer = Transfer(limit: limit)
        transfers.withLock { $0[task.taskIdentifier] = transfer }
        return transfer
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfers.withLock({ $0[dataTask.taskIdentifier] }) else { return }
        if !transfer.append(data) { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = transfers.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        transfer.finish(response: task.response as? HTTPURLResponse, error: error)
    }
}
