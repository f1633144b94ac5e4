import Synchronization

/// The open sessions of this replica by user id: where the live feed looks up who gets an event.
final class SessionRegistry: Sendable {
    private let sessions = Mutex<[String: [SyncSession]]>([:])

    func add(_ session: SyncSession) {
        sessions.withLock { $0[session.userID, default: []].append(session) }
    }

    func remove(_ session: SyncSession) {
        sessions.withLock { sessions in
            guard var list = sessions[session.userID] else { return }
            list.removeAll { $0 === session }
            sessions[session.userID] = list.isEmpty ? nil : list
        }
    }

    /// The sessions of one user, in the order they opened.
    func sessions(of userID: String) -> [SyncSession] {
        sessions.withLock { $0[userID] ?? [] }
    }

    /// Users with at least one session, and sessions in all.
    var counts: (users: Int, sessions: Int) {
        sessions.withLock { sessions in (sessions.count, sessions.values.reduce(0) { $0 + $1.count }) }
    }
}
