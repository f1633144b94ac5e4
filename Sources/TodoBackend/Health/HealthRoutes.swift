import Foundation
import TodoCore
import TodoHTTP

/// Liveness and readiness. Liveness does no I/O; readiness runs every registered check.
struct HealthRoutes {
    let service: String
    let checks: [ReadinessCheck]

    func register(on router: inout Router) {
        let live: @Sendable (HTTPRequest) throws -> HTTPResponse = { _ in
            .json(status: 200, .object(["status": .string("ok"), "service": .string(service)]))
        }
        let ready: @Sendable (HTTPRequest) throws -> HTTPResponse = { _ in
            Self.readiness(service: service, checks: checks)
        }
        router.get("/api/health", live)
        router.get("/api/health/ready", ready)
        router.get("/health", live)
        router.get("/health/ready", ready)
    }

    static func readiness(service: String, checks: [ReadinessCheck]) -> HTTPResponse {
        var results: [String: JSONValue] = [:]
        var failing: [String] = []
        for check in checks {
            let started = Date()
            do {
                try check.probe()
                results[check.name] = .object([
                    "status": .string("up"),
                    "duration_ms": .number(Double(Int(Date().timeIntervalSince(started) * 1000))),
                ])
            } catch {
                failing.append(check.name)
                let message = (error as? AppError)?.message ?? "check failed"
                results[check.name] = .object(["status": .string("down"), "error": .string(message)])
            }
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

/// One dependency a service needs before it can take traffic (the database, later the broker).
public struct ReadinessCheck: Sendable {
    public var name: String
    public var probe: @Sendable () throws -> Void

    public init(name: String, probe: @escaping @Sendable () throws -> Void) {
        self.name = name
        self.probe = probe
    }
}
