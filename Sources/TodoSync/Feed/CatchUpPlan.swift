import Foundation

/// What a session must be sent before it goes live, as worked out from the log.
struct CatchUpPlan: Sendable {
    /// For each stream, the partition holding the user's events and its end offset when read:
    /// where live delivery takes over.
    var ends: [StreamPosition]
    /// The user's events from the requested cursor up to `ends`, in the order they were
    /// appended (offset order within each stream).
    var replayed: [EncodedEvent]
    /// Why the requested cursor cannot be replayed, when it cannot (the client refetches).
    var refetchReason: String?
}

/// Why a resume is answered with `refetch` (the `reason` of the message, docs/websocket.md).
enum RefetchReason {
    /// `since` is not a cursor this server wrote.
    static let invalid = "position_invalid"
    /// `since` names another partition, or an offset past the end: another database, or a
    /// topic whose partition count changed.
    static let unknown = "position_unknown"
    /// Retention has removed events after `since`.
    static let expired = "position_expired"
    /// More was missed than a replay sends (see ``SyncConfiguration/maxReplayMessages``).
    static let tooFarBehind = "too_far_behind"
}
