import CWslay
import Foundation
import Synchronization
import TodoLogging

/// One thread that owns a share of the WebSocket connections: it waits in `epoll_wait` on their
/// sockets and on a doorbell (an eventfd), lets wslay read and write, runs the handlers'
/// callbacks, and checks heartbeats and deadlines every tick.
///
/// Other threads talk to it only through ``post(_:)``: commands go into an inbox under a lock, and
/// the doorbell is rung when the inbox was empty, so a burst of sends costs one wake-up. Nothing
/// the reactor does blocks: sockets are non-blocking and handlers must not block either.
final class Reactor: @unchecked Sendable {
    // @unchecked: `sessions`, `pendingFlush` and `shutdownDeadline` are touched only on the
    // reactor thread; the inbox is behind its Mutex; the rest is immutable.

    /// What other threads ask of the reactor.
    enum Command {
        case adopt(WslaySession)
        case send(UInt64, [UInt8], binary: Bool)
        case close(UInt64, WebSocketClose)
        case closeAt(UInt64, ContinuousClock.Instant, WebSocketClose)
        case shutdown(ContinuousClock.Instant)
    }

    private struct Inbox {
        var commands: [Command] = []
        var accepting = true
    }

    /// The epoll token of the doorbell; connection ids start at 1.
    private static let doorbellToken: UInt64 = 0

    let index: Int
    let configuration: WebSocketConfiguration
    let stats: WebSocketStats
    let logger: Logger
    private let epoll: Epoll
    private let doorbell: EventFD
    private let inbox = Mutex(Inbox())
    private let finished = DispatchSemaphore(value: 0)
    private var sessions: [UInt64: WslaySession] = [:]
    private var pendingFlush: [WslaySession] = []
    private var shutdownDeadline: ContinuousClock.Instant?

    init(index: Int, configuration: WebSocketConfiguration, stats: WebSocketStats, logger: Logger)
        throws(WebSocketError)
    {
        self.index = index
        self.configuration = configuration
        self.stats = stats
        self.logger = logger
        epoll = try Epoll()
        doorbell = try EventFD()
        try epoll.add(doorbell.descriptor, events: .readable, token: Self.doorbellToken)
    }

