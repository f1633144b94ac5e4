import Foundation

/// Background work (consumers, schedulers) as a ``Service``: `start` and `stop` closures.
final class WorkerService: Service {
    let name: String
    private let onStart: @Sendable () throws -> Void
    private let onStop: @Sendable () -> Void

    init(name: String, start: @escaping @Sendable () throws -> Void, stop: @escaping @Sendable () -> Void) {
        self.name = name
        onStart = start
        onStop = stop
    }

    func start() throws { try onStart() }

    func stop(gracePeriod: Duration) { onStop() }
}
