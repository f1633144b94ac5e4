/// Which browser origins may call the API, and what a preflight answers.
public struct CORSPolicy: Sendable {
    /// Exact origins (`https://app.example.com`); `*` allows any origin.
    public var allowedOrigins: [String]
    public var allowedMethods: [HTTPMethod]
    public var allowedHeaders: [String]
    /// Response headers that browser code may read.
    public var exposedHeaders: [String]
    /// How long a browser may cache a preflight answer.
    public var maxAgeSeconds: Int

    public init(
        allowedOrigins: [String],
        allowedMethods: [HTTPMethod] = [.get, .post, .put, .patch, .delete],
        allowedHeaders: [String] = [
            "Authorization", "Content-Type", "If-Match", "X-Correlation-ID", "Mcp-Session-Id", "MCP-Protocol-Version",
        ],
        exposedHeaders: [String] = [
            "ETag", "X-Correlation-ID", "X-Request-ID", "Retry-After", "Location", "Mcp-Session-Id",
        ],
        maxAgeSeconds: Int = 600
    ) {
        self.allowedOrigins = allowedOrigins
        self.allowedMethods = allowedMethods
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.maxAgeSeconds = maxAgeSeconds
    }

    /// The `Access-Control-Allow-Origin` value for a request's origin, or nil when not allowed.
    public func allowOriginValue(for origin: String) -> String? {
        if allowedOrigins.contains(origin) { return origin }
        return allowedOrigins.contains("*") ? "*" : nil
    }
}
