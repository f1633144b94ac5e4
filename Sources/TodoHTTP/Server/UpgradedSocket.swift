import CMicroHTTPD
import Glibc

/// A socket libmicrohttpd handed over after a `101 Switching Protocols` response, with the bytes
/// it had already read past the request headers (which belong to the new protocol).
///
/// MHD still owns the descriptor: it must not be closed directly, only through ``close()``,
/// which gives it back (`MHD_upgrade_action(CLOSE)`); MHD closes it on its own thread. Every
/// upgraded socket must be closed before its daemon stops, because MHD frees the handle then.
public final class UpgradedSocket: @unchecked Sendable {
    // @unchecked: created on an MHD worker thread and then used by one owner thread at a time
    // (the hand-over goes through a lock); MHD_upgrade_action may be called from any thread.
    public let descriptor: Int32
    /// Bytes MHD read after the headers; the new protocol must consume them before the socket.
    public let bufferedInput: [UInt8]
    private var handle: OpaquePointer?

    init(descriptor: Int32, bufferedInput: [UInt8], handle: OpaquePointer) {
        self.descriptor = descriptor
        self.bufferedInput = bufferedInput
        self.handle = handle
    }

    deinit {
        close()
    }

    /// Whether ``close()`` has run.
    public var isClosed: Bool { handle == nil }

    /// Shuts the connection down at once (the peer sees the end of the stream) and returns the
    /// descriptor to libmicrohttpd. Idempotent.
    public func close() {
        guard let handle else { return }
        self.handle = nil
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
        _ = cmhd_upgrade_close(handle)
    }
}

/// What the handler of an upgrade request left for the transport: called with the socket once
/// the 101 response has gone out. Never called when the connection failed before that.
public final class UpgradeHandoff: Sendable {
    let accept: @Sendable (UpgradedSocket) -> Void

    public init(accept: @escaping @Sendable (UpgradedSocket) -> Void) {
        self.accept = accept
    }
}
