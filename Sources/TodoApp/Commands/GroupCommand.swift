import Foundation
import TodoCore

/// `group list | describe GROUP`, modelled on `rpk group`.
enum GroupCommand: Command {
    static let name = "group"
    static let summary = "list and describe event-log consumer groups"
    static let help = """
        Usage: todo-chatbot group <action> [--json]

        Actions:
          list               every group with its live members and total lag
          describe GROUP     members and, per partition, committed offset, end offset and lag

        Uses the event log of the configured database (database.url).
        """

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        let json = arguments.flag("json")
        try global.takeCommonOverrides(&arguments)
        guard let action = arguments.positional() else { throw CLIError.usage("group needs an action") }
        let name = action == "describe" ? arguments.positional() : nil
        try arguments.finish()

        let settings = try global.loadSettings()
        let handle = try Composition.eventLog(settings: settings)
        defer { handle.close() }
        switch action {
        case "list":
            let groups = try handle.log.groups()
            if json {
                print(CLIJSON.array(groups.map(Self.json)))
            } else {
                print(
                    TextTable.render(
                        ["GROUP", "MEMBERS", "TOTAL-LAG"],
                        groups.map { [$0.group, String($0.members.count), String($0.totalLag)] }))
            }
        case "describe":
            guard let name else { throw CLIError.usage("Name the group") }
            guard let group = try handle.log.group(named: name) else {
                guard settings.eventBroker == .dapr else { throw CLIError.failure("No group named '\(name)'") }
                throw CLIError.failure(
                    "No group named '\(name)' in the outbox. With events.broker=dapr the broker behind the sidecars "
                        + "keeps the services' consumer groups: ask it (with Redpanda, rpk group list)")
            }
            print(json ? CLIJSON.object(Self.json(group).objectValue ?? [:]) : describe(group))
        default:
            throw CLIError.usage("Unknown group action '\(action)'")
        }
    }

    private static func describe(_ group: GroupMetadata) -> String {
        var owners: [TopicPartition: String] = [:]
        for member in group.members {
            for partition in member.assignments { owners[partition] = member.memberID }
        }
        let summary = TextTable.render(
            ["GROUP", group.group], [["MEMBERS", String(group.members.count)], ["TOTAL-LAG", String(group.totalLag)]])
        let offsets = TextTable.render(
            ["TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "MEMBER-ID"],
            group.offsets.map { offset in
                [
                    offset.topic, String(offset.partition), offset.committedOffset.map(String.init) ?? "-",
                    String(offset.endOffset), String(offset.lag),
                    owners[TopicPartition(topic: offset.topic, partition: offset.partition)] ?? "-",
                ]
            })
        return summary + "\n\n" + offsets
    }

    static func json(_ group: GroupMetadata) -> JSONValue {
        .object([
            "group": .string(group.group),
            "members": .array(
                group.members.map { member in
                    .object([
                        "member_id": .string(member.memberID),
                        "assignments": .array(
                            member.assignments.map {
                                .object(["topic": .string($0.topic), "partition": .number(Double($0.partition))])
                            }),
                    ])
                }),
            "offsets": .array(
                group.offsets.map { offset in
                    .object([
                        "topic": .string(offset.topic), "partition": .number(Double(offset.partition)),
                        "committed_offset": offset.committedOffset.map { .number(Double($0)) } ?? .null,
                        "end_offset": .number(Double(offset.endOffset)), "lag": .number(Double(offset.lag)),
                    ])
                }),
            "total_lag": .number(Double(group.totalLag)),
        ])
    }
}
