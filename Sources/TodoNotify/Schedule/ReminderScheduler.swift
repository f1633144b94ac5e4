import Foundation
import TodoCore
import TodoLogging

/// Runs the dispatcher on its own thread, sleeping until the next reminder is due: the wait is
/// computed from the schedule (the soonest `deliverAt` or lease end), not a fixed scan interval,
/// and ``wake()`` cuts it short when the schedule changed. `maxSleep` bounds the wait so that
/// entries another instance wrote are seen within that time even without a wake-up.
public final class ReminderScheduler: Sendable {
    private let dispatcher: ReminderDispatcher
    private let store: any Store
    private let clock: any TimeSource
    private let maxSleep: TimeInterval
    private let logger: Logger
    /// Hears what each pass did (metrics); runs on the scheduler's thread.
    private let onPass: @Sendable (ReminderDispatcher.Outcome) -> Void
    private let condition = NSCondition()
    // nonisolated(unsafe): read and written only while `condition` is locked.
    nonisolated(unsafe) private var state = LoopState()

    private struct LoopState {
        var stopping = false
        var finished = false
        var wakeRequested = false
        var started = false
    }

    public init(
        dispatcher: ReminderDispatcher, store: any Store, clock: any TimeSource, maxSleep: TimeInterval = 5,
        logger: Logger, onPass: @escaping @Sendable (ReminderDispatcher.Outcome) -> Void = { _ in }
    ) {
        self.dispatcher = dispatcher
        self.store = store
        self.clock = clock
        self.maxSleep = maxSleep
        self.logger = logger
        self.onPass = onPass
    }

    public func start() {
        condition.withLock { state.started = true }
        let thread = Thread { [self] in run() }
        thread.name = "reminder scheduler"
        thread.start()
    }

    /// The schedule changed: look again now.
    public func wake() {
        condition.withLock {
            state.wakeRequested = true
            condition.broadcast()
        }
    }

    /// Ends the loop after the pass in progress; waits for it.
    public func stop() {
        condition.lock()
        defer { condition.unlock() }
        guard state.started else { return }
        state.stopping = true
        condition.broadcast()
        while !state.finished { condition.wait() }
    }

    private func run() {
        while !condition.withLock({ state.stopping }) {
            var wait = maxSleep
            do {
                onPass(try dispatcher.runDue())
                if let next = try store.read({ try $0.nextReminderWake() }) {
                    wait = min(maxSleep, max(0, next.timeIntervalSince(clock.now)))
                }
            } catch {
                logger.warning("Reminder pass failed; retrying", [LogKey.error: String(describing: error)])
                wait = 1
            }
            sleep(upTo: wait)
        }
        condition.withLock {
            state.finished = true
            condition.broadcast()
        }
    }

    private func sleep(upTo seconds: TimeInterval) {
        condition.lock()
        defer { condition.unlock() }
        if !state.wakeRequested && !state.stopping && seconds > 0 {
            _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
        }
        state.wakeRequested = false
    }
}
