import Foundation
import TodoCore

/// `GET /health` (liveness, no I/O) and `GET /health/ready` (runs every readiness check), which
/// every service answers; `apiPrefix` adds the same pair under a prefix (`/api/health`).
public struct HealthRoutes: Sendable {
    public let service: String
    public let checks: [ReadinessCheck]
    public let apiPrefix: String?

    public init(service: String, checks: [ReadinessCheck], apiPrefix: String? = nil) {
        self.service = service
        self.checks = checks
        self.apiPrefix = apiPrefix
    }

    public func register(on router: inout Router) {
        let live: @Sendable (HTTPRequest) throws -> HTTPResponse = { [service] _ in
            .json(status: 200, .object(["status": .string("ok"), "service": .string(service)]))
        }
        let ready: @Sendable (HTTPRequest) throws -> HTTPResponse = { [service, checks] _ in
            Self.readiness(service: service, checks: checks)
        }
        for prefix in [""] + (apiPrefix.map { [$0] } ?? []) {
            router.get(prefix + "/health", live)
            router.get(prefix + "/health/ready", ready)
        }
    }

    /// 200 when every check passes, else 503 naming the failing checks; each check reports its
    /// status, duration and details.
    static func readiness(service: String, checks: [ReadinessCheck]) -> HTTPResponse {
        var results: [String: JSONValue] = [:]
        var failing: [String] = []
        for check in checks {
            let started = ContinuousClock.now
            var result: [String: JSONValue]
            do {
                let details = try check.probe()
                result = ["status": .string("up")]
                if let details { result["details"] = details }
            } catch {
                failing.append(check.name)
                let message = (error as? AppError)?.message ?? "check failed"
                result = ["status": .string("down"), "error": .string(message)]
            }
            let elapsed = started.duration(to: .now).components
            result["duration_ms"] = .number(
                Double(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000))
            results[check.name] = .object(result)
        }

        var body: [String: JSONValue] = [
            "status": .string(failing.isEmpty ? "ready" : "unavailable"), "service": .string(service),
            "checks": .object(results),
        ]
        if !failing.isEmpty {
            body["failing"] = .array(failing.map(JSONValue.string))
        }
        return .json(status: failing.isEmpty ? 200 : 503, .object(body))
    }
}

/// One dependency a service needs before it can take traffic (the database, the event log). The
/// probe throws when the dependency is not usable and may return details worth showing (lag).
public struct ReadinessCheck: Sendable {
    public var name: String
    public var probe: @Sendable () throws -> JSONValue?

    public init(name: String, probe: @escaping @Sendable () throws -> JSONValue?) {
        self.name = name
        self.probe = probe
    }
}
