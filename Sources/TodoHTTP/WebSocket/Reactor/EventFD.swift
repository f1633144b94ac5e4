import CEpoll
import Glibc

/// Owns a non-blocking eventfd: the doorbell another thread rings to wake a reactor blocked in
/// `epoll_wait`. ``ring()`` may be called from any thread; ``drain()`` only by the reactor.
final class EventFD: @unchecked Sendable {
    // @unchecked: the descriptor is set once; write(2) and read(2) on an eventfd are atomic.
    let descriptor: Int32

    init() throws(WebSocketError) {
        let created = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard created >= 0 else { throw Epoll.failure("eventfd", errno) }
        descriptor = created
    }

    deinit {
        _ = Glibc.close(descriptor)
    }

    /// Makes the descriptor readable. A full counter (EAGAIN) is already readable, so the
    /// result does not matter.
    func ring() {
        var one: UInt64 = 1
        while write(descriptor, &one, 8) < 0 && errno == EINTR {}
    }

    /// Resets the counter, so the descriptor stops being readable.
    func drain() {
        var value: UInt64 = 0
        while read(descriptor, &value, 8) < 0 && errno == EINTR {}
    }
}
