import Foundation
import TodoCore

/// The dedicated connection of each consuming member, on which its claim transactions run. Claims
/// hold a transaction open while handlers run, and handlers usually write through the store, so
/// claims use connections outside the store's pool: consumers can never starve the pool (or wait
/// on themselves when it is small). One member's connection is used by its loop thread only.
final class ClaimConnections: @unchecked Sendable {
    // @unchecked: `connections` and `closed` are read and written only while `lock` is held; each
    // connection is used by one member's loop thread at a time.
    private let lock = NSLock()
    private var connections: [String: PostgresConnection] = [:]
    private var closed = false
    private let open: () throws -> PostgresConnection

    init(open: @escaping () throws -> PostgresConnection) {
        self.open = open
    }

    /// The member's connection, opened (or replaced, when it broke) as needed.
    func connection(for memberID: String) throws -> PostgresConnection {
        let existing = lock.withLock { connections[memberID] }
        if let existing, existing.isReusable() { return existing }
        existing?.close()

        let fresh = try open()
        let kept = lock.withLock { () -> Bool in
            guard !closed else { return false }
            connections[memberID] = fresh
            return true
        }
        if !kept {
            fresh.close()
            throw AppError.eventLogClosed
        }
        return fresh
    }

    /// Closes the member's connection, ending any claim it still held.
    func release(_ memberID: String) {
        lock.withLock { connections.removeValue(forKey: memberID) }?.close()
    }

    func closeAll() {
        let all = lock.withLock {
            closed = true
            defer { connections.removeAll() }
            return Array(connections.values)
        }
        for connection in all { connection.close() }
    }
}
