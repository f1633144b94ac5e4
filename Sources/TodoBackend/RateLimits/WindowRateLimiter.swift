import Foundation
import Synchronization
import TodoCore

/// Caps how often one key (a user, a client address) may do something: at most `limit` times
/// within `window` seconds of the first; further attempts are refused with 429 until the window
/// has passed.
///
/// State is per process and bounded: at most `capacity` keys are tracked; expired windows go
/// first, then the oldest. With several backend replicas each keeps its own count, so a key may
/// act up to `limit` times per replica.
public final class WindowRateLimiter: Sendable {
    private struct Window {
        var count: Int
        var start: Date
    }

    public let limit: Int
    public let window: TimeInterval
    private let capacity: Int
    private let code: String
    private let what: String
    private let windows = Mutex<[String: Window]>([:])

    /// Refusals carry `code`, and say "Too many `what`".
    public init(limit: Int, window: TimeInterval, code: String, what: String, capacity: Int = 100_000) {
        self.limit = max(1, limit)
        self.window = max(1, window)
        self.code = code
        self.what = what
        self.capacity = max(1, capacity)
    }

    /// Chat messages per user: `chat_rate_limited`.
    public static func chatMessages(perUser limit: Int, window: TimeInterval) -> WindowRateLimiter {
        WindowRateLimiter(limit: limit, window: window, code: "chat_rate_limited", what: "chat messages")
    }

    /// Sign-ups per client address: `too_many_signups`.
    public static func signUps(perAddress limit: Int, window: TimeInterval) -> WindowRateLimiter {
        WindowRateLimiter(
            limit: limit, window: window, code: "too_many_signups", what: "sign-ups from this address")
    }

    /// Counts one attempt of `key`, or throws 429 with the seconds to wait in
    /// `details.retry_after` (which the HTTP layer also sends as `Retry-After`).
    public func acquire(_ key: String, now: Date) throws(AppError) {
        let wait = windows.withLock { windows -> TimeInterval? in
            if var entry = windows[key], now.timeIntervalSince(entry.start) < window {
                guard entry.count < limit else {
                    return entry.start.addingTimeInterval(window).timeIntervalSince(now)
                }
                entry.count += 1
                windows[key] = entry
                return nil
            }
            windows[key] = Window(count: 1, start: now)
            Self.trim(&windows, capacity: capacity, now: now, window: window)
            return nil
        }
        guard let wait else { return }

        let seconds = max(1, Int(wait.rounded(.up)))
        throw AppError(
            .rateLimited, code: code, message: "Too many \(what); try again in \(seconds) seconds",
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
