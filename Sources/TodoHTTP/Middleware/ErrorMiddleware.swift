/// Turns anything thrown further in into a response through ``ErrorRegistry``: `AppError`s keep
/// their code and message, any other error becomes a generic 500 and is logged in full.
public struct ErrorMiddleware: HTTPMiddleware {
    public init() {}

    public func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse {
        do {
            return try next(request)
        } catch {
            return ErrorRegistry.response(for: error, logger: request.context.logger)
        }
    }
}
