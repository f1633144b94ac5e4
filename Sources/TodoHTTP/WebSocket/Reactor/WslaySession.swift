import CWslay
import Glibc

/// One upgraded connection as its reactor drives it: the wslay context that does the RFC 6455
/// framing, the socket it reads and writes, and the heartbeat and close state.
///
/// Created on the libmicrohttpd worker that ran the upgrade, then handed to a reactor through its
/// inbox; from then on only that reactor's thread touches it. It owns the wslay context (freed in
/// `deinit`) and the ``UpgradedSocket`` (given back to MHD by ``release()``).
final class WslaySession: @unchecked Sendable {
    // @unchecked: confined to one thread at a time (creator, then reactor); the inbox's lock
    // orders the hand-over.
    let connection: WebSocketConnection
    let handler: any WebSocketHandler
    private let socket: UpgradedSocket
    private var context: OpaquePointer?
    private var input: [UInt8]
    private var inputOffset = 0

    /// The last time anything arrived from the peer; heartbeats count from here.
    private(set) var lastHeard: ContinuousClock.Instant
    /// When the unanswered ping went out; nil when none is outstanding.
    var pingSentAt: ContinuousClock.Instant?
    /// Set once a close frame is queued: the socket is dropped at this instant at the latest.
    private(set) var closeDeadline: ContinuousClock.Instant?
    /// Why this server closed the connection, when it did.
    private(set) var closeInitiator: WebSocketCloseInfo.Initiator?
    /// The close frame this server asked for, if any.
    private var requestedClose: WebSocketClose?
    /// A close frame waiting for the messages queued before it to be written.
    private var pendingClose: WebSocketClose?
    /// A close the application scheduled (``WebSocketConnection/close(at:with:)``).
    var scheduledClose: (at: ContinuousClock.Instant, close: WebSocketClose)?
    /// What epoll watches the socket for now.
    var watching: Epoll.Events = []
    /// Output was queued since the last flush.
    var needsFlush = false
    /// Messages wslay completed during the last ``receive()``, in order.
    private(set) var received: [WebSocketMessage] = []
    /// The socket reached its end or failed: nothing more can be read or written.
    private(set) var transportEnded = false

    var descriptor: Int32 { socket.descriptor }

    init(
        connection: WebSocketConnection, handler: any WebSocketHandler, socket: UpgradedSocket, maxMessageBytes: Int,
        now: ContinuousClock.Instant
    ) throws(WebSocketError) {
        self.connection = connection
        self.handler = handler
        self.socket = socket
        self.input = socket.bufferedInput
        self.lastHeard = now

        // wslay keeps this pointer as user data; the session outlives its context (deinit frees it).
        let user = Unmanaged.passUnretained(self).toOpaque()
        var created: OpaquePointer?
        let status = withUnsafePointer(to: WslayCallbacks.table) { callbacks in
            wslay_event_context_server_init(&created, callbacks, user)
        }
        guard status == 0, let created else {
            throw WebSocketError(.systemCallFailed, "wslay_event_context_server_init failed (\(status))")
        }
        wslay_event_config_set_max_recv_msg_length(created, UInt64(maxMessageBytes))
        context = created
    }

    deinit {
        release()
        if let context { wslay_event_context_free(context) }
    }

    // MARK: Reading

    /// Lets wslay read and parse everything available (bytes MHD had buffered first, then the
    /// socket, until it would block). Complete messages land in ``received``; wslay answers pings
    /// and echoes a peer's close by itself. False when the connection cannot go on.
    func receive() -> Bool {
        guard let context else { return false }
        received.removeAll(keepingCapacity: true)
        return wslay_event_recv(context) == 0 && !transportEnded
    }

    /// Whether bytes MHD read past the handshake still wait to be parsed; epoll cannot report them.
    var hasBufferedInput: Bool { inputOffset < input.count }

