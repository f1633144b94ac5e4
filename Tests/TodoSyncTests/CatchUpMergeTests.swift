import Foundation
import Testing

@testable import TodoSync

@Suite("Merging replayed streams")
struct CatchUpMergeTests {
    private func event(_ stream: SyncStream, _ offset: Int64, at seconds: Double) -> EncodedEvent {
        EncodedEvent(
            position: StreamPosition(stream: stream, after: offset, partition: 0),
            time: Date(timeIntervalSince1970: seconds), head: [], tail: [])
    }

    @Test func streamsInterleaveByTime_butNeverReorderWithinAStream() {
        // The second task event carries an earlier time (a clock step back): it still follows the first.
        let tasks = [event(.taskUpdates, 1, at: 10), event(.taskUpdates, 2, at: 5), event(.taskUpdates, 3, at: 30)]
        let notifications = [event(.notifications, 7, at: 8), event(.notifications, 8, at: 20)]

        let merged = CatchUpWorker.merge([tasks, notifications])

        #expect(merged.map(\.position.description) == ["n0:8", "u0:2", "u0:3", "n0:9", "u0:4"])
        #expect(merged.filter { $0.stream == .taskUpdates }.map(\.offset) == [1, 2, 3])
    }
}
