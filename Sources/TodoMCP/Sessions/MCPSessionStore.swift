import Foundation
import Synchronization
import TodoCore
import TodoCrypto

/// The Streamable HTTP transport's sessions, by `Mcp-Session-Id`, bounded in number and dropped
/// when idle.
///
/// A session belongs to the user whose token opened it: looking one up with another user's id
/// finds nothing, exactly as for an id that never existed, so a session id leaks no access.
/// Limits: a user's least recently used session makes way for a new one past `maxPerUser` (a
/// client that never says goodbye cannot pile them up); past `maxSessions` in all, the least
/// recently used session of the user holding the most makes way. Refusing there instead would let
/// a few accounts fill the store and lock every other user out until their sessions expire; taking
/// from the heaviest holder means that someone who signs up many accounts to fill the store pushes
/// out their own sessions first, and reaches a user with one session only once every account holds
/// just one.
///
/// Sessions live in this process only: after a restart, or on another backend replica, a
/// session id is unknown (404) and the client initializes again. With several replicas the
/// ingress needs session affinity for `/mcp`, or clients re-initialize often.
public final class MCPSessionStore: Sendable {
    public let maxSessions: Int
    public let maxPerUser: Int
    public let idleTimeout: TimeInterval
    private let clock: any TimeSource
    private let state = Mutex(State())

    private struct State {
        var entries: [String: Entry] = [:]
        /// Counts uses, to order sessions by recency even when the clock has not moved.
        var uses: UInt64 = 0

        mutating func touch(_ id: String, at now: Date) {
            uses += 1
            entries[id]?.lastUsed = now
            entries[id]?.lastUse = uses
        }
    }

    private struct Entry {
        let session: MCPSession
        var lastUsed: Date
        var lastUse: UInt64
    }

    public init(
        maxSessions: Int = 1_000, maxPerUser: Int = 10, idleTimeout: TimeInterval = 1_800,
        clock: any TimeSource = SystemTimeSource()
    ) {
        self.maxSessions = max(1, maxSessions)
        self.maxPerUser = max(1, maxPerUser)
        self.idleTimeout = idleTimeout
        self.clock = clock
    }

    /// A new session for `userID` with an unguessable id, not yet held: ``admit(_:)`` adds it
    /// once its `initialize` succeeded, so a refused handshake never takes a place.
    public func makeSession(for userID: String) -> MCPSession {
        MCPSession(id: SecureRandom.token(byteCount: 24), userID: userID)
    }

    /// Holds `session` from now on, first dropping the user's least recently used session when
    /// they hold `maxPerUser`, then the least recently used of all when the store is full. Dropped
    /// sessions answer 404, and their clients initialize again.
    public func admit(_ session: MCPSession) {
        let now = clock.now
        state.withLock { state in
            state.entries = state.entries.filter { !isExpired($0.value, now: now) }

            let own = state.entries.filter { $0.value.session.userID == session.userID }
            if own.count >= maxPerUser, let oldest = own.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key] = nil
            }
            if state.entries.count >= maxSessions,
                let evicted = Self.evictionCandidate(in: state.entries, admitting: session.userID)
            {
                state.entries[evicted] = nil
            }
            state.entries[session.id] = Entry(session: session, lastUsed: now, lastUse: 0)
            state.touch(session.id, at: now)
        }
    }

    /// The session `id` of `userID`, marked as used now; nil when it does not exist, has expired
    /// or belongs to someone else.
    public func session(_ id: String, for userID: String) -> MCPSession? {
        let now = clock.now
        return state.withLock { state in
            guard let entry = state.entries[id] else { return nil }
            if isExpired(entry, now: now) {
                state.entries[id] = nil
                return nil
            }
            guard entry.session.userID == userID else { return nil }
            state.touch(id, at: now)
            return entry.session
        }
    }

    /// Ends session `id` of `userID`; false when there was no such session for that user.
    @discardableResult
    public func close(_ id: String, for userID: String) -> Bool {
        state.withLock { state in
            guard let entry = state.entries[id], entry.session.userID == userID else { return false }
            state.entries[id] = nil
            return true
        }
    }

    /// Sessions held, expired ones included until the next `open` sweeps them.
    public var count: Int { state.withLock { $0.entries.count } }

    /// The least recently used session of the user who holds the most, counting the session
    /// `admitting` is about to get (the least recently used of all among users holding equally
    /// many).
    private static func evictionCandidate(in entries: [String: Entry], admitting userID: String) -> String? {
        let byUser = Dictionary(grouping: entries, by: { $0.value.session.userID })
        let heaviest = byUser.map { user, sessions in
            (
                count: sessions.count + (user == userID ? 1 : 0),
                oldest: sessions.min(by: { $0.value.lastUse < $1.value.lastUse })!
            )
        }
        .min { ($1.count, $0.oldest.value.lastUse) < ($0.count, $1.oldest.value.lastUse) }
        return heaviest?.oldest.key
    }

    private func isExpired(_ entry: Entry, now: Date) -> Bool {
        now.timeIntervalSince(entry.lastUsed) > idleTimeout
    }
}
