import Foundation
import TodoCore
import TodoCrypto
import TodoLogging

/// What every session of one sync service shares.
final class SyncContext: Sendable {
    let configuration: SyncConfiguration
    let tokens: TokenService
    let clock: any TimeSource
    let registry = SessionRegistry()
    let counters: SyncCounters
    let logger: Logger
    let catchUp: CatchUpWorker

    init(
        configuration: SyncConfiguration, tokens: TokenService, clock: any TimeSource, counters: SyncCounters,
        catchUp: CatchUpWorker, logger: Logger
    ) {
        self.configuration = configuration
        self.tokens = tokens
        self.clock = clock
        self.counters = counters
        self.catchUp = catchUp
        self.logger = logger
    }

    /// When a connection authorised by a token expiring at `expiresAt` must close: the token's
    /// expiry plus the verification leeway, as the backend would still accept it until then.
    func closeDeadline(forTokenExpiringAt expiresAt: Date) -> ContinuousClock.Instant {
        let remaining = expiresAt.timeIntervalSince(clock.now) + TimeInterval(tokens.leeway)
        return .now + .milliseconds(Int64(max(0, remaining) * 1000))
    }

    /// Seconds between the server's pings, as announced in `ready`.
    var heartbeatSeconds: Int {
        Int(configuration.webSocket.pingInterval.components.seconds)
    }
}
