import Dispatch
import Testing
import TodoCore
import TodoMetrics

@testable import TodoHTTP

@Suite("HTTP metrics in the standard pipeline")
struct HTTPMetricsMiddlewareTests {
    private let registry = MetricsRegistry()
    private let client: InProcessClient

    init() {
        var router = Router()
        router.get("/items/{id}") { request in .text("item \(request.pathParameters["id"] ?? "")") }
        router.get("/broken") { _ in throw AppError(.unavailable, code: "down", message: "Down") }
        MetricsRoute(registries: [registry]).register(on: &router)
        let pipeline = HTTPPipeline.standard(
            router: router, cors: CORSPolicy(allowedOrigins: ["*"]), maxBodyBytes: 1024,
            metrics: HTTPMetrics(service: "test", registry: registry))
        client = InProcessClient(handler: pipeline.handler)
    }

    @Test func requests_areCountedByRouteTemplate_neverByPath() {
        for id in ["a", "b", "c"] { _ = client.send(.get, "/items/\(id)") }
        _ = client.send(.get, "/nowhere/at/all")
        _ = client.send(.post, "/items/a")
        _ = client.send(.get, "/broken")

        let lines = samples("http_requests_total")

        #expect(
            lines == [
                #"http_requests_total{service="test",method="GET",route="/broken",status="503"} 1"#,
                #"http_requests_total{service="test",method="GET",route="/items/{id}",status="200"} 3"#,
                #"http_requests_total{service="test",method="GET",route="unmatched",status="404"} 1"#,
                #"http_requests_total{service="test",method="POST",route="/items/{id}",status="405"} 1"#,
            ])
    }

    @Test func methodsClientsMakeUp_allCountAsOther() {
        for verb in ["FOOBAR1", "FOOBAR2", String(repeating: "X", count: 300)] {
            _ = client.send(HTTPMethod(rawValue: verb), "/items/a")
        }
        _ = client.send(.delete, "/items/a")

        #expect(
            samples("http_requests_total") == [
                #"http_requests_total{service="test",method="DELETE",route="/items/{id}",status="405"} 1"#,
                #"http_requests_total{service="test",method="OTHER",route="/items/{id}",status="405"} 3"#,
            ])
    }

    @Test func durationCounts_matchTheRequestCounts_andNothingStaysInFlight() {
        for _ in 0..<5 { _ = client.send(.get, "/items/x") }

        #expect(
            samples("http_request_duration_seconds_count") == [
                #"http_request_duration_seconds_count{service="test",method="GET",route="/items/{id}"} 5"#
            ])
        #expect(
            samples("http_request_duration_seconds_bucket").last
                == #"http_request_duration_seconds_bucket{service="test",method="GET",route="/items/{id}",le="+Inf"} 5"#
        )
        #expect(samples("http_requests_in_flight") == [#"http_requests_in_flight{service="test"} 0"#])
    }

    @Test func requestsFromManyThreads_areAllCounted() {
        let threads = 8
        let perThread = 2_000
        let client = self.client

        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for step in 0..<perThread { _ = client.send(.get, "/items/\(thread)-\(step)") }
        }

        let expected = threads * perThread
        #expect(
            samples("http_requests_total") == [
                #"http_requests_total{service="test",method="GET",route="/items/{id}",status="200"} \#(expected)"#
            ])
        #expect(
            samples("http_request_duration_seconds_count") == [
                #"http_request_duration_seconds_count{service="test",method="GET",route="/items/{id}"} \#(expected)"#
            ])
        #expect(samples("http_requests_in_flight") == [#"http_requests_in_flight{service="test"} 0"#])
    }

    @Test func metricsRoute_servesTheExposition_andCountsItself() {
        let first = client.send(.get, "/metrics")
        let second = client.send(.get, "/metrics")

        #expect(first.status == 200)
        #expect(first.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        let text = String(decoding: second.body, as: UTF8.self)
        #expect(text.contains(#"http_requests_total{service="test",method="GET",route="/metrics",status="200"} 1"#))
        #expect(text.contains(#"http_requests_in_flight{service="test"} 1"#))
    }

    private func samples(_ name: String) -> [String] {
        registry.exposition().split(separator: "\n").map(String.init).filter { $0.hasPrefix(name + "{") }
    }
}
