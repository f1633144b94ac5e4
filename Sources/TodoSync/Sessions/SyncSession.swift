import Foundation
import Synchronization
import TodoCore
import TodoCrypto
import TodoHTTP
import TodoLogging

/// One client connection: whose it is, where its stream stands, and the handler of its socket.
///
/// A session goes through three phases. Opening: the socket is being handed to a reactor.
/// Catching up: it is registered, so live events for its user are buffered, while a catch-up
/// thread reads what it missed from the log (or just the current end). Live: the replay, `ready`
/// and the buffer have been sent and live events go straight out. Every event is sent only if
/// its offset is at or past its stream's position in ``State/positions``, which then moves past
/// it: that is what keeps the replay, the buffer and the live feed from duplicating or reordering
/// anything. Each message carries the session's whole cursor after it.
final class SyncSession: WebSocketHandler {
    enum Phase: Equatable {
        case opening
        case catchingUp
        case live
        case closed
    }

    struct State {
        var phase = Phase.opening
        var connection: WebSocketConnection?
        /// Per stream, the user's partition and the offset of the next event to deliver; known
        /// from the end of the catch-up on.
        var positions: [SyncStream: StreamPosition] = [:]
        /// Live events that arrived while catching up, in offset order per stream.
        var buffered: [EncodedEvent] = []
        var tokenExpiresAt: Date
    }

    let userID: String
    /// The cursor the client asked to resume from (`since`), as sent; nil for a fresh start.
    let requestedPosition: String?
    private let context: SyncContext
    private let state: Mutex<State>

    init(userID: String, tokenExpiresAt: Date, requestedPosition: String?, context: SyncContext) {
        self.userID = userID
        self.requestedPosition = requestedPosition
        self.context = context
        self.state = Mutex(State(tokenExpiresAt: tokenExpiresAt))
    }

    var phase: Phase { state.withLock { $0.phase } }

    /// Built when needed rather than kept: an idle session should cost as little as possible.
    private var logger: Logger { context.logger.with(LogKey.userID, userID) }

    // MARK: WebSocketHandler (on the reactor thread)

    func webSocketDidOpen(_ connection: WebSocketConnection) {
        let expiresAt = state.withLock { state -> Date in
            state.connection = connection
            state.phase = .catchingUp
            return state.tokenExpiresAt
        }
        context.registry.add(self)
        connection.close(
            at: context.closeDeadline(forTokenExpiringAt: expiresAt), with: SyncCloseCode.tokenExpiredClose)
        logger.debug("WebSocket session opened", ["connection.id": String(connection.id)])
        context.catchUp.enqueue(self)
    }

    func webSocket(_ connection: WebSocketConnection, didReceive message: WebSocketMessage) {
        guard case .text(let bytes) = message, let parsed = ClientMessage.parse(bytes) else {
            connection.close(WebSocketClose(code: SyncCloseCode.invalidMessage, reason: "invalid_message"))
            return
        }
        switch parsed {
        case .ping:
            connection.send(text: ServerMessage.pong)
        case .auth(let token):
            refreshToken(token, on: connection)
        case .unknown(let type):
            connection.send(
                text: ServerMessage.error(code: "unknown_type", message: "Unknown message type '\(type.prefix(40))'"))
        }
    }

    func webSocketDidClose(_ connection: WebSocketConnection, _ info: WebSocketCloseInfo) {
        context.registry.remove(self)
        state.withLock { state in
            state.phase = .closed
            state.buffered = []
        }
        logger.debug(
            "WebSocket session closed",
            ["connection.id": String(connection.id), "close.code": String(info.code.rawValue)])
    }

    /// Verifies a token sent over the socket; a valid one for the same user moves the deadline.
    private func refreshToken(_ token: String, on connection: WebSocketConnection) {
        let verified: VerifiedToken
        do {
            verified = try context.tokens.verify(token, now: context.clock.now)
        } catch {
            connection.send(text: ServerMessage.error(code: error.code, message: error.message))
            return
        }
        guard verified.subject == userID else {
            connection.send(
                text: ServerMessage.error(
                    code: "token_subject_mismatch", message: "The token belongs to another user"))
            return
        }

        state.withLock { $0.tokenExpiresAt = verified.expiresAt }
        connection.close(
            at: context.closeDeadline(forTokenExpiringAt: verified.expiresAt), with: SyncCloseCode.tokenExpiredClose)
        connection.send(text: ServerMessage.authAccepted(tokenExpiresAt: verified.expiresAt))
        context.counters.add(.tokenRefreshes)
    }

