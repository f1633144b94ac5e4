import Foundation
import TodoCore
import TodoCrypto
import TodoHTTP
import TodoLogging

/// Makes the webhook POSTs the dispatcher recorded: each body is signed with the user's secret
/// (`X-Todo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`), a 2xx answer ends
/// the delivery, anything else is retried with doubling waits until the attempts run out. Every
/// attempt is recorded with its status code or error. Runs on its own thread.
public final class WebhookSender: Sendable {
    public static let signatureHeader = "X-Todo-Signature"

    private let store: any Store
    private let clock: any TimeSource
    private let policy: NotificationPolicy
    private let logger: Logger
    private let client: HTTPClient
    private let condition = NSCondition()
    // nonisolated(unsafe): read and written only while `condition` is locked.
    nonisolated(unsafe) private var stopping = false
    nonisolated(unsafe) private var finished = true

    public init(store: any Store, clock: any TimeSource, policy: NotificationPolicy, logger: Logger) {
        self.store = store
        self.clock = clock
        self.policy = policy
        self.logger = logger
        // A connection per delivery, so a receiver that drops one is not sent the reminder twice.
        client = HTTPClient(timeout: policy.webhookTimeout, reusesConnections: false)
    }

    public func start() {
        condition.withLock { finished = false }
        let thread = Thread { [self] in
            while !condition.withLock({ stopping }) {
                let sent = (try? sendDue()) ?? 0
                condition.withLock {
                    if !stopping && sent == 0 { _ = condition.wait(until: Date(timeIntervalSinceNow: 0.25)) }
                }
            }
            condition.withLock {
                finished = true
                condition.broadcast()
            }
        }
        thread.name = "webhook sender"
        thread.start()
    }

    public func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
    }

    /// One pass over the deliveries due now; returns how many were attempted.
    @discardableResult
    public func sendDue(limit: Int = 20) throws -> Int {
        let now = clock.now
        let due = try store.write { transaction in
            try transaction.claimDueWebhookDeliveries(
                now: now, leaseUntil: now.addingTimeInterval(policy.webhookTimeout * 2), limit: limit)
        }
        for delivery in due { try attempt(delivery) }
        return due.count
    }

    private func attempt(_ delivery: WebhookDelivery) throws {
        let secret = try store.read { try $0.notificationPreferences(userID: delivery.userID)?.webhookSecret } ?? ""
        let result = post(delivery, secret: secret)

        let now = clock.now
        var updated = delivery
        updated.attempts += 1
        if case .success = result {
            updated.status = .delivered
        } else if updated.attempts >= policy.webhookAttempts {
            updated.status = .failed
        } else {
            updated.nextAttemptAt = now.addingTimeInterval(policy.webhookBackoff * pow(2, Double(updated.attempts - 1)))
        }
        let (code, error) = result.recorded
        try store.write { try $0.recordWebhookAttempt(updated, statusCode: code, error: error, at: now) }
        logger.info(
            "Webhook attempt", ["webhook.status": updated.status.rawValue, "http.status": code.map(String.init) ?? "-"])
    }

    enum Result {
        case success(Int)
        case failure(Int?, String)

        var recorded: (Int?, String?) {
            switch self {
            case .success(let code): (code, nil)
            case .failure(let code, let error): (code, error)
            }
        }
    }

    private func post(_ delivery: WebhookDelivery, secret: String) -> Result {
        let headers: HTTPHeaders = [
            "Content-Type": "application/json",
            Self.signatureHeader: Self.signature(body: delivery.body, secret: secret, at: clock.now),
            "X-Todo-Delivery": delivery.id,
        ]
        let request = OutboundRequest(
            .post, delivery.url, headers: headers, body: delivery.body, timeout: policy.webhookTimeout)

        do {
            let response = try client.send(request)
            guard response.isSuccess else { return .failure(response.status, "status \(response.status)") }
            return .success(response.status)
        } catch .invalidURL {
            return .failure(nil, "not an http(s) URL")
        } catch .timedOut {
            return .failure(nil, "timed out")
        } catch {
            return .failure(nil, "request failed")
        }
    }

    /// `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
    public static func signature(body: [UInt8], secret: String, at time: Date) -> String {
        let timestamp = String(Int(time.timeIntervalSince1970))
        let mac =
            (try? HMACSHA256.authenticate(key: Array(secret.utf8), message: Array((timestamp + ".").utf8) + body)) ?? []
        return "t=\(timestamp),v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }
}
