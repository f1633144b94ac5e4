/// Why the HTTP listener could not start. `code` is stable; `message` names the address.
public struct HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidConfiguration = "invalid_configuration"
        case invalidHost = "invalid_host"
        case addressInUse = "address_in_use"
        case bindFailed = "bind_failed"
        case startFailed = "start_failed"
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
