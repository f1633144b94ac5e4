import Foundation
import Synchronization
import TodoCore
import TodoCrypto

/// The Streamable HTTP sessions: each `Mcp-Session-Id` is a signed value naming its user, the
/// negotiated protocol version and when it was opened, so every backend replica holding the
/// signing keys accepts a session another one opened. Nothing is stored per session, so no
/// number of sessions costs memory, and none needs evicting.
///
/// - A session is valid for `lifetime` from `initialize`, for the user who opened it only.
/// - The session id is not a credential: every request must carry that user's bearer token too.
/// - `DELETE` ends a session on the replica that receives it; another replica accepts it until it
///   expires, which gives nobody anything the token does not already give.
public final class MCPSessions: Sendable {
    /// The signing-key purpose the session keys are derived under (see `TokenService`).
    public static let keyPurpose = "todo-chatbot/mcp-session/v1"

    public let lifetime: TimeInterval
    private let signer: ValueSigner
    private let clock: any TimeSource
    private let closed = Mutex<[String: Date]>([:])
    /// The most ended sessions remembered; past it the soonest to expire are forgotten first.
    private let closedCapacity: Int

    public init(keys: [[UInt8]], lifetime: TimeInterval, clock: any TimeSource, closedCapacity: Int = 10_000) {
        self.signer = ValueSigner(keys: keys)
        self.lifetime = lifetime
        self.clock = clock
        self.closedCapacity = max(1, closedCapacity)
    }

    /// The id of `session`, whose `initialize` has just succeeded.
    public func issue(for session: MCPSession) throws -> String {
        guard let version = session.protocolVersion else {
            throw AppError.internal("issuing an MCP session id before initialize succeeded")
        }
        let claims = Claims(
            userID: session.userID, protocolVersion: version, openedAt: Int64(clock.now.timeIntervalSince1970),
            nonce: SecureRandom.token(byteCount: 12))
        do {
            return try signer.sign(claims.json.serialized())
        } catch {
            throw AppError.internal("signing an MCP session id: \(error)")
        }
    }

    /// The session `id` names, when it is genuine, belongs to `userID`, has not expired and was
    /// not ended here; nil otherwise.
    public func session(_ id: String, for userID: String) -> MCPSession? {
        guard let claims = claims(of: id), claims.userID == userID else { return nil }
        guard closed.withLock({ $0[id] == nil }) else { return nil }
        return MCPSession(id: id, userID: userID, resumedAt: claims.protocolVersion)
    }

    /// Ends session `id` of `userID`; false when it is no such session.
    @discardableResult
    public func close(_ id: String, for userID: String) -> Bool {
        guard let claims = claims(of: id), claims.userID == userID else { return false }

        let now = clock.now
        let expiry = Date(timeIntervalSince1970: TimeInterval(claims.openedAt)) + lifetime
        return closed.withLock { closed in
            guard closed[id] == nil else { return false }
            closed = closed.filter { $0.value > now }
            if closed.count >= closedCapacity, let soonest = closed.min(by: { $0.value < $1.value }) {
                closed[soonest.key] = nil
            }
            closed[id] = expiry
            return true
        }
    }

    private func claims(of id: String) -> Claims? {
        guard let payload = signer.verify(id), let claims = Claims(payload) else { return nil }

        let now = clock.now.timeIntervalSince1970
        let opened = TimeInterval(claims.openedAt)
        // A little leeway for replicas whose clocks disagree, as tokens have.
        guard opened <= now + 30, now < opened + lifetime else { return nil }
        return claims
    }

    /// What a session id says: `{"sub", "ver", "iat", "nonce"}`.
    private struct Claims {
        let userID: String
        let protocolVersion: String
        let openedAt: Int64
        let nonce: String

        init(userID: String, protocolVersion: String, openedAt: Int64, nonce: String) {
            self.userID = userID
            self.protocolVersion = protocolVersion
            self.openedAt = openedAt
            self.nonce = nonce
        }

        init?(_ payload: [UInt8]) {
            guard let json = try? JSONValue.parse(payload), let userID = json["sub"]?.stringValue,
                let version = json["ver"]?.stringValue, let openedAt = json["iat"]?.intValue,
                let nonce = json["nonce"]?.stringValue
            else { return nil }
            self.init(userID: userID, protocolVersion: version, openedAt: Int64(openedAt), nonce: nonce)
        }

        var json: JSONValue {
            .object([
                "sub": .string(userID), "ver": .string(protocolVersion), "iat": .number(Double(openedAt)),
                "nonce": .string(nonce),
            ])
        }
    }
}
