import Testing
import TodoCore

@Suite struct PartitionerTests {
    /// The vectors of Kafka's own `UtilsTest.testMurmur2`, as Java's signed ints.
    @Test(arguments: [
        ("21", -973_932_308), ("foobar", -790_332_482), ("a-little-bit-long-string", -985_981_536),
        ("a-little-bit-longer-string", -1_486_304_829),
        ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971), ("abc", 479_470_107),
    ])
    func murmur2MatchesKafka(_ input: String, _ expected: Int32) {
        #expect(Int32(bitPattern: Partitioner.murmur2(Array(input.utf8))) == expected)
    }

    @Test func partitionIsThePositiveHashModuloTheCount() {
        // (-973932308 & 0x7fffffff) % 12 == 1173551340 % 12 == 0
        #expect(Partitioner.partition(forKey: "21", partitions: 12) == 1_173_551_340 % 12)
        #expect(Partitioner.partition(forKey: "abc", partitions: 7) == 479_470_107 % 7)
        #expect(Partitioner.partition(forKey: "anything", partitions: 1) == 0)
        #expect(Partitioner.partition(forKey: "anything", partitions: 0) == 0)
    }
}

@Suite struct PartitionAssignorTests {
    @Test func partitionsAreDealtInTurnToSubscribers() {
        let partitions =
            (0..<5).map { TopicPartition(topic: "a", partition: $0) } + [TopicPartition(topic: "b", partition: 0)]
        let members = [
            PartitionAssignor.Member(id: "m2", topics: ["a"]), PartitionAssignor.Member(id: "m1", topics: ["a", "b"]),
        ]

        let assignment = PartitionAssignor.assign(partitions, to: members)

        #expect(assignment["m1"]?.map(\.description) == ["a/0", "a/2", "a/4", "b/0"])
        #expect(assignment["m2"]?.map(\.description) == ["a/1", "a/3"])
    }

    @Test func moreMembersThanPartitionsLeavesSomeIdle() {
        let members = (0..<3).map { PartitionAssignor.Member(id: "m\($0)", topics: ["t"]) }

        let assignment = PartitionAssignor.assign([TopicPartition(topic: "t", partition: 0)], to: members)

        #expect(assignment.values.map(\.count).sorted() == [0, 0, 1])
    }
}
