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
    /// status, duration and details. A degraded check (the service works, a dependency does not)
    /// keeps the answer at 200, with the top-level status `degraded` and the check named under
    /// `degraded`, so an orchestrator keeps sending traffic.
    static func readiness(service: String, checks: [ReadinessCheck]) -> HTTPResponse {
        var results: [String: JSONValue] = [:]
        var failing: [String] = []
        var degraded: [String] = []
        for check in checks {
            let started = ContinuousClock.now
            var result: [String: JSONValue]
            do {
                switch try check.evaluate() {
                case .up(let details):
                    result = ["status": .string("up")]
                    if let details { result["details"] = details }
                case .degraded(let reason, let details):
                    degraded.append(check.name)
                    result = ["status": .string("degraded"), "reason": .string(reason)]
                    if let details { result["details"] = details }
                }
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

        let status = !failing.isEmpty ? "unavailable" : degraded.isEmpty ? "ready" : "degraded"
        var body: [String: JSONValue] = [
            "status": .string(status), "service": .string(service), "checks": .object(results),
        ]
        if !failing.isEmpty {
            body["failing"] = .array(failing.map(JSONValue.string))
        }
        if !degraded.isEmpty {
            body["degraded"] = .array(degraded.map(JSONValue.string))
        }
        return .json(status: failing.isEmpty ? 200 : 503, .object(body))
    }
}

/// One dependency a service needs before it can take traffic (the database, the event log). The
/// check throws when the dependency is not usable; it may report details worth showing (lag), or
/// that the dependency is degraded while the service still works (the broker, behind an outbox).
public struct ReadinessCheck: Sendable {
    /// What a check found when it did not throw.
    public enum Outcome: Sendable, Equatable {
        case up(JSONValue?)
        /// The service answers, but `reason` holds back part of its work.
        case degraded(reason: String, details: JSONValue?)
    }

    public var name: String
    public var evaluate: @Sendable () throws -> Outcome

    /// A check that is up whenever `probe` returns, with the details it returns.
    public init(name: String, probe: @escaping @Sendable () throws -> JSONValue?) {
        self.name = name
        self.evaluate = { .up(try probe()) }
    }

    public init(name: String, evaluate: @escaping @Sendable () throws -> Outcome) {
        self.name = name
        self.evaluate = evaluate
    }

    /// The check as a plain probe: throws when the dependency is down, returns the details
    /// otherwise (degraded or not).
    public var probe: @Sendable () throws -> JSONValue? {
        { [evaluate] in
            switch try evaluate() {
            case .up(let details): details
            case .degraded(_, let details): details
            }
        }
    }
}
