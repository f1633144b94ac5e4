import Testing

@testable import TodoConfig

@Suite struct ConfigPathsTests {
    @Test func profilesFile_followsXDGConfigHome() {
        let path = ConfigPaths.profilesFile(environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"])

        #expect(path == "/xdg/todo-chatbot/config.yaml")
    }

    @Test func profilesFile_fallsBackToHome_whenXDGIsUnsetOrRelative() {
        #expect(
            ConfigPaths.profilesFile(environment: ["HOME": "/home/u"]) == "/home/u/.config/todo-chatbot/config.yaml")
        #expect(
            ConfigPaths.profilesFile(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "rel"])
                == "/home/u/.config/todo-chatbot/config.yaml")
    }

    @Test func todoConfig_beatsXDG_andExpandsTilde() {
        let environment = ["HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg", "TODO_CONFIG": "~/my.yaml"]

        #expect(ConfigPaths.profilesFile(environment: environment) == "/home/u/my.yaml")
    }

    @Test func dataDirectory_followsXDGDataHome() {
        #expect(ConfigPaths.defaultDataDirectory(environment: ["XDG_DATA_HOME": "/data"]) == "/data/todo-chatbot")
        #expect(
            ConfigPaths.defaultDataDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/todo-chatbot")
    }

    @Test func resolverFileFlag_expandsTilde() {
        let resolver = ConfigResolver(environment: ["HOME": "/home/u", "TODO_CONFIG": "/ignored.yaml"])

        #expect(resolver.profilesFilePath(explicit: "~/x.yaml") == "/home/u/x.yaml")
        #expect(resolver.profilesFilePath() == "/ignored.yaml")
    }
}
