import Foundation
import TodoCore

/// Slows down password guessing: after `maxFailures` failed log-ins within `window` for one account,
/// or `maxFailures * 4` from one client address, further attempts are refused with 429
/// `too_many_attempts` until the window has passed.
///
/// State is per process and bounded: at most `capacity` accounts and as many addresses are
/// tracked; the oldest are dropped first. With several backend replicas each keeps its own count,
/// which weakens but does not remove the limit.
public final class LoginRateLimiter: Sendable {
    private let accounts: WindowRateLimiter
    private let addresses: WindowRateLimiter

    public init(maxFailures: Int, window: TimeInterval, capacity: Int = 100_000) {
        let maxFailures = max(1, maxFailures)
        accounts = WindowRateLimiter(
            limit: maxFailures, window: window, code: "too_many_attempts", what: "failed log-ins", capacity: capacity)
        addresses = WindowRateLimiter(
            limit: maxFailures * 4, window: window, code: "too_many_attempts", what: "failed log-ins",
            capacity: capacity)
    }

    /// Throws 429 `too_many_attempts` with the seconds to wait (the longer of the account's and
    /// the address's) in `details.retry_after`.
    public func check(account: String, address: String, now: Date) throws {
        let waits = [accounts.wait(account, now: now), addresses.wait(address, now: now)].compactMap { $0 }
        if let wait = waits.max() { throw accounts.refusal(wait) }
    }

    public func recordFailure(account: String, address: String, now: Date) {
        accounts.record(account, now: now)
        addresses.record(address, now: now)
    }

    /// A successful log-in clears the account's count (not the address's).
    public func recordSuccess(account: String) {
        accounts.reset(account)
    }
}
