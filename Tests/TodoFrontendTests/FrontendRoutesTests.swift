import Testing
import TodoCore
import TodoHTTP

@testable import TodoFrontend

/// The frontend's HTTP contract: content types, caching, the security policy and the config.
struct FrontendRoutesTests {
    let config = FrontendConfig(apiBaseURL: "http://127.0.0.1:8000/", webSocketURL: "ws://127.0.0.1:8001/ws")

    func client(_ routes: FrontendRoutes) -> InProcessClient {
        var router = Router()
        routes.register(on: &router)
        return InProcessClient(
            handler: HTTPPipeline.standard(router: router, cors: CORSPolicy(allowedOrigins: []), maxBodyBytes: 1024)
                .handler)
    }

    @Test func thePage_isHTMLRevalidatedOnEveryLoad_withAStrictPolicy() throws {
        let response = client(FrontendRoutes(config: config)).send(.get, "/")

        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.headers["Cache-Control"] == "no-cache")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        let policy = try #require(response.headers["Content-Security-Policy"])
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("script-src 'self';"))
        #expect(policy.contains("connect-src 'self' http://127.0.0.1:8000 ws://127.0.0.1:8001;"))
        #expect(!policy.contains("unsafe-inline"))
        #expect(String(decoding: response.body, as: UTF8.self).contains("/assets/\(WebAssets.version)/main.js"))
    }

    @Test func assets_areServedUnderTheirVersion_andCachedForAYear() {
        let client = client(FrontendRoutes(config: config))

        let script = client.send(.get, "/assets/\(WebAssets.version)/main.js")
        let style = client.send(.get, "/assets/\(WebAssets.version)/app.css")

        #expect(script.status == 200)
        #expect(script.headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(script.headers["Cache-Control"] == "public, max-age=31536000, immutable")
        #expect(String(decoding: script.body, as: UTF8.self).contains("import { Api }"))
        #expect(style.headers["Content-Type"] == "text/css; charset=utf-8")
    }

    @Test func anOtherVersionOrAnUnknownName_isNotFound() {
        let client = client(FrontendRoutes(config: config))

        #expect(client.send(.get, "/assets/0123456789ab/main.js").status == 404)
        #expect(client.send(.get, "/assets/\(WebAssets.version)/missing.js").status == 404)
        #expect(client.send(.get, "/assets/\(WebAssets.version)/index.html").status == 404)
    }

    @Test func theConfig_namesTheAPIAndWebSocketAddresses() throws {
        let response = client(FrontendRoutes(config: config)).send(.get, "/config.json")

        #expect(response.headers["Cache-Control"] == "no-cache")
        let json = try response.jsonBody()
        #expect(json["api_base_url"]?.stringValue == "http://127.0.0.1:8000")
        #expect(json["websocket_url"]?.stringValue == "ws://127.0.0.1:8001/ws")
    }

    @Test func relativeAddresses_addNothingToThePolicy() {
        let routes = FrontendRoutes(config: FrontendConfig(apiBaseURL: "", webSocketURL: "/ws"))

        #expect(routes.contentSecurityPolicy.contains("connect-src 'self';"))
    }

    @Test func health_answersWithoutIO() {
        #expect(client(FrontendRoutes(config: config)).send(.get, "/health").status == 200)
        #expect(client(FrontendRoutes(config: config)).send(.get, "/health/ready").status == 200)
    }
}
