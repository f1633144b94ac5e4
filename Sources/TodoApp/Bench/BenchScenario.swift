import Foundation

/// One load pattern of `bench`: a wrk Lua script against one port.
struct BenchScenario: Sendable {
    enum Target: Sendable {
        /// The bare libmicrohttpd handler: the baseline the API's health endpoint is compared with.
        case bare
        case backend
    }

    var name: String
    var summary: String
    var target: Target
    var script: String

    static let names = ["bare", "health", "create", "list", "complete", "mcp-list"]

    /// Every scenario, given a bearer token, the ids the write scenarios cycle through, and an MCP
    /// session opened with `listToken`.
    static func all(token: String, listToken: String, completeIDs: [String], mcpSession: String) -> [BenchScenario] {
        let auth = "wrk.headers[\"Authorization\"] = \"Bearer \(token)\"\n"
        let json = "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
        return [
            BenchScenario(
                name: "bare", summary: "GET / on a bare libmicrohttpd handler (baseline)", target: .bare,
                script: "wrk.path = \"/\"\n"),
            BenchScenario(
                name: "health", summary: "GET /api/health", target: .backend, script: "wrk.path = \"/api/health\"\n"),
            BenchScenario(
                name: "create", summary: "POST /api/tasks with a title, priority and two tags", target: .backend,
                script: auth + json + """
                    wrk.method = "POST"
                    wrk.path = "/api/tasks"
                    wrk.body = '{"title": "Benchmark task", "priority": "high", "tags": ["bench", "load"]}'

                    """),
            BenchScenario(
                name: "list", summary: "GET /api/tasks?limit=100 (100 of 150 tasks, sorted by due)", target: .backend,
                script: "wrk.headers[\"Authorization\"] = \"Bearer \(listToken)\"\n"
                    + "wrk.path = \"/api/tasks?limit=100&sort=due\"\n"),
            BenchScenario(
                name: "complete", summary: "POST /api/tasks/{id}/complete, then /reopen, cycling over tasks",
                target: .backend, script: auth + json + completeScript(ids: completeIDs)),
            BenchScenario(
                name: "mcp-list", summary: "POST /mcp tools/call list_tasks with limit 100 (same 150 tasks as list)",
                target: .backend, script: mcpListScript(token: listToken, session: mcpSession)),
        ]
    }

    /// One JSON-RPC `tools/call` per request in an open Streamable HTTP session.
    private static func mcpListScript(token: String, session: String) -> String {
        """
        wrk.method = "POST"
        wrk.path = "/mcp"
        wrk.headers["Authorization"] = "Bearer \(token)"
        wrk.headers["Content-Type"] = "application/json"
        wrk.headers["Accept"] = "application/json, text/event-stream"
        wrk.headers["Mcp-Session-Id"] = "\(session)"
        wrk.headers["MCP-Protocol-Version"] = "\(BenchStack.mcpProtocolVersion)"
        wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call",' ..
          '"params":{"name":"list_tasks","arguments":{"limit":100}}}'

        """
    }

    /// Each wrk thread walks its own share of the ids, completing them on even passes and reopening
    /// them on odd ones, so every request is a real write and no two threads touch one task.
    private static func completeScript(ids: [String]) -> String {
        let list = ids.map { "\"\($0)\"" }.joined(separator: ",")
        return """
            local ids = {\(list)}
            local threads = 0
            function setup(thread)
              thread:set("first", threads)
              threads = threads + 1
            end
            function init(args)
              step = 0
              stride = tonumber(args[1]) or 1
            end
            function request()
              local slots = math.floor(#ids / stride)
              local slot = step % slots
              local pass = math.floor(step / slots)
              step = step + 1
              local id = ids[slot * stride + first + 1]
              local action = (pass % 2 == 0) and "complete" or "reopen"
              return wrk.format("POST", "/api/tasks/" .. id .. "/" .. action)
            end

            """
    }
}
