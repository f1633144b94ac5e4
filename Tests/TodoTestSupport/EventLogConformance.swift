import Foundation
import Testing
import TodoCore

/// The behaviour every ``EventLog`` adapter must show, written once against the protocol (like
/// ``StoreConformance``). An adapter's tests run each ``Check`` with a factory that opens logs on
/// one fresh storage, honouring the check's ``Setup``:
///
/// ```swift
/// @Test(arguments: EventLogConformance.checks)
/// func conformance(_ check: EventLogConformance.Check) throws {
///     try check.run { setup in { try openLog(on: storage, setup) } }
/// }
/// ```
///
/// Every call of the opener stands for one process on the same storage: an embedded log opens a
/// new connection to the same file, the in-memory log may return the same instance, a Kafka
/// adapter a new client. Checks that restart a consumer or need two members call it twice.
public enum EventLogConformance {
    /// What a check needs from the logs it opens.
    public struct Setup: Sendable {
        public var clock: any TimeSource
        public var retention: RetentionPolicy
    }

    /// One named behaviour.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        let setup: @Sendable () -> Setup
        let body: @Sendable (Harness) throws -> Void

        public var description: String { name }

        /// Runs the check; `makeOpener` gets the check's setup and returns a function that opens a
        /// log on the check's storage. Every log opened is closed afterwards.
        public func run(makeOpener: (Setup) throws -> () throws -> any EventLog) throws {
            let setup = setup()
            let harness = Harness(setup: setup, open: try makeOpener(setup))
            defer { harness.closeAll() }
            try body(harness)
        }
    }

    /// Every check, in a stable order.
    public static let checks: [Check] = [
        Check(name: "keys keep their partition and order", setup: standard, body: keysKeepPartitionAndOrder),
        Check(name: "unknown topics are refused", setup: standard, body: unknownTopicsAreRefused),
        Check(name: "every group sees every message", setup: standard, body: everyGroupSeesEveryMessage),
        Check(name: "members of a group share the partitions", setup: standard, body: membersSharePartitions),
        Check(name: "a restarted consumer resumes at its commit", setup: standard, body: restartResumesAtCommit),
        Check(name: "a throwing handler gets the message again", setup: standard, body: throwingHandlerIsRetried),
        Check(name: "a member stopped before commit leaves the message", setup: standard, body: stopBeforeCommit),
        Check(name: "latest start skips older messages", setup: standard, body: latestStartSkipsOlderMessages),
        Check(name: "metadata and lag", setup: standard, body: metadataAndLag),
        Check(name: "retention by count", setup: retentionSetup, body: retentionByCount),
        Check(name: "retention by age", setup: retentionSetup, body: retentionByAge),
    ]

    @Sendable static func standard() -> Setup {
        Setup(clock: SystemTimeSource(), retention: RetentionPolicy())
    }

    @Sendable static func retentionSetup() -> Setup {
        Setup(clock: ManualTimeSource(), retention: RetentionPolicy(maxAge: 3600, maxMessagesPerPartition: 5))
    }
}

extension EventLogConformance {
    /// Opens logs for one check and closes them all at the end.
    public final class Harness: @unchecked Sendable {
        // @unchecked: `opened` is guarded by `lock`; checks open logs from their own thread only.
        let setup: Setup
        private let opener: () throws -> any EventLog
        private let lock = NSLock()
        private var opened: [any EventLog] = []

        init(setup: Setup, open: @escaping () throws -> any EventLog) {
            self.setup = setup
            self.opener = open
        }

        /// A log on the check's storage (one more "process").
        func open() throws -> any EventLog {
            let log = try opener()
            lock.withLock { opened.append(log) }
            return log
        }

        func closeAll() {
            let logs = lock.withLock { opened }
            for log in logs { log.close() }
        }
    }
}
