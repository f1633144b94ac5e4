import Foundation
import Synchronization
import TodoCore
import TodoLogging

/// The threads that read the log for sessions catching up. Reads block (SQLite, a broker), so they
/// never run on a reactor or on Swift's cooperative pool; sessions wait in a FIFO queue.
///
/// For each session: the end of the user's partition of every stream is read; without a
/// requested cursor those ends are where the session starts. With one, the user's events from
/// there to the ends are read and replayed, unless a position is invalid, from another partition
/// or past the end, older than what retention kept, or too far behind: then the session is told
/// to refetch and starts at the ends. Offsets in a partition are consecutive, so a gap in what is
/// read means retention removed events meanwhile, which is treated like an expired position.
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
        while let session = nextSession() {
            guard session.phase == .catchingUp else { continue }
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

    /// Waits for the next queued session; nil once the worker is stopping.
    private func nextSession() -> SyncSession? {
        while true {
            work.wait()
            let (stopping, session) = queue.withLock { queue -> (Bool, SyncSession?) in
                (queue.stopping, queue.sessions.isEmpty ? nil : queue.sessions.removeFirst())
            }
            if stopping { return nil }
            if let session { return session }
        }
    }

    /// Works out what `session` must be sent; throws when the log cannot be read.
    func plan(for session: SyncSession) throws -> CatchUpPlan {
        let topics = try log.topics()
        var ranges: [SyncStream: PartitionMetadata] = [:]
        var plan = CatchUpPlan(ends: [], replayed: [], refetchReason: nil)
        for stream in SyncStream.allCases {
            guard let topic = topics.first(where: { $0.name == stream.topic }), !topic.partitions.isEmpty else {
                throw AppError.unknownTopic(stream.topic)
            }
            let partition = Partitioner.partition(forKey: session.userID, partitions: topic.partitions.count)
            guard let range = topic.partitions.first(where: { $0.partition == partition }) else {
                throw AppError.internal("\(stream.topic) has no partition \(partition)")
            }
            ranges[stream] = range
            plan.ends.append(StreamPosition(stream: stream, partition: partition, nextOffset: range.endOffset))
        }
        guard let requested = session.requestedPosition else { return plan }

        counters.add(.resumes)
        switch try replay(requested, userID: session.userID, ends: plan.ends, ranges: ranges) {
        case .events(let events):
            plan.replayed = events
            counters.add(.replayedMessages, events.count)
        case .refetch(let reason):
            plan.refetchReason = reason
            counters.add(.refetches)
        }
        return plan
    }

    private enum Replay {
        case events([EncodedEvent])
        case refetch(String)
    }

    /// The user's events from `text` to the ends, merged in append order, or why they cannot all
    /// be replayed (then nothing is).
    private func replay(
        _ text: String, userID: String, ends: [StreamPosition], ranges: [SyncStream: PartitionMetadata]
    ) throws -> Replay {
        guard let cursor = SyncCursor(text) else { return .refetch(RefetchReason.invalid) }
        for end in ends {
            guard let from = cursor[end.stream], let range = ranges[end.stream] else {
                return .refetch(RefetchReason.invalid)
            }
            if let reason = refusal(of: from, end: end, range: range) { return .refetch(reason) }
        }

        var streams: [[EncodedEvent]] = []
        for end in ends {
            let from = cursor[end.stream]!.nextOffset
            switch try read(
                userID: userID, stream: end.stream, partition: end.partition, from: from, to: end.nextOffset)
            {
            case .events(let found): streams.append(found)
            case .refetch(let reason): return .refetch(reason)
            }
            if streams.joined().count > configuration.maxReplayMessages {
                return .refetch(RefetchReason.tooFarBehind)
            }
        }
        return .events(Self.merge(streams))
    }

    /// Streams are separate topics with no common order: merges them by the events' time, never
    /// reordering the events of one stream.
    static func merge(_ streams: [[EncodedEvent]]) -> [EncodedEvent] {
        var heads = streams.map { $0.startIndex }
        var merged: [EncodedEvent] = []
        merged.reserveCapacity(streams.reduce(0) { $0 + $1.count })
        while true {
            var next: Int?
            for (index, stream) in streams.enumerated() where heads[index] < stream.endIndex {
                if let best = next, streams[best][heads[best]].time <= stream[heads[index]].time { continue }
                next = index
            }
            guard let chosen = next else { return merged }
            merged.append(streams[chosen][heads[chosen]])
            heads[chosen] += 1
        }
    }

    /// Why replaying from `from` to `end` within the retained `range` is impossible, or nil.
    private func refusal(of from: StreamPosition, end: StreamPosition, range: PartitionMetadata) -> String? {
        guard from.partition == end.partition, from.nextOffset <= end.nextOffset else { return RefetchReason.unknown }
        guard from.nextOffset >= range.startOffset else { return RefetchReason.expired }
        guard end.nextOffset - from.nextOffset <= Int64(configuration.maxReplayScan) else {
            return RefetchReason.tooFarBehind
        }
        return nil
    }

    /// The user's events in `start..<end` of one partition of a stream, or why they cannot all be
    /// replayed.
    private func read(userID: String, stream: SyncStream, partition: Int, from start: Int64, to end: Int64) throws
        -> Replay
    {
        var events: [EncodedEvent] = []
        var next = start
        while next < end {
            let batch = try log.read(
                topic: stream.topic, partition: partition, from: next, limit: min(batchSize, Int(end - next)))
            guard let first = batch.first, first.offset == next else { return .refetch(RefetchReason.expired) }
            for message in batch where message.offset < end {
                guard message.offset == next else { return .refetch(RefetchReason.expired) }
                next += 1
                guard message.key == userID, let event = decode(message) else { continue }
                events.append(event.encoded)
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
                "Skipping a message that is not a sync event",
                [
                    LogKey.topic: message.topic, LogKey.partition: String(message.partition),
                    LogKey.offset: String(message.offset),
                ])
            return nil
        }
    }
}
