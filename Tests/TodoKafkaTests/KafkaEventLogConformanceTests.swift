import Testing
import TodoCore
import TodoKafka
import TodoTestSupport

/// The broker contract against Kafka's real protocol: librdkafka's mock cluster on loopback, a
/// fresh cluster per check, every "process" a client of its own.
@Suite struct KafkaEventLogConformanceTests {
    /// The mock cluster lacks DescribeGroups and DeleteRecords (see ``KafkaMockCluster``).
    static let features = EventLogConformance.Features(listsMembersOfOtherLogs: false, removesMessagesOnDemand: false)

    @Test(arguments: EventLogConformance.checks.filter { $0.isSupported(by: features) })
    func conformsOnTheMockCluster(_ check: EventLogConformance.Check) throws {
        let kafka = try MockKafka()
        try check.run(features: Self.features) { setup in
            { try kafka.openLog(retention: setup.retention, clock: setup.clock) }
        }
    }
}