    /// Starts the reactor thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "websocket-reactor-\(index)"
        thread.start()
    }

    /// Hands a command to the reactor thread. False when the reactor no longer takes commands
    /// (it is shutting down): an adopted session is then released at once and a send is counted
    /// as dropped.
    @discardableResult
    func post(_ command: Command) -> Bool {
        let (accepted, ring) = inbox.withLock { inbox -> (Bool, Bool) in
            guard inbox.accepting else { return (false, false) }
            inbox.commands.append(command)
            return (true, inbox.commands.count == 1)
        }
        if ring { doorbell.ring() }
        if !accepted { refuse(command) }
        return accepted
    }

    /// Closes every connection with the configured shutdown code, waits for the close handshakes
    /// until `gracePeriod` has passed, drops what is left and stops the thread. Returns when the
    /// thread has finished; later calls return at once.
    func shutdown(gracePeriod: Duration) {
        let first = inbox.withLock { inbox -> Bool in
            guard inbox.accepting else { return false }
            inbox.accepting = false
            inbox.commands.append(.shutdown(.now + gracePeriod))
            return true
        }
        guard first else { return }
        doorbell.ring()
        finished.wait()
    }

    // MARK: The reactor thread

    private func run() {
        var nextTick = ContinuousClock.now + configuration.tickInterval
        while true {
            let ready: [Epoll.Ready]
            do {
                ready = try epoll.wait(timeoutMilliseconds: Self.milliseconds(until: nextTick))
            } catch {
                logger.error("WebSocket reactor cannot wait for events", [LogKey.error: error.description])
                break
            }

            for event in ready {
                if event.token == Self.doorbellToken {
                    doorbell.drain()
                    processInbox()
                } else if let session = sessions[event.token] {
                    handle(session, event.events)
                }
            }

            let now = ContinuousClock.now
            if now >= nextTick {
                tick(now)
                nextTick = now + configuration.tickInterval
            }
            flushPending()
            if let deadline = shutdownDeadline, sessions.isEmpty || now >= deadline { break }
        }

        for session in Array(sessions.values) { finish(session) }
        epoll.close()
        finished.signal()
    }

    private func handle(_ session: WslaySession, _ events: Epoll.Events) {
        if !events.isDisjoint(with: [.readable, .peerHangUp, .hangUp, .error]) {
            receive(session)
        }
        if events.contains(.writable) {
            session.needsFlush = true
        }
        markPending(session)
    }

    /// Lets wslay parse what arrived and hands complete messages to the handler.
    private func receive(_ session: WslaySession) {
        let healthy = session.receive()
        for message in session.received {
            stats.messageReceived()
            session.handler.webSocket(session.connection, didReceive: message)
        }
        markPending(session)
        if !healthy { finish(session) }
    }

    private func processInbox() {
        let commands = inbox.withLock { inbox in
            defer { inbox.commands.removeAll(keepingCapacity: true) }
            return inbox.commands
        }
        for command in commands {
            switch command {
            case .adopt(let session): adopt(session)
            case .send(let id, let bytes, let binary): send(bytes, binary: binary, to: id)
            case .close(let id, let close):
                if let session = sessions[id] { beginClose(session, close, initiator: .server) }
            case .closeAt(let id, let deadline, let close):
                sessions[id]?.scheduledClose = (deadline, close)
            case .shutdown(let deadline):
                shutdownDeadline = deadline
                for session in sessions.values {
                    beginClose(session, configuration.shutdownClose, initiator: .server)
                }
            }
        }
    }

    private func adopt(_ session: WslaySession) {
        let events: Epoll.Events = [.readable, .peerHangUp]
        do {
            try epoll.add(session.descriptor, events: events, token: session.connection.id)
        } catch {
            logger.warning("Cannot watch an upgraded socket", [LogKey.error: error.description])
            session.release()
            return
        }
        session.watching = events
        sessions[session.connection.id] = session
        stats.connectionOpened()

        session.handler.webSocketDidOpen(session.connection)
        // epoll reports only what arrives from now on: bytes MHD read past the handshake first.
        if session.hasBufferedInput { receive(session) }
        if shutdownDeadline != nil { beginClose(session, configuration.shutdownClose, initiator: .server) }
    }

    /// Queues `bytes`, unless the connection is closing or its queue is over the limits: then a
    /// flush is tried first, and if the queue is still full the connection is closed as too slow.
    private func send(_ bytes: [UInt8], binary: Bool, to id: UInt64) {
        guard let session = sessions[id], session.acceptsMessages else {
            stats.messagesDropped()
            return
        }
        if !fits(bytes.count, session) {
            if !session.flush() { markPending(session) }
            guard fits(bytes.count, session) else {
                stats.messagesDropped()
                stats.sendQueueOverflowed()
                beginClose(session, configuration.overflowClose, initiator: .sendQueueOverflow, immediately: true)
                return
            }
        }
        if session.queue(bytes, opcode: binary ? WSLAY_BINARY_FRAME : WSLAY_TEXT_FRAME) {
            stats.messageSent()
        } else {
            stats.messagesDropped()
        }
        markPending(session)
    }

    private func fits(_ count: Int, _ session: WslaySession) -> Bool {
        session.queuedMessages < configuration.maxQueuedMessages
            && session.queuedBytes + count <= configuration.maxQueuedBytes
    }

    /// Starts the close handshake; the close frame follows what is queued unless `immediately`
    /// (a slow client's queue may never drain).
    private func beginClose(
        _ session: WslaySession, _ close: WebSocketClose, initiator: WebSocketCloseInfo.Initiator,
        immediately: Bool = false
    ) {
        session.beginClose(
            close, initiator: initiator, deadline: .now + configuration.closeTimeout, immediately: immediately)
        markPending(session)
    }

    /// Heartbeats and deadlines: pings quiet peers, drops those that stopped answering, closes
    /// sessions whose scheduled close has come and drops those whose close handshake timed out.
    private func tick(_ now: ContinuousClock.Instant) {
        var expired: [WslaySession] = []
        for session in sessions.values {
            if let deadline = session.closeDeadline {
                if now >= deadline { expired.append(session) }
                continue
            }
            if let scheduled = session.scheduledClose, now >= scheduled.at {
                session.scheduledClose = nil
                beginClose(session, scheduled.close, initiator: .server)
                continue
            }
            if let pinged = session.pingSentAt {
                if now - pinged >= configuration.pongTimeout {
                    session.abandon(initiator: .heartbeatTimeout)
                    stats.heartbeatTimedOut()
                    expired.append(session)
                }
            } else if now - session.lastHeard >= configuration.pingInterval {
                session.queue([], opcode: WSLAY_PING)
                session.pingSentAt = now
                markPending(session)
            }
        }
        for session in expired { finish(session) }
    }

    private func markPending(_ session: WslaySession) {
        pendingFlush.append(session)
    }

    /// Writes queued output, drops finished sessions and matches what epoll watches to what wslay
    /// wants next.
    private func flushPending() {
        let pending = pendingFlush
        pendingFlush.removeAll(keepingCapacity: true)
        for session in pending where sessions[session.connection.id] === session {
            if session.needsFlush && !session.flush() {
                finish(session)
                continue
            }
            let wanted = session.wantedEvents
            if wanted.isEmpty {
                finish(session)
                continue
            }
            guard wanted != session.watching else { continue }
            do {
                try epoll.modify(session.descriptor, events: wanted, token: session.connection.id)
                session.watching = wanted
            } catch {
                finish(session)
            }
        }
    }

    /// Forgets a session: stops watching its socket before giving it back to libmicrohttpd (which
    /// may reuse the descriptor at once), counts what it still had queued as dropped, and tells
    /// the handler.
    private func finish(_ session: WslaySession) {
        guard sessions.removeValue(forKey: session.connection.id) != nil else { return }
        epoll.remove(session.descriptor)
        session.release()
        let closeInfo = session.closeInfo
        stats.connectionClosed(by: closeInfo.initiator)
        stats.messagesDropped(session.queuedMessages)
        session.handler.webSocketDidClose(session.connection, closeInfo)
    }

    /// What happens to a command that arrives after shutdown.
    private func refuse(_ command: Command) {
        switch command {
        case .adopt(let session): session.release()
        case .send: stats.messagesDropped()
        case .close, .closeAt, .shutdown: break
        }
    }

    private static func milliseconds(until instant: ContinuousClock.Instant) -> Int32 {
        let remaining = ContinuousClock.now.duration(to: instant)
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        return Int32(min(60_000, seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
    }
}
