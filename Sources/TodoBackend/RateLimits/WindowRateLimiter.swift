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

    /// Accounts created per client address: `too_many_signups`.
    public static func signUps(perAddress limit: Int, window: TimeInterval) -> WindowRateLimiter {
        WindowRateLimiter(
            limit: limit, window: window, code: "too_many_signups", what: "sign-ups from this address")
    }

    /// Counts one attempt of `key`, or throws 429 with the seconds to wait in
    /// `details.retry_after` (which the HTTP layer also sends as `Retry-After`).
    public func acquire(_ key: String, now: Date) throws(AppError) {
        let wait = windows.withLock { windows -> TimeInterval? in
            if let wait = Self.wait(windows[key], now: now, limit: limit, window: window) { return wait }
            Self.count(key, in: &windows, now: now, window: window, capacity: capacity)
            return nil
        }
        if let wait { throw refusal(wait) }
    }

    /// Throws the 429 of ``acquire(_:now:)`` when `key` is at its limit, without counting: for
    /// what counts only once it has succeeded (see ``record(_:now:)``).
    public func check(_ key: String, now: Date) throws(AppError) {
        if let wait = wait(key, now: now) { throw refusal(wait) }
    }

    /// How long `key` must still wait, or nil when it is under its limit.
    func wait(_ key: String, now: Date) -> TimeInterval? {
        windows.withLock { Self.wait($0[key], now: now, limit: limit, window: window) }
    }

    /// Forgets `key`'s count.
    public func reset(_ key: String) {
        windows.withLock { $0[key] = nil }
    }

    /// Counts one success of `key` checked with ``check(_:now:)``. Attempts running at the same
    /// time may pass one check together, so the limit can be passed by that many.
    public func record(_ key: String, now: Date) {
        windows.withLock { Self.count(key, in: &$0, now: now, window: window, capacity: capacity) }
    }

    private static func wait(_ entry: Window?, now: Date, limit: Int, window: TimeInterval) -> TimeInterval? {
        guard let entry, now.timeIntervalSince(entry.start) < window, entry.count >= limit else { return nil }
        return entry.start.addingTimeInterval(window).timeIntervalSince(now)
    }

    private static func count(
        _ key: String, in windows: inout [String: Window], now: Date, window: TimeInterval, capacity: Int
    ) {
        if var entry = windows[key], now.timeIntervalSince(entry.start) < window {
            entry.count += 1
            windows[key] = entry
            return
        }
        windows[key] = Window(count: 1, start: now)
        trim(&windows, capacity: capacity, now: now, window: window)
    }

    /// The 429 for a wait of `wait` seconds.
    func refusal(_ wait: TimeInterval) -> AppError {
        let seconds = max(1, Int(wait.rounded(.up)))
        return AppError(
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
