import Foundation
import Glibc
import TodoCore
import TodoDapr
import TodoHTTP
import TodoLogging
import TodoSync

extension Composition {
    /// The WebSocket sync service on `ports.websocket`: `/ws`, `/stats` and the health routes on
    /// their own listener, whose connection limit is `websocket.max_connections`.
    func syncService() -> any Service {
        let port = settings.ports[.websocket] ?? 8001
        let options = settings.webSocket
        let replicaID = options.replicaID.isEmpty ? "\(Self.hostName())-\(port)" : options.replicaID
        let serviceLogger = logger.with(LogKey.service, ServiceName.websocket.rawValue)

        let webSocket = WebSocketConfiguration(
            reactorThreads: options.reactorThreads, pingInterval: .seconds(options.pingIntervalSeconds),
            pongTimeout: .seconds(options.pongTimeoutSeconds), maxQueuedMessages: options.maxQueuedMessages,
            maxQueuedBytes: options.maxQueuedBytes)
        let sync = SyncService(
            log: eventLog, tokens: tokens, clock: clock,
            configuration: SyncConfiguration(replicaID: replicaID, webSocket: webSocket), logger: serviceLogger)

        var router = Router()
        sync.register(on: &router)
        registerDaprRoutes(
            on: &router, service: .websocket,
            consumers: [(sync.configuration.consumerGroup, SyncStream.allCases.map(\.topic))])
        HealthRoutes(
            service: ServiceName.websocket.rawValue,
            checks: [Self.eventLogCheck(eventLog, relay: relay, consumers: [])]
                + sync.readinessChecks.map { Self.brokerAware($0, log: eventLog) }
        )
        .register(on: &router)
        let registry = Self.metricsRegistry(logger: logger)
        WebSocketMetrics.register(on: registry, webSockets: sync.webSockets.stats)
        EventMetrics.register(on: registry, log: eventLog, consumers: [])
        let httpMetrics = instrument(.websocket, router: &router, registry: registry)
        // Only handshakes and small GETs arrive here. libmicrohttpd keeps a connection's memory pool
        // (which also bounds the handshake's headers) until an upgraded socket closes, so its size
        // is most of what an idle WebSocket costs: 8 KiB by default (BENCHMARKS.md). With Dapr the
        // sidecar also posts events here, as large as the tasks they carry.
        let maxBodyBytes = eventLog is DaprEventLog ? settings.maxBodyBytes : 16 << 10
        let pipeline = HTTPPipeline.standard(
            router: router, cors: CORSPolicy(allowedOrigins: settings.corsOrigins), maxBodyBytes: maxBodyBytes,
            proxies: settings.trustedProxies, metrics: httpMetrics)
        let configuration = HTTPServerConfiguration(
            host: settings.host, port: port, threads: settings.httpThreads, maxBodyBytes: maxBodyBytes,
            connectionLimit: options.maxConnections, connectionTimeoutSeconds: settings.connectionTimeoutSeconds,
            connectionMemoryLimitBytes: options.connectionMemoryBytes, serviceName: "todo-chatbot")
        let server = HTTPServer(configuration: configuration, handler: pipeline.handler, logger: serviceLogger)
        return SyncHTTPService(sync: sync, server: server, logger: serviceLogger)
    }

    /// The host name (a pod's name on Kubernetes), or `localhost` when it cannot be read.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return name.isEmpty ? "localhost" : name
    }
}

/// The sync service and its HTTP listener as one ``Service``: the sync side starts first and stops
/// first, because every upgraded socket must go back to libmicrohttpd before the listener stops.
final class SyncHTTPService: Service {
    let name = ServiceName.websocket.rawValue
    private let sync: SyncService
    private let server: HTTPServer
    private let logger: Logger

    init(sync: SyncService, server: HTTPServer, logger: Logger) {
        self.sync = sync
        self.server = server
        self.logger = logger
    }

    func start() throws {
        try sync.start()
        do {
            try server.start()
        } catch {
            sync.stop(gracePeriod: .zero)
            throw error
        }
        logger.info(
            "Listening", [LogKey.port: String(server.port), "replica": sync.configuration.replicaID])
    }

    func stop(gracePeriod: Duration) {
        sync.stop(gracePeriod: min(gracePeriod, .seconds(2)))
        server.shutdown(gracePeriod: gracePeriod)
        logger.info("Stopped listening")
    }
}
