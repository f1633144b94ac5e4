import TodoFrontend
import TodoHTTP
import TodoLogging
import TodoMetrics

extension Composition {
    /// The web UI's routes: the page, its assets, the addresses of the backend and the sync service
    /// it should call, and health.
    static func frontendRoutes(settings: AppSettings) -> FrontendRoutes {
        FrontendRoutes(
            config: FrontendConfig(apiBaseURL: settings.frontendAPIURL, webSocketURL: settings.frontendWebSocketURL))
    }

    /// What `serve frontend` runs on its own: the web UI's listener and nothing else. It opens no
    /// database and no broker (the page only calls the backend and the sync service from the
    /// browser), so the most exposed pod needs neither their addresses nor their secrets, and stays
    /// up while they are away.
    static func frontendOnlyServices(settings: AppSettings, logger: Logger) -> [any Service] {
        var router = Router()
        frontendRoutes(settings: settings).register(on: &router)
        let process = metricsRegistry(logger: logger)
        ProcessMetrics.register(on: process)
        return [
            httpService(
                .frontend, router: router, settings: settings, logger: logger,
                metrics: [process, metricsRegistry(logger: logger)])
        ]
    }
}
