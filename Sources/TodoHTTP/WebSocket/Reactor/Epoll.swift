import CEpoll
import Glibc

/// Owns one epoll instance. Used by its reactor thread only (registration from the same
/// thread), except ``close()``, which the reactor calls on its way out.
final class Epoll {
    /// Event bits, as epoll reports and takes them.
    struct Events: OptionSet {
        let rawValue: UInt32

        static let readable = Events(rawValue: EPOLLIN.rawValue)
        static let writable = Events(rawValue: EPOLLOUT.rawValue)
        static let peerHangUp = Events(rawValue: EPOLLRDHUP.rawValue)
        static let hangUp = Events(rawValue: EPOLLHUP.rawValue)
        static let error = Events(rawValue: EPOLLERR.rawValue)
    }

    /// One readiness report: the token given at registration and what is ready.
    struct Ready {
        let token: UInt64
        let events: Events
    }

    private var descriptor: Int32
    private var tokens: [UInt64]
    private var events: [UInt32]

    init(capacity: Int = 256) throws(WebSocketError) {
        let created = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard created >= 0 else { throw Self.failure("epoll_create1", errno) }
        descriptor = created
        tokens = [UInt64](repeating: 0, count: min(capacity, 256))
        events = [UInt32](repeating: 0, count: min(capacity, 256))
    }

    deinit {
        close()
    }

    /// Watches `fd` for `events`, reporting them with `token`.
    func add(_ fd: Int32, events: Events, token: UInt64) throws(WebSocketError) {
        guard cepoll_control(descriptor, EPOLL_CTL_ADD, fd, events.rawValue, token) == 0 else {
            throw Self.failure("epoll_ctl(ADD)", errno)
        }
    }

    /// Changes what `fd` is watched for.
    func modify(_ fd: Int32, events: Events, token: UInt64) throws(WebSocketError) {
        guard cepoll_control(descriptor, EPOLL_CTL_MOD, fd, events.rawValue, token) == 0 else {
            throw Self.failure("epoll_ctl(MOD)", errno)
        }
    }

    /// Stops watching `fd`; a descriptor the kernel already dropped is not an error.
    func remove(_ fd: Int32) {
        _ = cepoll_remove(descriptor, fd)
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and returns what became ready; empty on
    /// timeout or when a signal interrupted the wait.
    func wait(timeoutMilliseconds: Int32) throws(WebSocketError) -> [Ready] {
        let count = cepoll_wait(descriptor, &tokens, &events, Int32(tokens.count), timeoutMilliseconds)
        if count < 0 {
            let code = errno
            if code == EINTR { return [] }
            throw Self.failure("epoll_wait", code)
        }
        return (0..<Int(count)).map { Ready(token: tokens[$0], events: Events(rawValue: events[$0])) }
    }

    func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    static func failure(_ call: String, _ code: Int32) -> WebSocketError {
        WebSocketError(.systemCallFailed, "\(call) failed: \(String(cString: strerror(code))) (errno \(code))")
    }
}
