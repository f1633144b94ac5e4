import Foundation
import Testing
import TodoBackend
import TodoCore

@Suite struct ChatRateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func theWindowStartsAtTheFirstMessage_andRetryAfterCountsDownToItsEnd() throws {
        let limiter = ChatRateLimiter(maxMessages: 3, window: 60)
        for second in [0, 10, 20] { try limiter.acquire(userID: "ada", now: start.addingTimeInterval(Double(second))) }

        do {
            try limiter.acquire(userID: "ada", now: start.addingTimeInterval(59.2))
            Issue.record("the fourth message in the window was accepted")
        } catch {
            #expect(error.kind == .rateLimited)
            #expect(error.details?["retry_after"] == 1)
        }
        try limiter.acquire(userID: "ada", now: start.addingTimeInterval(60))
    }

    @Test func pastCapacity_theOldestUsersAreForgottenFirst() throws {
        let limiter = ChatRateLimiter(maxMessages: 1, window: 600, capacity: 2)
        try limiter.acquire(userID: "old", now: start)
        try limiter.acquire(userID: "mid", now: start.addingTimeInterval(1))
        try limiter.acquire(userID: "new", now: start.addingTimeInterval(2))

        // "old" was dropped to stay within two users, so its count starts again; "new" is still counted.
        try limiter.acquire(userID: "old", now: start.addingTimeInterval(3))
        #expect(throws: AppError.self) { try limiter.acquire(userID: "new", now: start.addingTimeInterval(4)) }
    }
}
