import Dispatch
import Foundation
import TodoLogging

/// Starts services in order, waits for SIGINT or SIGTERM, then stops them in reverse order.
/// If one fails to start, those already started are stopped and the error is rethrown.
public final class ServiceGroup {
    private let services: [any Service]
    private let logger: Logger
    private let gracePeriod: Duration

    public init(services: [any Service], logger: Logger, gracePeriod: Duration = .seconds(10)) {
        self.services = services
        self.logger = logger
        self.gracePeriod = gracePeriod
    }

    /// Blocks the calling thread until a termination signal arrives and every service has stopped.
    public func run() throws {
        let signals = TerminationSignals()
        var started: [any Service] = []
        do {
            for service in services {
                try service.start()
                started.append(service)
            }
        } catch {
            stop(started)
            throw error
        }

        let signal = signals.wait()
        logger.info("Shutting down", ["signal": signal])
        stop(started)
        logger.info("Stopped")
    }

    private func stop(_ started: [any Service]) {
        for service in started.reversed() {
            service.stop(gracePeriod: gracePeriod)
        }
    }
}

/// Turns SIGINT and SIGTERM into a value a thread can wait for, instead of the default exit.
final class TerminationSignals: @unchecked Sendable {
    // @unchecked: `received` is written once on the signal queue before the semaphore is signalled,
    // and read only after waiting on it.
    private let semaphore = DispatchSemaphore(value: 0)
    private var sources: [DispatchSourceSignal] = []
    private var received = "SIGTERM"
    private let queue = DispatchQueue(label: "todo-chatbot.signals")

    init() {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in
                self.received = name
                self.semaphore.signal()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Waits for the first signal and returns its name.
    func wait() -> String {
        semaphore.wait()
        return received
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
