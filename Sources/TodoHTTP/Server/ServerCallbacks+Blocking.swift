import CMicroHTTPD

extension ServerCallbacks {
    /// The access handler's call after ``BlockingDispatcher`` resumed the connection: queue the
    /// handler's response, or close the connection when shutdown abandoned the request.
    static func resumed(
        _ core: ServerCore, _ state: RequestState, _ suspended: SuspendedRequest, _ connection: OpaquePointer
    ) -> MHD_Result {
        switch suspended.outcome {
        case .response(let response):
            state.suspended = nil
            return queue(core, state, response, on: connection)
        case .abandoned, .pending:
            // `.pending` cannot happen (the outcome is settled before the resume); closing is the
            // safe answer if it ever did.
            state.suspended = nil
            return .NO
        }
    }
}
