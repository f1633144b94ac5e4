import TodoCrypto
import TodoHTTP

/// The close codes of the sync protocol (docs/websocket.md). Private-use codes 4000–4999; the
/// reason is a stable machine code.
public enum SyncCloseCode {
    /// The client sent something that is not a protocol message (not JSON, binary, no `type`).
    public static let invalidMessage = WebSocketClose.Code(rawValue: 4000)
    /// No token, or one that is malformed, forged, signed with an unknown key or issued by
    /// someone else; the reason names which (`missing_token`, `token_signature_invalid`, …).
    public static let unauthorized = WebSocketClose.Code(rawValue: 4001)
    /// The token has expired: at connect time, or while connected without a fresh one sent in time.
    public static let tokenExpired = WebSocketClose.Code(rawValue: 4002)
    /// The client did not read fast enough: its send queue overflowed.
    public static let slowConsumer = WebSocketClose.Code(rawValue: 4003)

    static let slowConsumerClose = WebSocketClose(code: slowConsumer, reason: "slow_consumer")
    static let tokenExpiredClose = WebSocketClose(code: tokenExpired, reason: "token_expired")

    /// The close for a token refused at connect time.
    static func refusal(_ error: TokenError) -> WebSocketClose {
        switch error {
        case .expired: tokenExpiredClose
        case .verificationFailed: WebSocketClose(code: .internalError, reason: "token_verification_failed")
        default: WebSocketClose(code: unauthorized, reason: error.code)
        }
    }
}
