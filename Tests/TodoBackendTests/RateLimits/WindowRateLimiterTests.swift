import Foundation
import Testing
import TodoBackend
import TodoCore

@Suite struct WindowRateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func theWindowStartsAtTheFirstMessage_andRetryAfterCountsDownToItsEnd() throws {
        let limiter = WindowRateLimiter.chatMessages(perUser: 3, window: 60)
        for second in [0, 10, 20] { try limiter.acquire("ada", now: start.addingTimeInterval(Double(second))) }

        do {
            try limiter.acquire("ada", now: start.addingTimeInterval(59.2))
            Issue.record("the fourth message in the window was accepted")
        } catch {
            #expect(error.kind == .rateLimited && error.code == "chat_rate_limited")
            #expect(error.details?["retry_after"] == 1)
        }
        try limiter.acquire("ada", now: start.addingTimeInterval(60))
    }

    @Test func pastCapacity_theOldestKeysAreForgottenFirst() throws {
        let limiter = WindowRateLimiter(limit: 1, window: 600, code: "test_limited", what: "tests", capacity: 2)
        try limiter.acquire("old", now: start)
        try limiter.acquire("mid", now: start.addingTimeInterval(1))
        try limiter.acquire("new", now: start.addingTimeInterval(2))

        // "old" was dropped to stay within two users, so its count starts again; "new" is still counted.
        try limiter.acquire("old", now: start.addingTimeInterval(3))
        #expect(throws: AppError.self) { try limiter.acquire("new", now: start.addingTimeInterval(4)) }
    }

    @Test func checkDoesNotCount_recordDoes() throws {
        let limiter = WindowRateLimiter.signUps(perAddress: 2, window: 60)
        for _ in 0..<5 { try limiter.check("a", now: start) }
        limiter.record("a", now: start)
        limiter.record("a", now: start.addingTimeInterval(1))

        #expect(throws: AppError.self) { try limiter.check("a", now: start.addingTimeInterval(2)) }
        #expect(throws: AppError.self) { try limiter.acquire("a", now: start.addingTimeInterval(2)) }
        try limiter.check("b", now: start.addingTimeInterval(2))
        try limiter.check("a", now: start.addingTimeInterval(60))
    }
}
