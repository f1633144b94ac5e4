import Foundation
import TodoCore

/// `topic list | describe TOPIC | consume TOPIC`, modelled on `rpk topic`.
enum TopicCommand: Command {
    static let name = "topic"
    static let summary = "list, describe and read event-log topics"
    static let help = """
        Usage: todo-chatbot topic <action> [options] [--json]

        Actions:
          list                 every topic with its partition and message counts
          describe TOPIC       the retained offsets of each partition
          consume TOPIC        print messages partition by partition, oldest first in each, then exit
            --num N            at most N messages (default: all retained)
            --offset start|end|N
                               where to begin in each partition (default: start); N is an offset
            --group G          consume as a member of group G, committing offsets as it goes;
                               without it nothing is committed

        Uses the event log of the configured database (database.url).
        """

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        let json = arguments.flag("json")
        try global.takeCommonOverrides(&arguments)
        guard let action = arguments.positional() else { throw CLIError.usage("topic needs an action") }
        let topic = action == "list" ? nil : arguments.positional()
        let consume = action == "consume" ? try ConsumeOptions.parse(&arguments) : nil
        try arguments.finish()

        let handle = try Composition.eventLog(settings: try global.loadSettings())
        defer { handle.close() }
        switch action {
        case "list":
            try list(handle.log, json: json)
        case "describe":
            try describe(try existing(topic, in: handle.log), json: json)
        case "consume":
            guard let consume else { return }
            let metadata = try existing(topic, in: handle.log)
            try TopicConsumer(log: handle.log, topic: metadata, options: consume, json: json).run()
        default:
            throw CLIError.usage("Unknown topic action '\(action)'")
        }
    }

    private static func existing(_ name: String?, in log: any EventLog) throws -> TopicMetadata {
        guard let name else { throw CLIError.usage("Name the topic") }
        guard let topic = try log.topics().first(where: { $0.name == name }) else {
            throw CLIError.failure("No topic named '\(name)'")
        }
        return topic
    }

    private static func list(_ log: any EventLog, json: Bool) throws {
        let topics = try log.topics()
        if json {
            print(CLIJSON.array(topics.map(Self.json)))
            return
        }
        print(
            TextTable.render(
                ["NAME", "PARTITIONS", "MESSAGES"],
                topics.map { [$0.name, String($0.partitions.count), String($0.messageCount)] }))
    }

    private static func describe(_ topic: TopicMetadata, json: Bool) throws {
        if json {
            print(CLIJSON.object(Self.json(topic).objectValue ?? [:]))
            return
        }
        let summary = TextTable.render(
            ["NAME", topic.name],
            [["PARTITIONS", String(topic.partitions.count)], ["MESSAGES", String(topic.messageCount)]])
        let partitions = TextTable.render(
            ["PARTITION", "START-OFFSET", "END-OFFSET", "MESSAGES"],
            topic.partitions.map {
                [
                    String($0.partition), String($0.startOffset), String($0.endOffset),
                    String($0.endOffset - $0.startOffset),
                ]
            })
        print(TextTable.section("SUMMARY", summary) + "\n\n" + TextTable.section("PARTITIONS", partitions))
    }

    static func json(_ topic: TopicMetadata) -> JSONValue {
        .object([
            "name": .string(topic.name),
            "partitions": .array(
                topic.partitions.map {
                    .object([
                        "partition": .number(Double($0.partition)), "start_offset": .number(Double($0.startOffset)),
                        "end_offset": .number(Double($0.endOffset)),
                    ])
                }),
        ])
    }
}
