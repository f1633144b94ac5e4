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
///
/// What some backends cannot do is declared in ``Features`` (as in Watermill's test features): a
/// check that needs a missing feature is left out by ``Check/isSupported(by:)``, and a check that
/// only partly depends on one skips just that part. Every feature is on by default.
public enum EventLogConformance {
    /// What a backend under test supports beyond the common contract.
    public struct Features: Sendable {
        /// ``EventLog/groups()`` lists the members that joined through other logs (other
        /// processes), not only those of the log asked.
        public var listsMembersOfOtherLogs: Bool
        /// ``EventLog/applyRetention()`` removes messages on demand, by age and by count.
        public var removesMessagesOnDemand: Bool

        public init(listsMembersOfOtherLogs: Bool = true, removesMessagesOnDemand: Bool = true) {
            self.listsMembersOfOtherLogs = listsMembersOfOtherLogs
            self.removesMessagesOnDemand = removesMessagesOnDemand
        }

        /// Everything: the embedded and in-memory logs.
        public static let all = Features()
    }

    /// What a check needs from the logs it opens.
    public struct Setup: Sendable {
        public var clock: any TimeSource
        public var retention: RetentionPolicy
    }

    /// One named behaviour.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        let setup: @Sendable () -> Setup
        let requires: [KeyPath<Features, Bool> & Sendable]
        let body: @Sendable (Harness) throws -> Void

        init(
            name: String, requires: [KeyPath<Features, Bool> & Sendable] = [], setup: @escaping @Sendable () -> Setup,
            body: @escaping @Sendable (Harness) throws -> Void
        ) {
            self.name = name
            self.requires = requires
            self.setup = setup
            self.body = body
        }

        public var description: String { name }

        /// Whether a backend with `features` can run this check at all.
        public func isSupported(by features: Features) -> Bool {
            requires.allSatisfy { features[keyPath: $0] }
        }

        /// Runs the check; `makeOpener` gets the check's setup and returns a function that opens a
        /// log on the check's storage. Every log opened is closed afterwards.
        public func run(features: Features = .all, makeOpener: (Setup) throws -> () throws -> any EventLog) throws {
            let setup = setup()
            let harness = Harness(setup: setup, features: features, open: try makeOpener(setup))
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
        Check(
            name: "retention by count", requires: [\.removesMessagesOnDemand], setup: retentionSetup,
            body: retentionByCount),
        Check(
            name: "retention by age", requires: [\.removesMessagesOnDemand], setup: retentionSetup,
            body: retentionByAge),
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
        let features: Features
        private let opener: () throws -> any EventLog
        private let lock = NSLock()
        private var opened: [any EventLog] = []

        init(setup: Setup, features: Features, open: @escaping () throws -> any EventLog) {
            self.setup = setup
            self.features = features
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
