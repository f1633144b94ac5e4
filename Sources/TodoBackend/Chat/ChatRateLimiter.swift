import Foundation
import Synchronization
import TodoCore

/// Caps how many chat messages one user may send: at most `maxMessages` within `window` seconds
/// of the first of them; further messages are refused with 429 until the window has passed.
///
/// State is per process and bounded: at most `capacity` users are tracked; expired windows go
/// first, then the oldest. With several backend replicas each keeps its own count, so a user may
/// send up to `maxMessages` per replica.
public final class ChatRateLimiter: Sendable {
    private struct Window {
        var count: Int
        var start: Date
    }

    public let maxMessages: Int
    public let window: TimeInterval
    private let capacity: Int
    private let windows = Mutex<[String: Window]>([:])

    public init(maxMessages: Int, window: TimeInterval, capacity: Int = 100_000) {
        self.maxMessages = max(1, maxMessages)
        self.window = max(1, window)
        self.capacity = max(1, capacity)
    }

    /// Counts one message of `userID`, or throws 429 `chat_rate_limited` with the seconds to wait
    /// in `details.retry_after` (which the HTTP layer also sends as `Retry-After`).
    public func acquire(userID: String, now: Date) throws(AppError) {
        let wait = windows.withLock { windows -> TimeInterval? in
            if var entry = windows[userID], now.timeIntervalSince(entry.start) < window {
                guard entry.count < maxMessages else {
                    return entry.start.addingTimeInterval(window).timeIntervalSince(now)
                }
                entry.count += 1
                windows[userID] = entry
                return nil
            }
            windows[userID] = Window(count: 1, start: now)
            Self.trim(&windows, capacity: capacity, now: now, window: window)
            return nil
        }
        guard let wait else { return }

        let seconds = max(1, Int(wait.rounded(.up)))
        throw AppError(
            .rateLimited, code: "chat_rate_limited",
            message: "Too many chat messages; try again in \(seconds) seconds",
            details: .object(["retry_after": .number(Double(seconds))]))
    }

    private static func trim(_ windows: inout [String: Window], capacity: Int, now: Date, window: TimeInterval) {
        guard windows.count > capacity else { return }

        for (key, entry) in windows where now.timeIntervalSince(entry.start) >= window { windows[key] = nil }
        if windows.count > capacity {
            let oldest = windows.sorted { $0.value.start < $1.value.start }.prefix(windows.count - capacity)
            for entry in oldest { windows[entry.key] = nil }
        }
    }
}
