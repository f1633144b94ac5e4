import TodoHTTP

/// Serves the OpenAPI 3.1 document of the whole API (see ``OpenAPIDocument``).
struct OpenAPIRoutes {
    func register(on router: inout Router) {
        router.get("/api/openapi.json") { _ in
            var response = HTTPResponse.json(status: 200, OpenAPIDocument.bytes)
            response.headers.set("Cache-Control", "public, max-age=300")
            return response
        }
    }
}