    // MARK: Delivery

    /// A live event for this user (on the live feed's thread): buffered while catching up, sent
    /// when live and not yet delivered. A buffer that outgrows the send queue closes the
    /// connection as a slow consumer; the client resumes from its last position.
    func deliverLive(_ event: EncodedEvent) {
        state.withLock { state in
            switch state.phase {
            case .catchingUp:
                guard state.buffered.count < context.configuration.webSocket.maxQueuedMessages else {
                    state.phase = .closed
                    state.buffered = []
                    state.connection?.close(SyncCloseCode.slowConsumerClose)
                    context.counters.add(.catchUpOverflows)
                    return
                }
                state.buffered.append(event)
            case .live:
                if let connection = state.connection, Self.advance(&state, past: event) {
                    // Counted first: a client that has the message must find it in the stats.
                    context.counters.add(.eventsDelivered)
                    connection.send(text: event.bytes(cursor: SyncCursor(positions: Array(state.positions.values))))
                }
            case .opening, .closed:
                break
            }
        }
    }

    /// Moves the stream's position past `event` when it has not been delivered yet; false for an
    /// event already delivered (a redelivery, or one both replayed and seen live).
    private static func advance(_ state: inout State, past event: EncodedEvent) -> Bool {
        guard let current = state.positions[event.stream], event.offset >= current.nextOffset else { return false }
        state.positions[event.stream] = event.position
        return true
    }

    /// Ends the catch-up (on a catch-up thread): sends the replayed events, `refetch` if the
    /// cursor could not be replayed, `ready`, then what was buffered meanwhile, and goes live.
    func finishCatchUp(_ plan: CatchUpPlan) {
        state.withLock { state in
            guard state.phase == .catchingUp, let connection = state.connection else { return }

            // Replayed events start where the client asked; the ends are where it stands after.
            for event in plan.replayed {
                state.positions[event.stream] = event.position
                connection.send(text: event.bytes(cursor: cursor(state, ends: plan.ends)))
            }
            for end in plan.ends {
                let next = max(state.positions[end.stream]?.nextOffset ?? 0, end.nextOffset)
                state.positions[end.stream] = StreamPosition(
                    stream: end.stream, partition: end.partition, nextOffset: next)
            }
            let position = SyncCursor(positions: Array(state.positions.values))
            if let reason = plan.refetchReason {
                connection.send(text: ServerMessage.refetch(reason: reason, position: position))
            }
            connection.send(
                text: ServerMessage.ready(
                    userID: userID, position: position, replayed: plan.replayed.count,
                    tokenExpiresAt: state.tokenExpiresAt, heartbeatSeconds: context.heartbeatSeconds))

            var delivered = plan.replayed.count
            for event in state.buffered where Self.advance(&state, past: event) {
                connection.send(text: event.bytes(cursor: SyncCursor(positions: Array(state.positions.values))))
                delivered += 1
            }
            state.buffered = []
            state.phase = .live
            context.counters.add(.eventsDelivered, delivered)
        }
    }

    /// The cursor during a replay: each stream at what was sent so far, or where the client asked
    /// to start (the requested cursor, which `plan.replayed` starts from).
    private func cursor(_ state: State, ends: [StreamPosition]) -> SyncCursor {
        let requested = requestedPosition.flatMap(SyncCursor.init)
        return SyncCursor(
            positions: ends.map { end in state.positions[end.stream] ?? requested?[end.stream] ?? end })
    }

    /// The log could not be read for the catch-up: the client is told to retry later.
    func failCatchUp() {
        state.withLock { state in
            guard state.phase == .catchingUp else { return }
            state.phase = .closed
            state.connection?.close(WebSocketClose(code: .internalError, reason: "catch_up_failed"))
        }
    }
}
