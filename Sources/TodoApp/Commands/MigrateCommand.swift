import Foundation
import TodoCore

/// `migrate current | up | down [N] | to REV | history`, like alembic.
enum MigrateCommand: Command {
    static let name = "migrate"
    static let summary = "show or change the database schema revision"
    static let help = """
        Usage: todo-chatbot migrate <action> [--json]

        Actions:
          current        the revision the database is at
          history        every revision, oldest first, and whether it is applied
          up [REV]       apply pending revisions (up to REV)
          down [N]       revert the newest N applied revisions (default 1)
          to REV         move to exactly REV, up or down; 'base' reverts everything

        Uses the configured database (database.url); accepts --database-url and --data-dir.
        """

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        let json = arguments.flag("json")
        try global.takeCommonOverrides(&arguments)
        guard let action = arguments.positional() else { throw CLIError.usage("migrate needs an action") }
        let operand = arguments.positional()
        try arguments.finish()

        let migrator = try Composition.migrator(
            settings: try global.loadSettings(), createIfMissing: action == "up" || action == "to")
        switch action {
        case "current":
            let current = try migrator.current()
            print(json ? CLIJSON.object(["revision": current.map(JSONValue.string) ?? .null]) : (current ?? "base"))
        case "history":
            let history = try migrator.history()
            if json {
                print(CLIJSON.array(history.map(Self.json)))
            } else {
                let rows = history.map { status in
                    [
                        status.id, status.appliedAt == nil ? "pending" : "applied",
                        status.appliedAt.map { RFC3339.format($0) } ?? "-", status.summary,
                    ]
                }
                print(TextTable.render(["REVISION", "STATUS", "APPLIED AT", "SUMMARY"], rows))
            }
        case "up":
            report(try migrator.upgrade(to: operand), verb: "Applied", json: json)
        case "down":
            let steps = operand.map { Int($0) } ?? 1
            guard let steps, steps >= 1 else { throw CLIError.usage("down takes a positive number of steps") }
            let applied = try migrator.history().filter { $0.appliedAt != nil }.count
            guard steps <= applied else {
                // As alembic does: asking for more than there is is a mistake, not "everything".
                throw CLIError.failure(
                    "Cannot revert \(steps) revisions: \(applied) are applied. "
                        + "Use 'migrate to base' to revert them all")
            }
            report(try migrator.downgrade(steps: steps), verb: "Reverted", json: json)
        case "to":
            guard let operand else { throw CLIError.usage("migrate to needs a revision (or 'base')") }
            let before = try migrator.history().filter { $0.appliedAt != nil }.count
            let revisions = try migrator.migrate(to: operand)
            let after = try migrator.history().filter { $0.appliedAt != nil }.count
            report(revisions, verb: after < before ? "Reverted" : "Applied", json: json)
        default:
            throw CLIError.usage("Unknown migrate action '\(action)'")
        }
    }

    private static func report(_ revisions: [String], verb: String, json: Bool) {
        if json {
            let action: JSONValue = revisions.isEmpty ? .null : .string(verb.lowercased())
            print(CLIJSON.object(["action": action, "revisions": .array(revisions.map(JSONValue.string))]))
        } else if revisions.isEmpty {
            print("Nothing to do.")
        } else {
            print("\(verb) \(revisions.joined(separator: ", "))")
        }
    }

    private static func json(_ status: MigrationStatus) -> JSONValue {
        .object([
            "id": .string(status.id), "summary": .string(status.summary),
            "applied_at": status.appliedAt.map { .string(RFC3339.format($0)) } ?? .null,
        ])
    }
}

/// Prints JSON values for `--json` output.
enum CLIJSON {
    static func object(_ members: [String: JSONValue]) -> String {
        String(decoding: JSONValue.object(members).serialized(), as: UTF8.self)
    }

    static func array(_ items: [JSONValue]) -> String {
        String(decoding: JSONValue.array(items).serialized(), as: UTF8.self)
    }
}
