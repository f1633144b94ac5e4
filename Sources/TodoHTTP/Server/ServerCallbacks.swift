import CMicroHTTPD
import TodoLogging

/// The C callbacks of ``HTTPServer``. Each receives the ``ServerCore`` as its context and finds
/// the ``RequestState`` behind MHD's per-request pointer (`con_cls`).
///
/// MHD's order for one request: the URI log callback (creates the state), the access handler
/// once after the headers, once per body chunk, once more at the end of the body (the response
/// is queued there, or on the first call when the declared length is already too large), and
/// finally the completion callback (releases the state), also for requests that failed.
enum ServerCallbacks {
    static let uriLog: cmhd_uri_log_callback = { context, uri, _ in
        guard let context else { return nil }
        let state = RequestState(target: uri.map { String(cString: $0) } ?? "/")
        return Unmanaged.passRetained(state).toOpaque()
    }

    static let completed: MHD_RequestCompletedCallback = { context, _, requestContext, _ in
        guard let context, let requestContext, let pointer = requestContext.pointee else { return }
        let state = Unmanaged<RequestState>.fromOpaque(pointer).takeRetainedValue()
        requestContext.pointee = nil
        if state.counted {
            let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
            core.inFlight.subtract(1, ordering: .releasing)
        }
    }

    static let access: MHD_AccessHandlerCallback = {
        context, connection, url, method, version, uploadData, uploadSize, requestContext in
        guard let context, let connection, let method, let uploadSize, let requestContext else { return .NO }
        let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()

        // The URI log callback always runs first; this only guards against a library that skips it.
        if requestContext.pointee == nil {
            let state = RequestState(target: url.map { String(cString: $0) } ?? "/")
            requestContext.pointee = Unmanaged.passRetained(state).toOpaque()
        }
        let state = Unmanaged<RequestState>.fromOpaque(requestContext.pointee!).takeUnretainedValue()

        if !state.headersRead {
            // Counted from here, where the handler may start to act, so that shutdown waits for
            // every request that can have effects; one whose headers complete after shutdown
            // began is refused instead (draining is set before shutdown reads the count).
            state.headersRead = true
            state.counted = true
            core.inFlight.add(1, ordering: .sequentiallyConsistent)
            state.arrivedWhileDraining = core.draining.load(ordering: .sequentiallyConsistent)
            state.method = HTTPMethod(rawValue: String(cString: method))
            state.headers = readHeaders(connection)
            if let refusal = RequestFraming.refusal(
                headers: state.headers, version: version.map { String(cString: $0) })
            {
                return MHDResponseWriter.queue(
                    refusal, on: connection, serviceName: core.serviceName, closeConnection: true)
            }
            let declared = state.headers["Content-Length"].flatMap { Int($0) } ?? 0
            guard declared > core.maxBodyBytes else { return .YES }
            state.bodyLimitExceeded = true
            return respond(core, state, connection)
        }

        let size = uploadSize.pointee
        if size > 0 {
            receive(core, state, uploadData, size)
            uploadSize.pointee = 0
            return state.receivedBytes > core.discardLimitBytes ? .NO : .YES
        }
        return respond(core, state, connection)
    }

    /// Appends a body chunk, or, once the body has outgrown the limit, drops it and the buffer.
    private static func receive(_ core: ServerCore, _ state: RequestState, _ data: UnsafePointer<CChar>?, _ size: Int) {
        state.receivedBytes += size
        guard !state.bodyLimitExceeded else { return }
        guard state.receivedBytes <= core.maxBodyBytes, let data else {
            state.bodyLimitExceeded = true
            state.body = []
            return
        }
        let bytes = UnsafeRawBufferPointer(start: data, count: size)
        state.body.append(contentsOf: bytes)
    }

    private static func respond(_ core: ServerCore, _ state: RequestState, _ connection: OpaquePointer) -> MHD_Result {
        if let suspended = state.suspended {
            return resumed(core, state, suspended, connection)
        }

        var request = HTTPRequest(
            method: state.method, target: state.target, headers: state.headers, body: state.body,
            remoteAddress: SocketAddress.text(cmhd_client_address(connection)), logger: core.logger,
            startTime: state.startTime)
        request.bodyLimitExceeded = state.bodyLimitExceeded
        // The request has its own copies; an upgraded connection keeps this state until it closes.
        state.body = []
        state.headers = HTTPHeaders()
        state.target = ""

        let response: HTTPResponse
        if state.arrivedWhileDraining {
            response = HandlerInvocation.shuttingDown
        } else if let blocking = core.blocking, !request.bodyLimitExceeded {
            guard let answer = blocking.dispatch(request, connection: connection, state: state) else { return .YES }
            response = answer
        } else {
            response = HandlerInvocation.respond(core.handler, to: request)
        }
        return queue(core, state, response, on: connection)
    }

    /// Applies the transport's rules (the 413 guarantee, upgrades, `Connection: close` while
    /// draining) and queues the response on the connection.
    static func queue(
        _ core: ServerCore, _ state: RequestState, _ response: HTTPResponse, on connection: OpaquePointer
    ) -> MHD_Result {
        var response = response
        if state.bodyLimitExceeded && response.status != 413 {
            response = HandlerInvocation.payloadTooLarge(limit: core.maxBodyBytes)
        }
        if response.upgrade != nil {
            if core.draining.load(ordering: .relaxed) || response.status != 101 {
                response = HandlerInvocation.shuttingDown
            } else {
                state.upgrade = response.upgrade
            }
        }
        return MHDResponseWriter.queue(
            response, on: connection, serviceName: core.serviceName,
            closeConnection: core.draining.load(ordering: .relaxed))
    }

    /// Called by MHD on the connection's worker thread once a 101 response has been sent: the
    /// socket now belongs to the handoff the handler left in the request state (`con_cls`).
    static let upgraded: MHD_UpgradeHandler = { _, _, requestContext, extraIn, extraInSize, socket, urh in
        guard let urh else { return }
        let buffered = extraIn.map { Array(UnsafeRawBufferPointer(start: $0, count: extraInSize)) } ?? []
        let upgraded = UpgradedSocket(descriptor: socket, bufferedInput: buffered, handle: urh)
        guard let requestContext else {
            upgraded.close()
            return
        }

        let state = Unmanaged<RequestState>.fromOpaque(requestContext).takeUnretainedValue()
        guard let handoff = state.upgrade else {
            upgraded.close()
            return
        }
        state.upgrade = nil
        handoff.accept(upgraded)
    }

    private static func readHeaders(_ connection: OpaquePointer) -> HTTPHeaders {
        var headers = HTTPHeaders(reservingCapacity: 12)
        withUnsafeMutablePointer(to: &headers) { pointer in
            _ = MHD_get_connection_values(connection, .HEADER_KIND, collectHeader, pointer)
        }
        return headers
    }

    private static let collectHeader: MHD_KeyValueIterator = { context, _, name, value in
        guard let context, let name else { return .YES }
        let headers = context.assumingMemoryBound(to: HTTPHeaders.self)
        headers.pointee.add(String(cString: name), value.map { String(cString: $0) } ?? "")
        return .YES
    }
}
