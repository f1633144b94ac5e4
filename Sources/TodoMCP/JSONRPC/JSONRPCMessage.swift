import TodoCore

/// One incoming JSON-RPC 2.0 message, read from a parsed JSON value.
///
/// Requests carry an id and want a response; notifications carry none and get nothing back.
/// Responses from the client are accepted and ignored: this server sends the client no requests.
public enum JSONRPCMessage: Sendable, Equatable {
    case request(id: JSONRPCID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    case response(id: JSONRPCID?)

    /// Reads one message; anything else is a `-32600 invalid request` failure, which carries the
    /// id when one could be read so the error response can name it.
    static func read(_ value: JSONValue) -> Result<JSONRPCMessage, RejectedMessage> {
        guard let members = value.objectValue else {
            return .failure(RejectedMessage(id: nil, error: .invalidRequest("A message must be a JSON object")))
        }
        let id = members["id"].flatMap(JSONRPCID.init)
        guard members["jsonrpc"] == "2.0" else {
            return .failure(RejectedMessage(id: id, error: .invalidRequest(#"jsonrpc must be "2.0""#)))
        }

        if members["result"] != nil || members["error"] != nil {
            return .success(.response(id: id))
        }
        guard let method = members["method"]?.stringValue else {
            return .failure(RejectedMessage(id: id, error: .invalidRequest("method must be a string")))
        }
        let params = members["params"]
        if let params, params.objectValue == nil, params.arrayValue == nil {
            return .failure(RejectedMessage(id: id, error: .invalidRequest("params must be an object or an array")))
        }

        switch members["id"] {
        case nil:
            return .success(.notification(method: method, params: params))
        case let raw?:
            guard let id = JSONRPCID(raw) else {
                return .failure(RejectedMessage(id: nil, error: .invalidRequest("id must be a string or a number")))
            }
            return .success(.request(id: id, method: method, params: params))
        }
    }
}

/// A message that could not be read, with the id to answer (nil when none could be read).
struct RejectedMessage: Error, Sendable, Equatable {
    let id: JSONRPCID?
    let error: JSONRPCError
}

/// Builds the response objects this server writes.
enum JSONRPCResponse {
    static func result(_ result: JSONValue, id: JSONRPCID) -> JSONValue {
        .object(["jsonrpc": "2.0", "id": id.json, "result": result])
    }

    /// An error response; `id` is null when the request's id could not be read.
    static func error(_ error: JSONRPCError, id: JSONRPCID?) -> JSONValue {
        .object(["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json])
    }
}
