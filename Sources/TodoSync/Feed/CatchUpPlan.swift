/// What a session must be sent before it goes live, as worked out from the log.
struct CatchUpPlan: Sendable {
    /// The partition of `task-updates` that holds the user's events.
    var partition: Int
    /// The partition's end offset when it was read: the first offset live delivery covers.
    var end: Int64
    /// The user's events from the requested position up to `end`, encoded, in offset order.
    var replayed: [(offset: Int64, bytes: [UInt8])]
    /// Why the requested position cannot be replayed, when it cannot (the client refetches).
    var refetchReason: String?
}

/// Why a resume is answered with `refetch` (the `reason` of the message, docs/websocket.md).
enum RefetchReason {
    /// `since` is not a position this server wrote.
    static let invalid = "position_invalid"
    /// `since` names another partition, or an offset past the end: another database, or a
    /// topic whose partition count changed.
    static let unknown = "position_unknown"
    /// Retention has removed events after `since`.
    static let expired = "position_expired"
    /// More was missed than a replay sends (see ``SyncConfiguration/maxReplayMessages``).
    static let tooFarBehind = "too_far_behind"
}
