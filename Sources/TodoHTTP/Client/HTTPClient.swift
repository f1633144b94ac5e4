import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Outbound HTTP for the calls the product makes to other systems: webhooks, a language model, a
/// Dapr sidecar, the CLI talking to a running server. Foundation's URLSession does the protocol
/// and TLS; this wraps it as one blocking call, which is what the worker threads and the CLI that
/// use it want.
///
/// Each client owns one ephemeral session (no cookies, no cache, no credential store), so
/// connections are reused between calls of one client and nothing leaks between clients.
public final class HTTPClient: Sendable {
    private let session: URLSession

    /// `timeout` is the default for requests that do not set their own.
    public init(timeout: TimeInterval = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends `request` and blocks the calling thread until the whole response has arrived, the
    /// request's timeout has passed or the connection failed. A non-2xx status is a response,
    /// not an error.
    public func send(_ request: OutboundRequest) throws(HTTPClientError) -> OutboundResponse {
        let urlRequest = try request.urlRequest()
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: urlRequest) { data, response, error in
            outcome.set(data: data, response: response as? HTTPURLResponse, error: error)
            done.signal()
        }
        task.resume()

        // URLSession enforces the timeout itself; the margin only guards against a task that
        // never calls back.
        guard done.wait(timeout: .now() + request.timeout + 2) == .success else {
            task.cancel()
            throw .timedOut(url: request.url.redacted, after: request.timeout)
        }
        return try outcome.response(for: request)
    }
}

/// What one request produced, handed from URLSession's delegate queue to the waiting thread.
private final class Outcome: Sendable {
    private let storage = Mutex<(data: Data?, response: HTTPURLResponse?, error: (any Error)?)>((nil, nil, nil))

    func set(data: Data?, response: HTTPURLResponse?, error: (any Error)?) {
        storage.withLock { $0 = (data, response, error) }
    }

    func response(for request: OutboundRequest) throws(HTTPClientError) -> OutboundResponse {
        let (data, response, error) = storage.withLock { ($0.data, $0.response, $0.error) }
        if let error {
            if (error as? URLError)?.code == .timedOut {
                throw .timedOut(url: request.url.redacted, after: request.timeout)
            }
            throw .unreachable(url: request.url.redacted, reason: (error as? URLError)?.shortReason ?? "request failed")
        }
        guard let response else { throw .unreachable(url: request.url.redacted, reason: "no HTTP response") }

        var headers = HTTPHeaders()
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers.add(name, value) }
        }
        return OutboundResponse(status: response.statusCode, headers: headers, body: data.map { [UInt8]($0) } ?? [])
    }
}

extension URLError {
    /// A few words on why the request failed, without the URL or anything the server sent.
    fileprivate var shortReason: String {
        switch code {
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .networkConnectionLost: "connection lost"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            "TLS handshake failed"
        case .badServerResponse: "bad response"
        default: "request failed (\(code.rawValue))"
        }
    }
}