    /// wslay's receive callback: buffered bytes first, then the socket.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        if inputOffset < input.count {
            let count = min(capacity, input.count - inputOffset)
            input.withUnsafeBufferPointer { bytes in
                buffer.update(from: bytes.baseAddress! + inputOffset, count: count)
            }
            inputOffset += count
            if inputOffset == input.count {
                input = []
                inputOffset = 0
            }
            heard()
            return count
        }

        while true {
            let count = recv(socket.descriptor, buffer, capacity, 0)
            if count > 0 {
                heard()
                return count
            }
            if count == 0 {
                return fail()
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return wouldBlock()
            default: return fail()
            }
        }
    }

    /// wslay's callback for a complete message (control frames included).
    func messageReceived(opcode: UInt8, bytes: UnsafeBufferPointer<UInt8>) {
        switch UInt32(opcode) {
        case WSLAY_TEXT_FRAME.rawValue: received.append(.text(Array(bytes)))
        case WSLAY_BINARY_FRAME.rawValue: received.append(.binary(Array(bytes)))
        default: break
        }
    }

    private func heard() {
        lastHeard = .now
        pingSentAt = nil
    }

    // MARK: Writing

    /// Messages and bytes queued in wslay and not yet written (control frames included).
    var queuedMessages: Int { context.map { wslay_event_get_queued_msg_count($0) } ?? 0 }
    var queuedBytes: Int { context.map { wslay_event_get_queued_msg_length($0) } ?? 0 }

    /// Whether messages may still be queued: no close frame is queued yet.
    var acceptsMessages: Bool { closeDeadline == nil && !transportEnded && context != nil }

    /// Queues one text (or other data or control) message; wslay copies the bytes.
    @discardableResult
    func queue(_ bytes: [UInt8], opcode: wslay_opcode = WSLAY_TEXT_FRAME) -> Bool {
        guard let context, acceptsMessages else { return false }
        let status = bytes.withUnsafeBufferPointer { buffer in
            var message = wslay_event_msg(
                opcode: UInt8(opcode.rawValue), msg: buffer.baseAddress, msg_length: buffer.count)
            return wslay_event_queue_msg(context, &message)
        }
        needsFlush = true
        return status == 0
    }

    /// Stops taking messages and queues a close frame, giving the peer until `deadline` to answer
    /// with its own. wslay sends control frames ahead of queued messages, so unless `immediately`
    /// is set the close frame waits in ``pendingClose`` until what was queued before is written.
    func beginClose(
        _ close: WebSocketClose, initiator: WebSocketCloseInfo.Initiator, deadline: ContinuousClock.Instant,
        immediately: Bool
    ) {
        guard closeDeadline == nil else { return }
        closeInitiator = initiator
        closeDeadline = deadline
        requestedClose = close
        if immediately || queuedMessages == 0 {
            queueClose(close)
        } else {
            pendingClose = close
        }
        needsFlush = true
    }

    /// Writes what wslay has queued until the socket would block, then a pending close frame once
    /// nothing is ahead of it. False when writing failed.
    func flush() -> Bool {
        needsFlush = false
        guard let context else { return false }
        guard wslay_event_send(context) == 0, !transportEnded else { return false }
        if let close = pendingClose, queuedMessages == 0 {
            pendingClose = nil
            queueClose(close)
            return wslay_event_send(context) == 0 && !transportEnded
        }
        return true
    }

    private func queueClose(_ close: WebSocketClose) {
        guard let context else { return }
        let reason = close.reasonBytes
        _ = reason.withUnsafeBufferPointer { buffer in
            wslay_event_queue_close(context, close.code.rawValue, buffer.baseAddress, buffer.count)
        }
    }

    /// wslay's send callback.
    func write(_ data: UnsafePointer<UInt8>, count: Int, more: Bool) -> Int {
        let flags = Int32(MSG_NOSIGNAL) | (more ? Int32(MSG_MORE) : 0)
        while true {
            let written = send(socket.descriptor, data, count, flags)
            if written >= 0 { return written }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return wouldBlock()
            default: return fail()
            }
        }
    }

    // MARK: State

    /// What epoll should watch the socket for, from what wslay wants next.
    var wantedEvents: Epoll.Events {
        guard let context, !transportEnded else { return [] }
        var events: Epoll.Events = []
        if wslay_event_want_read(context) != 0 { events.formUnion([.readable, .peerHangUp]) }
        if wslay_event_want_write(context) != 0 { events.insert(.writable) }
        return events
    }

    /// Done: the socket ended, or wslay wants neither to read nor to write (both close frames
    /// exchanged, or a protocol error answered).
    var isFinished: Bool { wantedEvents.isEmpty }

    /// How the connection ended, for the handler: the peer's close code when one arrived, else
    /// the code of the close frame sent (by this server, or by wslay answering a protocol error),
    /// else 1006 (no close handshake).
    var closeInfo: WebSocketCloseInfo {
        let initiator = closeInitiator ?? .peer
        if let context, wslay_event_get_close_received(context) != 0 {
            let code = WebSocketClose.Code(rawValue: wslay_event_get_status_code_received(context))
            return WebSocketCloseInfo(code: code, initiator: initiator)
        }
        if let context, wslay_event_get_close_sent(context) != 0 {
            let code = WebSocketClose.Code(rawValue: wslay_event_get_status_code_sent(context))
            return WebSocketCloseInfo(code: code, initiator: initiator)
        }
        return WebSocketCloseInfo(code: requestedClose?.code ?? .abnormal, initiator: initiator)
    }

    /// Marks a close this server caused without a close frame (a dead peer).
    func abandon(initiator: WebSocketCloseInfo.Initiator) {
        closeInitiator = initiator
        transportEnded = true
    }

    /// Gives the socket back to libmicrohttpd. Idempotent; wslay's context stays for ``closeInfo``.
    func release() {
        socket.close()
    }

    private func wouldBlock() -> Int {
        if let context { wslay_event_set_error(context, Int32(WSLAY_ERR_WOULDBLOCK.rawValue)) }
        return -1
    }

    private func fail() -> Int {
        transportEnded = true
        if let context { wslay_event_set_error(context, Int32(WSLAY_ERR_CALLBACK_FAILURE.rawValue)) }
        return -1
    }
}
