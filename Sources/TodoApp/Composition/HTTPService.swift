import Foundation
import TodoHTTP
import TodoLogging

/// Runs one HTTP listener as a ``Service``.
final class HTTPService: Service {
    let name: String
    private let server: HTTPServer
    private let logger: Logger

    init(name: String, server: HTTPServer, logger: Logger) {
        self.name = name
        self.server = server
        self.logger = logger
    }

    func start() throws {
        try server.start()
        logger.info("Listening", [LogKey.port: String(server.port)])
    }

    func stop(gracePeriod: Duration) {
        server.shutdown(gracePeriod: gracePeriod)
        logger.info("Stopped listening")
    }

    var port: Int { server.port }
}
