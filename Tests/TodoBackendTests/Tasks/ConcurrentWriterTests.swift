import Foundation
import Testing
import TodoCore
import TodoHTTP

/// Many threads writing at once through the whole stack onto one SQLite file.
@Suite struct ConcurrentWriterTests {
    @Test func concurrentCreatesAllLandAndNoneFail() throws {
        let backend = try BackendHarness()
        let tokens = try (0..<4).map { try backend.signUp("writer\($0)") }
        let statuses = Statuses()

        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in 0..<40 {
                let reply = backend.send(
                    .post, "/api/tasks", token: tokens[worker % 4],
                    json: ["title": .string("Task \(worker)-\(index)"), "tags": ["load"]])
                statuses.add(reply.status)
            }
        }

        #expect(statuses.counts == [201: 320])
        for token in tokens {
            let tags = backend.send(.get, "/api/tags", token: token).json["tags"]?.arrayValue ?? []
            #expect(tags.first?["task_count"] == 80)
        }
    }

    @Test func racingVersionedUpdatesLetExactlyOneWinPerVersion() throws {
        let backend = try BackendHarness()
        let token = try backend.signUp("racer")
        let id = try backend.createTask(token, ["title": "Contended"])["id"]?.stringValue ?? ""
        let statuses = Statuses()

        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let reply = backend.send(
                .patch, "/api/tasks/\(id)", token: token, json: ["title": .string("Winner \(worker)")],
                headers: [("If-Match", "\"1\"")])
            statuses.add(reply.status)
        }

        #expect(statuses.counts == [200: 1, 412: 7])
        #expect(backend.send(.get, "/api/tasks/\(id)", token: token).json["version"] == 2)
    }
}

/// Thread-safe tally of response statuses.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var tally: [Int: Int] = [:]

    func add(_ status: Int) {
        lock.lock()
        tally[status, default: 0] += 1
        lock.unlock()
    }

    var counts: [Int: Int] {
        lock.lock()
        defer { lock.unlock() }
        return tally
    }
}
