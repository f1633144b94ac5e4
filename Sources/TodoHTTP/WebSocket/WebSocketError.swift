/// Why a ``WebSocketServer`` could not start. `code` is stable; `message` says what failed.
public struct WebSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidConfiguration = "invalid_configuration"
        /// epoll or eventfd could not be created (`message` has the errno).
        case systemCallFailed = "system_call_failed"
        case alreadyStarted = "already_started"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
