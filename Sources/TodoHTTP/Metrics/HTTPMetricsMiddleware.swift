import TodoCore

/// Counts every request in ``HTTPMetrics``: in flight while it runs, then by method, route
/// template and status, with its duration from when the server began to handle it. It runs
/// outside the access log, whose error mapping has then already turned a thrown error into the
/// response the client gets.
public struct HTTPMetricsMiddleware: HTTPMiddleware {
    public let metrics: HTTPMetrics

    public init(metrics: HTTPMetrics) {
        self.metrics = metrics
    }

    public func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse {
        metrics.requestStarted()
        let response: HTTPResponse
        do {
            response = try next(request)
        } catch {
            metrics.requestFinished(
                method: request.method, route: request.context.route, status: Self.status(of: error),
                seconds: Self.seconds(since: request.context.startTime))
            throw error
        }
        metrics.requestFinished(
            method: request.method, route: request.context.route, status: response.status,
            seconds: Self.seconds(since: request.context.startTime))
        return response
    }

    /// The status a thrown error will be answered with further out.
    static func status(of error: any Error) -> Int {
        (error as? AppError).map { ErrorRegistry.status(for: $0.kind) } ?? 500
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
