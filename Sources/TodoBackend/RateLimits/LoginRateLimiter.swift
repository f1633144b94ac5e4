import Foundation
import Synchronization
import TodoCore

/// Slows down password guessing: after `maxFailures` failed log-ins within `window` for one account,
/// or `maxFailures * 4` from one client address, further attempts are refused with 429 until the
/// window has passed.
///
/// State is per process and bounded: at most `capacity` keys are tracked; the oldest are dropped
/// first. With several backend replicas each keeps its own count, which weakens but does not remove
/// the limit.
public final class LoginRateLimiter: Sendable {
    private struct Window {
        var failures: Int
        var start: Date
    }

    private let maxFailures: Int
    private let window: TimeInterval
    private let capacity: Int
    private let windows = Mutex<[String: Window]>([:])

    public init(maxFailures: Int, window: TimeInterval, capacity: Int = 100_000) {
        self.maxFailures = max(1, maxFailures)
        self.window = window
        self.capacity = capacity
    }

    /// Throws 429 `too_many_attempts` with the seconds to wait in `details.retry_after`.
    public func check(account: String, address: String, now: Date) throws {
        let wait = windows.withLock { windows -> TimeInterval? in
            let limits = [("account:" + account, maxFailures), ("address:" + address, maxFailures * 4)]
            let waits = limits.compactMap { key, limit -> TimeInterval? in
                guard let entry = windows[key], entry.failures >= limit else { return nil }
                let remaining = entry.start.addingTimeInterval(window).timeIntervalSince(now)
                return remaining > 0 ? remaining : nil
            }
            return waits.max()
        }
        guard let wait else { return }

        let seconds = Int(wait.rounded(.up))
        throw AppError(
            .rateLimited, code: "too_many_attempts",
            message: "Too many failed log-ins; try again in \(seconds) seconds",
            details: .object(["retry_after": .number(Double(seconds))]))
    }

    public func recordFailure(account: String, address: String, now: Date) {
        windows.withLock { windows in
            for key in ["account:" + account, "address:" + address] {
                if var entry = windows[key], now.timeIntervalSince(entry.start) < window {
                    entry.failures += 1
                    windows[key] = entry
                } else {
                    windows[key] = Window(failures: 1, start: now)
                }
            }
            if windows.count > capacity {
                let expired = windows.filter { now.timeIntervalSince($0.value.start) >= window }.map(\.key)
                for key in expired { windows[key] = nil }
                if windows.count > capacity {
                    let oldest = windows.sorted { $0.value.start < $1.value.start }.prefix(windows.count - capacity)
                    for entry in oldest { windows[entry.key] = nil }
                }
            }
        }
    }

    /// A successful log-in clears the account's count (not the address's).
    public func recordSuccess(account: String) {
        windows.withLock { $0["account:" + account] = nil }
    }
}
