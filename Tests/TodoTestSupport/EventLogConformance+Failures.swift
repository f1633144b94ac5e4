import Foundation
import Synchronization
import Testing
import TodoCore

extension EventLogConformance {
    static func throwingHandlerIsRetried(_ harness: Harness) throws {
        let log = try harness.open()
        try log.ensureTopics([TopicSpec(name: "flaky", partitions: 1)])
        try log.publish((0..<5).map { message("flaky", key: "same", "m\($0)") })

        let attempts = Mutex<[String]>([])
        let succeeded = Received()
        let subscription = try log.subscribe(group: "retrying", topics: ["flaky"], options: quickRetry) { message in
            let text = String(decoding: message.value, as: UTF8.self)
            let failures = attempts.withLock { list in
                list.append(text)
                return list.filter { $0 == "m2" }.count
            }
            // The third message fails twice before it succeeds.
            if text == "m2" && failures <= 2 { throw HandlerFailure() }
            succeeded.add(message)
        }
        defer { subscription.stop() }

        #expect(waitUntil { succeeded.count >= 5 })
        #expect(try waitForNoLag(log, group: "retrying", topic: "flaky"))
        #expect(succeeded.texts == ["m0", "m1", "m2", "m3", "m4"])
        #expect(attempts.withLock { $0 } == ["m0", "m1", "m2", "m2", "m2", "m3", "m4"])
    }

    static func stopBeforeCommit(_ harness: Harness) throws {
        let crashed = try harness.open()
        try crashed.ensureTopics([TopicSpec(name: "jobs", partitions: 1)])
        try crashed.publish((0..<4).map { message("jobs", key: "one-key", "j\($0)") })

        // The handler of j1 is stopped in the middle and never finishes its work.
        let reached = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let firstRun = Received()
        let blocked = Mutex(false)
        let first = try crashed.subscribe(group: "jobs-group", topics: ["jobs"], options: quickRetry) { message in
            if String(decoding: message.value, as: UTF8.self) == "j1" {
                // The first call blocks until the test lets go; any retry before the stop fails too.
                if !blocked.withLock({ $0 }) {
                    blocked.withLock { $0 = true }
                    reached.signal()
                    release.wait()
                }
                throw HandlerFailure()
            }
            firstRun.add(message)
        }
        #expect(reached.wait(timeout: .now() + 10) == .success)
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            first.stop()
            stopped.signal()
        }
        release.signal()
        #expect(stopped.wait(timeout: .now() + 10) == .success)
        #expect(firstRun.texts == ["j0"])

        // The next member of the group starts again at j1.
        let restarted = try harness.open()
        let secondRun = Received()
        let second = try restarted.subscribe(group: "jobs-group", topics: ["jobs"], options: quickRetry) {
            secondRun.add($0)
        }
        defer { second.stop() }
        #expect(waitUntil { secondRun.count >= 3 })
        #expect(secondRun.texts == ["j1", "j2", "j3"])
    }

    static func latestStartSkipsOlderMessages(_ harness: Harness) throws {
        let log = try harness.open()
        try log.ensureTopics([TopicSpec(name: "ticks", partitions: 1)])
        try log.publish([message("ticks", key: "t", "before")])

        let received = Received()
        let subscription = try log.subscribe(
            group: "live", topics: ["ticks"], options: SubscriptionOptions(startPosition: .latest)
        ) { received.add($0) }
        defer { subscription.stop() }
        #expect(
            try waitUntil {
                try log.groups().first { $0.group == "live" }?.offsets.first?.committedOffset == 1
            })

        try log.publish([message("ticks", key: "t", "after")])
        #expect(waitUntil { received.count >= 1 })
        #expect(received.texts == ["after"])
    }
}
