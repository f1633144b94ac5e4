import Foundation

@testable import TodoApp

/// The options `todo-chatbot serve` would resolve with the variables in `environment`, and a
/// profiles file and home of their own under `directory` (neither needs to exist).
func serveOptions(_ environment: [String: String], in directory: URL) throws -> GlobalOptions {
    var arguments = Arguments(["serve"])
    let isolated = ["TODO_CONFIG": directory.appendingPathComponent("config.yaml").path, "HOME": directory.path]
    var global = try GlobalOptions.parse(&arguments, environment: isolated.merging(environment) { $1 })
    _ = arguments.positional()
    try global.takeCommonOverrides(&arguments)
    return global
}
