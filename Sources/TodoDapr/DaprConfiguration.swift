/// How the services reach their Dapr sidecar and which pub/sub component they use
/// (`events.broker=dapr`, settings `dapr.*`).
public struct DaprConfiguration: Sendable, Equatable {
    /// The sidecar's HTTP port on loopback (`DAPR_HTTP_PORT`, which the sidecar injector sets).
    public var httpPort: Int
    /// The name of the pub/sub component (`metadata.name` of the Component).
    public var pubsub: String
    /// Sent as `dapr-api-token` on every call to the sidecar when not empty (`DAPR_API_TOKEN`).
    public var apiToken: String
    /// Required as `dapr-api-token` on every call the sidecar makes to the app when not empty
    /// (`APP_API_TOKEN`).
    public var appAPIToken: String
    /// Seconds a publish waits for the sidecar's answer before the relay retries.
    public var publishTimeout: Double

    public init(
        httpPort: Int = 3500, pubsub: String = "pubsub", apiToken: String = "", appAPIToken: String = "",
        publishTimeout: Double = 5
    ) {
        self.httpPort = httpPort
        self.pubsub = pubsub
        self.apiToken = apiToken
        self.appAPIToken = appAPIToken
        self.publishTimeout = publishTimeout
    }

    /// The sidecar's base URL; always loopback, where the sidecar listens next to the app.
    public var sidecarURL: String { "http://127.0.0.1:\(httpPort)" }
}
