import Foundation
import TodoConfig
import TodoCore

/// `profile list | show [NAME] | use NAME | create NAME | delete NAME`: named sets of settings,
/// like rpk profiles. Built-in profiles (`local`, `test`) cannot be changed; the others live in the
/// profiles file (`--config`, `TODO_CONFIG`, or `$XDG_CONFIG_HOME/todo-chatbot/config.yaml`).
enum ProfileCommand: Command {
    static let name = "profile"
    static let summary = "list, show, select, create or delete configuration profiles"
    static var help: String {
        """
        Usage: todo-chatbot profile <action> [options]

        Actions:
          list [--json]                      every profile; '*' marks the current one
          show [NAME] [--json]               each setting's value and where it comes from
          use NAME                           make NAME the current profile
          create NAME [--description TEXT] [--set KEY=VALUE ...]
                                             add a profile to the profiles file
          delete NAME                        remove a profile from the profiles file

        Settings resolve as defaults < profile < environment < flags. Secrets are masked.
        Run 'todo-chatbot profile <action> --help' for one action.
        """
    }

    static let actionHelp: [String: String] = [
        "list": """
        Usage: todo-chatbot profile list [--json]

        Lists the built-in profiles and those in the profiles file, marking the current one.
        """,
        "show": """
        Usage: todo-chatbot profile show [NAME] [--json] [--set KEY=VALUE ...] [--host ...]

        Prints every setting as it would be used with profile NAME (default: the selected one):
        its value and its source (default, profile NAME, env VARIABLE or flag --FLAG), with the
        environment and any flags applied. Secret values are masked.
        """,
        "use": """
        Usage: todo-chatbot profile use NAME

        Makes NAME the current profile in the profiles file. --profile and TODO_PROFILE still win.
        """,
        "create": """
        Usage: todo-chatbot profile create NAME [--description TEXT] [--set KEY=VALUE ...]

        Adds a profile to the profiles file. Each --set is checked against the known settings
        (see 'profile show'); the profile does not become current until 'profile use NAME'.
        """,
        "delete": """
        Usage: todo-chatbot profile delete NAME

        Removes a profile from the profiles file; if it was current, 'local' becomes current.
        Built-in profiles cannot be deleted.
        """,
    ]

    /// The help of the action named in `arguments`, else the command's.
    static func help(for arguments: Arguments) -> String {
        var words = arguments
        return words.positional().flatMap { actionHelp[$0] } ?? help
    }

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        guard let action = arguments.positional() else {
            throw CLIError.usage("profile needs an action: list, show, use, create or delete")
        }
        guard let actionHelp = actionHelp[action] else {
            throw CLIError.usage("Unknown profile action '\(action)'; known: list, show, use, create, delete")
        }
        if arguments.wantsHelp() {
            print(actionHelp)
            return
        }

        switch action {
        case "list": try list(&arguments, global: global)
        case "show": try show(&arguments, global: global)
        case "use": try use(&arguments, global: global)
        case "create": try create(&arguments, global: global)
        default: try delete(&arguments, global: global)
        }
    }

    // MARK: - Actions

    private static func list(_ arguments: inout Arguments, global: GlobalOptions) throws {
        let json = arguments.flag("json")
        try arguments.finish()

        let summaries = try global.profileStore().list()
        if json {
            print(CLIJSON.array(summaries.map(Self.json)))
            return
        }
        let rows = summaries.map { summary in
            [
                summary.name, summary.isCurrent ? "*" : "", summary.isBuiltIn ? "built-in" : "file",
                String(summary.overrideCount), summary.description ?? "",
            ]
        }
        print(TextTable.render(["NAME", "CURRENT", "KIND", "SETTINGS", "DESCRIPTION"], rows))
    }

    private static func show(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        let json = arguments.flag("json")
        try global.takeCommonOverrides(&arguments)
        let name = arguments.positional()
        try arguments.finish()

        let config = try global.resolve(profile: name, profileNamedBy: "profile show")
        print(json ? CLIJSON.object(Self.json(config)) : config.rendered())
    }

    private static func use(_ arguments: inout Arguments, global: GlobalOptions) throws {
        let name = try requiredName(&arguments, action: "use")
        try arguments.finish()

        let store = global.profileStore()
        try store.use(name)
        print("Profile '\(name)' is now current (\(store.path)).")
        if let selected = global.environment[ConfigPaths.profileVariable], !selected.isEmpty, selected != name {
            print("Note: \(ConfigPaths.profileVariable)=\(selected) is set and still selects '\(selected)' here.")
        }
    }

    private static func create(_ arguments: inout Arguments, global: GlobalOptions) throws {
        let description = try arguments.option("description")
        let assignments = try arguments.options("set")
        let name = try requiredName(&arguments, action: "create")
        try arguments.finish()

        let store = global.profileStore()
        let profile = try store.create(name: name, description: description, assignments: assignments)
        let count = profile.settings.count
        print("Created profile '\(name)' with \(count) setting\(count == 1 ? "" : "s") in \(store.path).")
        print("Run 'todo-chatbot profile use \(name)' to make it current.")
    }

    private static func delete(_ arguments: inout Arguments, global: GlobalOptions) throws {
        let name = try requiredName(&arguments, action: "delete")
        try arguments.finish()

        let store = global.profileStore()
        let wasCurrent = try store.load().currentProfile == name
        try store.delete(name)
        print("Deleted profile '\(name)'" + (wasCurrent ? "; 'local' is now current." : "."))
    }

    // MARK: - Output

    private static func requiredName(_ arguments: inout Arguments, action: String) throws(CLIError) -> String {
        guard let name = arguments.positional() else { throw CLIError.usage("profile \(action) needs a profile name") }
        return name
    }

    private static func json(_ summary: ProfileSummary) -> JSONValue {
        .object([
            "name": .string(summary.name), "description": summary.description.map(JSONValue.string) ?? .null,
            "current": .bool(summary.isCurrent), "built_in": .bool(summary.isBuiltIn),
            "settings": .number(Double(summary.overrideCount)),
        ])
    }

    private static func json(_ config: ResolvedConfig) -> [String: JSONValue] {
        let settings = config.settings.map { setting -> JSONValue in
            .object([
                "key": .string(setting.key.rawValue), "value": value(setting), "secret": .bool(setting.isSecret),
                "source": .string(setting.source.kind),
                "source_name": setting.source.name.map(JSONValue.string) ?? .null,
            ])
        }
        return [
            "profile": .string(config.profileName), "selected_by": .string(config.profileSelectedBy),
            "file": .string(config.profilesFile), "settings": .array(settings),
        ]
    }

    /// The value as JSON of its own type; secrets are always the masked text.
    private static func value(_ setting: ResolvedSetting) -> JSONValue {
        if setting.isSecret { return .string(setting.maskedText) }
        switch setting.value {
        case .string(let text): return .string(text)
        case .int(let number): return .number(Double(number))
        case .bool(let flag): return .bool(flag)
        case .list(let items): return .array(items.map(JSONValue.string))
        }
    }
}
