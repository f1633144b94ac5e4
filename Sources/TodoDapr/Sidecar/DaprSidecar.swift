import Foundation
import TodoCore
import TodoHTTP

/// The app's calls to its Dapr sidecar over Dapr's HTTP API: publishing a CloudEvent and the
/// health probe. Every call blocks (``HTTPClient``); failures are `AppError`s with a code, and no
/// message ever holds the API token.
public final class DaprSidecar: Sendable {
    public let configuration: DaprConfiguration
    private let client: HTTPClient

    public init(configuration: DaprConfiguration) {
        self.configuration = configuration
        client = HTTPClient(timeout: configuration.publishTimeout)
    }

    /// `POST /v1.0/publish/<pubsub>/<topic>?metadata.partitionKey=<key>` with the structured-mode
    /// CloudEvent as the body. With `application/cloudevents+json` Dapr forwards the event as it
    /// is instead of wrapping it in an envelope of its own; the partition key becomes the Kafka
    /// message key, so the events of one key keep their order. A value that is not a CloudEvent (a
    /// dead letter of a malformed message) goes as `application/octet-stream`, which Dapr wraps in
    /// an envelope of its own rather than refusing it. Returns only after a 204.
    public func publish(topic: String, key: String, value: [UInt8]) throws {
        var url =
            "\(configuration.sidecarURL)/v1.0/publish/\(Self.escaped(configuration.pubsub))/\(Self.escaped(topic))"
        if !key.isEmpty { url += "?metadata.partitionKey=\(Self.escaped(key))" }
        var headers = authorization
        let isCloudEvent = (try? CloudEvent.decode(value)) != nil
        headers.add("Content-Type", isCloudEvent ? CloudEvent.contentType : "application/octet-stream")
        let response = try call(OutboundRequest(.post, url, headers: headers, body: value))
        guard response.status == 204 else {
            throw AppError.unavailable(
                "The Dapr sidecar refused to publish to '\(topic)' (HTTP \(response.status)\(Self.reason(response)))",
                code: "dapr_publish_failed")
        }
    }

    /// `GET /v1.0/healthz`: returns when the sidecar answers 204, throws `dapr_unavailable` otherwise.
    public func checkHealthy(timeout: TimeInterval = 1) throws {
        let request = OutboundRequest(
            .get, "\(configuration.sidecarURL)/v1.0/healthz", headers: authorization, timeout: timeout)
        let response = try call(request)
        guard response.status == 204 else {
            throw AppError.unavailable(
                "The Dapr sidecar is not healthy (HTTP \(response.status))", code: "dapr_unavailable")
        }
    }

    private var authorization: HTTPHeaders {
        var headers = HTTPHeaders()
        if !configuration.apiToken.isEmpty { headers.add("dapr-api-token", configuration.apiToken) }
        return headers
    }

    private func call(_ request: OutboundRequest) throws -> OutboundResponse {
        do {
            return try client.send(request)
        } catch {
            throw AppError.unavailable("The Dapr sidecar cannot be reached: \(error)", code: "dapr_unavailable")
        }
    }

    /// Dapr's error body is `{"errorCode": ..., "message": ...}`; its code says why without
    /// repeating anything the app sent.
    private static func reason(_ response: OutboundResponse) -> String {
        guard let body = try? JSONValue.parse(response.body), let code = body["errorCode"]?.stringValue else {
            return ""
        }
        return ", \(code.prefix(80))"
    }

    /// A path segment or query value: topic names and user ids are plain, but nothing else may
    /// change the URL's shape.
    static func escaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
