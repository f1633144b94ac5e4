import CMicroHTTPD

/// Turns an ``HTTPResponse`` into a libmicrohttpd response and queues it.
enum MHDResponseWriter {
    /// Copies the body and headers into an MHD response and queues it on the connection. MHD adds
    /// `Content-Length` (and `Date`) itself and omits the body for HEAD; a `Content-Length` set by
    /// a handler is skipped, since MHD refuses a second one. Fields MHD rejects (a value with a
    /// line break) are dropped. A 101 carrying an ``UpgradeHandoff`` becomes MHD's upgrade
    /// response, after which ``ServerCallbacks/upgraded`` receives the socket.
    static func queue(
        _ response: HTTPResponse, on connection: OpaquePointer, serviceName: String, closeConnection: Bool
    ) -> MHD_Result {
        let created: OpaquePointer?
        if response.upgrade != nil && response.status == 101 {
            created = MHD_create_response_for_upgrade(ServerCallbacks.upgraded, nil)
        } else {
            created = response.body.withUnsafeBytes { bytes in
                MHD_create_response_from_buffer(
                    bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
            }
        }
        guard let created else { return .NO }
        defer { MHD_destroy_response(created) }

        for field in response.headers where !HTTPHeaders.namesEqual(field.name, "Content-Length") {
            _ = MHD_add_response_header(created, field.name, field.value)
        }
        _ = MHD_add_response_header(created, "Server", serviceName)
        if closeConnection {
            _ = MHD_add_response_header(created, "Connection", "close")
        }
        return MHD_queue_response(connection, UInt32(response.status), created)
    }
}
