import TodoCore

/// Rejects a POST, PUT or PATCH with a non-empty body whose media type is not
/// `application/json` (parameters such as `charset` are allowed) with 415
/// `unsupported_media_type`. `application/cloudevents+json`, JSON too, is what a Dapr sidecar
/// pushes events as.
public struct JSONContentTypeMiddleware: HTTPMiddleware {
    public init() {}

    public func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse {
        if request.method.carriesContent && !request.body.isEmpty && !Self.isJSON(request.headers["Content-Type"]) {
            throw AppError(
                .unsupportedMediaType, code: "unsupported_media_type",
                message: "The request body must be application/json")
        }
        return try next(request)
    }

    /// Whether a `Content-Type` value names `application/json`, ignoring case, parameters and
    /// surrounding spaces.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        var mediaType = contentType.prefix { $0 != ";" }
        while mediaType.first == " " || mediaType.first == "\t" { mediaType = mediaType.dropFirst() }
        while mediaType.last == " " || mediaType.last == "\t" { mediaType = mediaType.dropLast() }
        return HTTPHeaders.namesEqual(mediaType, "application/json")
            || HTTPHeaders.namesEqual(mediaType, "application/cloudevents+json")
    }
}
