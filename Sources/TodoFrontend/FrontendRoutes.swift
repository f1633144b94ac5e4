import TodoCore
import TodoHTTP

/// The web UI's routes: the page at `/`, its versioned assets, `/config.json` and health.
///
/// Caching: `index.html` and `/config.json` are `no-cache` (always revalidated), so a deployment
/// is seen at the next load; every other file lives under `/assets/<version>/`, where the
/// version is a digest of all of them, and is cached for a year as immutable. Every response
/// carries a Content-Security-Policy that allows scripts and styles from this origin only and
/// connections to this origin and to the configured API and WebSocket origins.
public struct FrontendRoutes: Sendable {
    public let config: FrontendConfig
    let files: [String: EmbeddedFile]
    let version: String

    public init(config: FrontendConfig) {
        self.init(config: config, files: WebAssets.files, version: WebAssets.version)
    }

    init(config: FrontendConfig, files: [EmbeddedFile], version: String) {
        self.config = config
        self.files = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.version = version
    }

    public func register(on router: inout Router) {
        HealthRoutes(service: "frontend", checks: []).register(on: &router)
        router.get("/") { _ in self.page() }
        router.get("/index.html") { _ in self.page() }
        router.get("/config.json") { _ in self.configResponse() }
        router.get("/assets/{version}/{name}") { request in
            try self.asset(version: request.pathParameters["version"], name: request.pathParameters["name"])
        }
    }

    /// The policy every response carries.
    var contentSecurityPolicy: String {
        let connect = (["'self'"] + config.connectSources).joined(separator: " ")
        return [
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "connect-src \(connect)", "manifest-src 'self'", "base-uri 'none'", "form-action 'none'",
            "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    func page() -> HTTPResponse {
        guard let index = files["index.html"] else {
            return HTTPResponse.error(AppError.internal("the embedded web UI has no index.html"))
        }
        return respond(index, cacheControl: "no-cache")
    }

    func configResponse() -> HTTPResponse {
        var json = JSONWriter(capacity: 128)
        json.beginObject()
        json.key("api_base_url")
        json.string(config.apiBaseURL)
        json.key("websocket_url")
        json.string(config.webSocketURL)
        json.key("asset_version")
        json.string(version)
        json.endObject()
        return secured(HTTPResponse.json(json.bytes), cacheControl: "no-cache")
    }

    func asset(version requested: String?, name: String?) throws -> HTTPResponse {
        guard requested == version, let name, name != "index.html", let file = files[name] else {
            throw AppError(.notFound, code: "asset_not_found", message: "No such file in this version of the web UI")
        }
        return respond(file, cacheControl: "public, max-age=31536000, immutable")
    }

    private func respond(_ file: EmbeddedFile, cacheControl: String) -> HTTPResponse {
        let headers: HTTPHeaders = ["Content-Type": file.contentType]
        return secured(HTTPResponse(status: 200, headers: headers, body: file.bytes), cacheControl: cacheControl)
    }

    private func secured(_ response: HTTPResponse, cacheControl: String) -> HTTPResponse {
        var response = response
        response.headers.set("Cache-Control", cacheControl)
        response.headers.set("Content-Security-Policy", contentSecurityPolicy)
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Referrer-Policy", "no-referrer")
        response.headers.set("Cross-Origin-Opener-Policy", "same-origin")
        return response
    }
}
