import CKafka
import Foundation
import TodoCore

extension KafkaAdmin {
    /// The names of the cluster's consumer groups, or nil when the broker cannot list them (the
    /// librdkafka mock cluster, for one).
    func groupNames() throws(AppError) -> [String]? {
        try client.enter()
        defer { client.leave() }
        let result = try AdminResult.run(
            on: client.handle, operation: "listing consumer groups", timeoutMilliseconds: timeoutMilliseconds
        ) { options, queue in
            rd_kafka_ListConsumerGroups(client.handle, options, queue)
        }
        guard let payload = rd_kafka_event_ListConsumerGroups_result(result.event) else { return nil }

        var errorCount = 0
        if let errors = rd_kafka_ListConsumerGroups_result_errors(payload, &errorCount), errorCount > 0 {
            for index in 0..<errorCount {
                guard let failure = AdminResult.failure(errors[index]) else { continue }
                if Self.unsupported(failure.code) { return nil }
                throw KafkaStatus.error(failure.code, "listing consumer groups", detail: failure.text)
            }
        }
        var count = 0
        guard let listings = rd_kafka_ListConsumerGroups_result_valid(payload, &count) else { return [] }
        return (0..<count).compactMap { index in
            listings[index].map { String(cString: rd_kafka_ConsumerGroupListing_group_id($0)) }
        }
    }

    /// The live members of each of `groups` with their assignments, or nil when the broker cannot
    /// describe groups.
    func members(of groups: [String]) throws(AppError) -> [String: [GroupMember]]? {
        try client.enter()
        defer { client.leave() }
        guard !groups.isEmpty else { return [:] }
        let names = groups.map { strdup($0) }
        defer { for name in names { free(name) } }
        var pointers: [UnsafePointer<CChar>?] = names.map { $0.map { UnsafePointer($0) } }

        let result = try AdminResult.run(
            on: client.handle, operation: "describing consumer groups", timeoutMilliseconds: timeoutMilliseconds
        ) { options, queue in
            rd_kafka_DescribeConsumerGroups(client.handle, &pointers, pointers.count, options, queue)
        }
        var count = 0
        guard let payload = rd_kafka_event_DescribeConsumerGroups_result(result.event),
            let descriptions = rd_kafka_DescribeConsumerGroups_result_groups(payload, &count)
        else { return [:] }

        var members: [String: [GroupMember]] = [:]
        for index in 0..<count {
            guard let description = descriptions[index] else { continue }
            let group = String(cString: rd_kafka_ConsumerGroupDescription_group_id(description))
            if let failure = AdminResult.failure(rd_kafka_ConsumerGroupDescription_error(description)) {
                if Self.unsupported(failure.code) { return nil }
                if failure.code == RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND { continue }
                throw KafkaStatus.error(failure.code, "describing group \(group)", detail: failure.text)
            }
            members[group] = Self.members(of: description)
        }
        return members
    }

    private static func members(of description: OpaquePointer) -> [GroupMember] {
        let count = rd_kafka_ConsumerGroupDescription_member_count(description)
        return (0..<count).compactMap { index -> GroupMember? in
            guard let member = rd_kafka_ConsumerGroupDescription_member(description, index) else { return nil }
            let id = String(cString: rd_kafka_MemberDescription_consumer_id(member))
            let assignment = rd_kafka_MemberDescription_assignment(member)
            let partitions =
                assignment.flatMap { rd_kafka_MemberAssignment_partitions($0) }
                .map { PartitionList.entries(of: $0).map(\.partition).sorted() } ?? []
            return GroupMember(memberID: id, assignments: partitions)
        }.sorted { $0.memberID < $1.memberID }
    }

    private static func unsupported(_ code: rd_kafka_resp_err_t) -> Bool {
        code == RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE || code == RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION
            || code == RD_KAFKA_RESP_ERR_INVALID_REQUEST
    }
}
