import Foundation
import TodoCore

/// At most `capacity` connections, opened on first need and handed to one thread at a time.
///
/// - Reuse: a connection is checked before it is handed out again (``PostgresConnection/isReusable()``);
///   one that broke while idle (the server restarted, the session was terminated) is closed and
///   replaced by a new one, so callers recover from an outage without a restart.
/// - Waiting: a caller that finds every connection busy waits up to `waitTimeout`, then fails with
///   `unavailable` (`database_busy`, HTTP 503) instead of hanging.
/// - Opening happens outside the lock, so a slow server delays only the caller that needs a new
///   connection.
final class ConnectionPool: @unchecked Sendable {
    // @unchecked: every stored var is read and written only while `condition` is locked.
    let capacity: Int
    let waitTimeout: TimeInterval
    private let target: String
    private let open: () throws -> PostgresConnection
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var openCount = 0
    private var closed = false

    init(target: String, capacity: Int, waitTimeout: TimeInterval, open: @escaping () throws -> PostgresConnection) {
        self.target = target
        self.capacity = max(1, capacity)
        self.waitTimeout = waitTimeout
        self.open = open
    }

    /// A connection for the caller's exclusive use until ``checkIn(_:)``.
    func checkOut() throws -> PostgresConnection {
        let deadline = Date(timeIntervalSinceNow: waitTimeout)
        condition.lock()
        while true {
            if closed {
                condition.unlock()
                throw PostgresFailure.closed(target)
            }
            if let connection = idle.popLast() {
                condition.unlock()
                if connection.isReusable() { return connection }
                discard(connection)
                condition.lock()
                continue
            }
            if openCount < capacity { break }
            guard condition.wait(until: deadline) else {
                condition.unlock()
                throw PostgresFailure.busy(
                    context: "pool: all \(capacity) connections stayed in use for \(waitTimeout) s")
            }
        }
        openCount += 1
        condition.unlock()

        do {
            return try open()
        } catch {
            condition.withLock {
                openCount -= 1
                condition.signal()
            }
            throw error
        }
    }

    /// Gives the connection back; a broken one is closed (the check before reuse catches the rest).
    func checkIn(_ connection: PostgresConnection) {
        guard connection.isConnected, !closedNow else {
            discard(connection)
            return
        }
        condition.withLock {
            idle.append(connection)
            condition.signal()
        }
    }

    /// Closes the connection and frees its slot for a new one.
    func discard(_ connection: PostgresConnection) {
        connection.close()
        condition.withLock {
            openCount -= 1
            condition.signal()
        }
    }

    /// Closes idle connections now and checked-out ones when they come back; later check-outs throw.
    func close() {
        let closing = condition.withLock {
            closed = true
            let connections = idle
            openCount -= idle.count
            idle.removeAll()
            condition.broadcast()
            return connections
        }
        for connection in closing { connection.close() }
    }

    /// Connections open right now, idle or checked out.
    var openConnections: Int {
        condition.withLock { openCount }
    }

    private var closedNow: Bool {
        condition.withLock { closed }
    }
}
