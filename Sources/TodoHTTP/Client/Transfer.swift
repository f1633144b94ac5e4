import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One request's answer as it arrives, handed from URLSession's delegate queue to the thread
/// waiting in ``HTTPClient/send(_:)``.
final class Transfer: Sendable {
    private struct State {
        var body: [UInt8] = []
        var overLimit = false
        var response: HTTPURLResponse?
        var error: (any Error)?
    }

    private let limit: Int
    private let state = Mutex(State())
    private let done = DispatchSemaphore(value: 0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Adds a piece of the body; false once the body would pass the limit (nothing more is kept,
    /// and the caller cancels the task).
    func append(_ data: Data) -> Bool {
        state.withLock { state in
            guard !state.overLimit else { return false }
            guard state.body.count + data.count <= limit else {
                state.overLimit = true
                state.body = []
                return false
            }
            state.body.append(contentsOf: data)
            return true
        }
    }

    func finish(response: HTTPURLResponse?, error: (any Error)?) {
        state.withLock { state in
            state.response = response
            state.error = error
        }
        done.signal()
    }

    /// False when `seconds` passed first.
    func wait(seconds: TimeInterval) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    func outcome(for request: OutboundRequest) throws(HTTPClientError) -> OutboundResponse {
        let (body, overLimit, response, error) = state.withLock { ($0.body, $0.overLimit, $0.response, $0.error) }
        let url = request.url.redacted
        if overLimit { throw .responseTooLarge(url: url, limit: limit) }
        if let error {
            if (error as? URLError)?.code == .timedOut { throw .timedOut(url: url, after: request.timeout) }
            throw .unreachable(url: url, reason: (error as? URLError)?.shortReason ?? "request failed")
        }
        guard let response else { throw .unreachable(url: url, reason: "no HTTP response") }

        var headers = HTTPHeaders()
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers.add(name, value) }
        }
        return OutboundResponse(status: response.statusCode, headers: headers, body: body)
    }
}

extension URLError {
    /// A few words on why the request failed, without the URL or anything the server sent.
    fileprivate var shortReason: String {
        switch code {
        case .cannotConnectToHost: HTTPClientError.connectionRefused
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
