import CWslay

/// The C callbacks wslay calls during `wslay_event_recv` and `wslay_event_send`. Each finds its
/// ``WslaySession`` through the user-data pointer, which is unretained: the session owns the
/// context and frees it in `deinit`, so no callback can outlive it.
enum WslayCallbacks {
    static let table = wslay_event_callbacks(
        recv_callback: receive, send_callback: send, genmask_callback: nil, on_frame_recv_start_callback: nil,
        on_frame_recv_chunk_callback: nil, on_frame_recv_end_callback: nil, on_msg_recv_callback: message)

    private static let receive: wslay_event_recv_callback = { _, buffer, length, _, user in
        guard let buffer, let user else { return -1 }
        return Unmanaged<WslaySession>.fromOpaque(user).takeUnretainedValue().read(into: buffer, capacity: length)
    }

    private static let send: wslay_event_send_callback = { _, data, length, flags, user in
        guard let data, let user else { return -1 }
        let more = flags & Int32(WSLAY_MSG_MORE.rawValue) != 0
        return Unmanaged<WslaySession>.fromOpaque(user).takeUnretainedValue().write(data, count: length, more: more)
    }

    private static let message: wslay_event_on_msg_recv_callback = { _, argument, user in
        guard let argument, let user else { return }
        let session = Unmanaged<WslaySession>.fromOpaque(user).takeUnretainedValue()
        let bytes = UnsafeBufferPointer(start: argument.pointee.msg, count: argument.pointee.msg_length)
        session.messageReceived(opcode: argument.pointee.opcode, bytes: bytes)
    }
}
