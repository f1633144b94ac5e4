import Foundation
import Synchronization
import TodoCore
import TodoLogging

/// The threads that read the log for sessions catching up. Reads block (SQLite, a broker), so they
/// never run on a reactor or on Swift's cooperative pool; sessions wait in a FIFO queue.
///
/// For each session: the end of the user's partition is read; without a requested position that
/// end is where the session starts. With one, the user's events from there to the end are read
/// and replayed, unless the position is invalid, from another partition or past the end, older
/// than what retention kept, or too far behind: then the session is told to refetch and starts
/// at the end. Offsets in a partition are consecutive, so a gap in what is read means retention
/// removed events meanwhile, which is treated like an expired position.
final class CatchUpWorker: Sendable {
    private struct Queue {
        var sessions: [SyncSession] = []
        var stopping = false
        var threads = 0
    }

    private let log: any EventLog
    private let configuration: SyncConfiguration
    private let counters: SyncCounters
    private let logger: Logger
    private let queue = Mutex(Queue())
    private let work = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)
    /// Messages read per call while replaying.
    private let batchSize = 500

    init(log: any EventLog, configuration: SyncConfiguration, counters: SyncCounters, logger: Logger) {
        self.log = log
        self.configuration = configuration
        self.counters = counters
        self.logger = logger
    }

    func start() {
        let count = configuration.catchUpThreads
        queue.withLock { $0.threads = count }
        for index in 0..<count {
            let thread = Thread { [self] in run() }
            thread.name = "sync-catch-up-\(index)"
            thread.start()
        }
    }

    /// Stops the threads after the reads in progress; sessions still queued are failed.
    func stop() {
        let (threads, left) = queue.withLock { queue -> (Int, [SyncSession]) in
            guard !queue.stopping else { return (0, []) }
            queue.stopping = true
            defer { queue.sessions = [] }
            return (queue.threads, queue.sessions)
        }
        for _ in 0..<threads { work.signal() }
        for _ in 0..<threads { exited.wait() }
        for session in left { session.failCatchUp() }
    }

    func enqueue(_ session: SyncSession) {
        let accepted = queue.withLock { queue -> Bool in
            guard !queue.stopping else { return false }
            queue.sessions.append(session)
            return true
        }
        if accepted { work.signal() } else { session.failCatchUp() }
    }

    private func run() {
        while true {
            work.wait()
            let next = queue.withLock { queue -> SyncSession?? in
                if queue.stopping { return .none }
                return .some(queue.sessions.isEmpty ? nil : queue.sessions.removeFirst())
            }
            guard let next else { break }
            guard let session = next, session.phase == .catchingUp else { continue }
            do {
                session.finishCatchUp(try plan(for: session))
            } catch {
                logger.error(
                    "Cannot read the event log for a catch-up",
                    [LogKey.userID: session.userID, LogKey.error: String(describing: error)])
                session.failCatchUp()
            }
        }
        exited.signal()
    }

    /// Works out what `session` must be sent; throws when the log cannot be read.
    func plan(for session: SyncSession) throws -> CatchUpPlan {
        guard let topic = try log.topics().first(where: { $0.name == EventTopics.taskUpdates }),
            !topic.partitions.isEmpty
        else { throw AppError.unknownTopic(EventTopics.taskUpdates) }
        let partition = Partitioner.partition(forKey: session.userID, partitions: topic.partitions.count)
        guard let range = topic.partitions.first(where: { $0.partition == partition }) else {
            throw AppError.internal("task-updates has no partition \(partition)")
        }
        var plan = CatchUpPlan(partition: partition, end: range.endOffset, replayed: [], refetchReason: nil)
        guard let requested = session.requestedPosition else { return plan }

        counters.add(.resumes)
        if let reason = refusal(of: requested, partition: partition, range: range) {
            plan.refetchReason = reason
        } else if let position = SyncPosition(requested) {
            let replay = try read(
                userID: session.userID, partition: partition, from: position.nextOffset, to: range.endOffset)
            switch replay {
            case .events(let events): plan.replayed = events
            case .refetch(let reason): plan.refetchReason = reason
            }
        }

        if plan.refetchReason != nil { counters.add(.refetches) }
        counters.add(.replayedMessages, plan.replayed.count)
        return plan
    }

    /// Why `text` cannot be replayed in `range` of `partition`, or nil when it can.
    private func refusal(of text: String, partition: Int, range: PartitionMetadata) -> String? {
        guard let position = SyncPosition(text) else { return RefetchReason.invalid }
        guard position.partition == partition, position.nextOffset <= range.endOffset else {
            return RefetchReason.unknown
        }
        guard position.nextOffset >= range.startOffset else { return RefetchReason.expired }
        guard range.endOffset - position.nextOffset <= Int64(configuration.maxReplayScan) else {
            return RefetchReason.tooFarBehind
        }
        return nil
    }

    private enum Replay {
        case events([(offset: Int64, bytes: [UInt8])])
        case refetch(String)
    }

    /// The user's events in `start..<end` of the partition, or why they cannot all be replayed.
    private func read(userID: String, partition: Int, from start: Int64, to end: Int64) throws -> Replay {
        var events: [(offset: Int64, bytes: [UInt8])] = []
        var next = start
        while next < end {
            let batch = try log.read(
                topic: EventTopics.taskUpdates, partition: partition, from: next, limit: min(batchSize, Int(end - next))
            )
            guard let first = batch.first, first.offset == next else { return .refetch(RefetchReason.expired) }
            for message in batch where message.offset < end {
                guard message.offset == next else { return .refetch(RefetchReason.expired) }
                next += 1
                guard message.key == userID, let event = decode(message) else { continue }
                events.append((message.offset, event.encoded))
                if events.count > configuration.maxReplayMessages { return .refetch(RefetchReason.tooFarBehind) }
            }
        }
        return .events(events)
    }

    private func decode(_ message: LogMessage) -> SyncEvent? {
        do {
            return try SyncEvent.decode(message)
        } catch {
            counters.add(.malformedEvents)
            logger.warning(
                "Skipping a task-updates message that is not a sync event",
                [LogKey.partition: String(message.partition), LogKey.offset: String(message.offset)])
            return nil
        }
    }
}
