import Foundation
import TodoBackend
import TodoCore
import TodoHTTP
import TodoLogging

/// The system under test of `bench`: the backend on port 0 with seeded users, and the bare handler.
/// The users' emails carry a per-run suffix, so runs on a database that outlives them do not collide.
final class BenchStack {
    static let listTaskCount = 150
    static let completeTaskCount = 1000

    let composition: Composition
    private let backend: HTTPService
    private let bare: BareHTTPServer
    let writerToken: String
    let listToken: String
    let completeIDs: [String]
    /// A Streamable HTTP MCP session of the reader, for `mcp-list`.
    private(set) var mcpSession = ""
    static let mcpProtocolVersion = "2025-06-18"

    init(settings: AppSettings) throws {
        composition = try Composition(settings: settings, logger: Logger(service: "bench", level: settings.logLevel))
        let accounts = composition.backend.accounts
        let tasks = composition.backend.tasks

        let writer = try accounts.signUp(Self.account("writer"))
        var ids: [String] = []
        for index in 0..<Self.completeTaskCount {
            ids.append(try tasks.create(for: writer.user, Self.task("Complete me \(index)", dueInDays: nil)).id)
        }
        let reader = try accounts.signUp(Self.account("reader"))
        for index in 0..<Self.listTaskCount {
            _ = try tasks.create(for: reader.user, Self.task("Listed task \(index)", dueInDays: index % 30))
        }
        writerToken = writer.token.token
        listToken = reader.token.token
        completeIDs = ids

        var router = Router()
        composition.backend.register(on: &router)
        composition.mcpEndpoint().register(on: &router)
        backend = composition.httpService(.backend, router: router)
        try backend.start()
        mcpSession = try Self.openMCPSession(port: backend.port, token: listToken)
        bare = BareHTTPServer(
            configuration: HTTPServerConfiguration(
                host: "127.0.0.1", port: 0, threads: settings.httpThreads, connectionLimit: settings.maxConnections),
            logger: composition.logger)
        try bare.start()
    }

    var backendPort: Int { backend.port }
    var barePort: Int { bare.port }

    func stop() {
        backend.stop(gracePeriod: .seconds(2))
        bare.shutdown(gracePeriod: .seconds(2))
        composition.close()
    }

    /// Initializes an MCP session over HTTP, as a client would, and returns its id.
    private static func openMCPSession(port: Int, token: String) throws -> String {
        let client = HTTPClient(timeout: 10)
        let url = "http://127.0.0.1:\(port)/mcp"
        var headers = HTTPHeaders()
        headers.set("Authorization", "Bearer \(token)")
        headers.set("Content-Type", "application/json")
        headers.set("Accept", "application/json, text/event-stream")
        let initialize = JSONValue.object([
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": .object([
                "protocolVersion": .string(mcpProtocolVersion), "capabilities": .object([:]),
                "clientInfo": .object(["name": "bench", "version": "1"]),
            ]),
        ])
        let opened = try client.send(OutboundRequest(.post, url, headers: headers, body: initialize.serialized()))
        guard opened.status == 200, let session = opened.headers["Mcp-Session-Id"] else {
            throw CLIError.failure("bench: opening an MCP session answered \(opened.status)")
        }

        headers.set("Mcp-Session-Id", session)
        headers.set("MCP-Protocol-Version", mcpProtocolVersion)
        let ready: JSONValue = .object(["jsonrpc": "2.0", "method": "notifications/initialized"])
        _ = try client.send(OutboundRequest(.post, url, headers: headers, body: ready.serialized()))
        return session
    }

    private static let run = UUID().uuidString.prefix(8).lowercased()

    private static func account(_ name: String) throws -> SignUpInput {
        try SignUpInput.parse(
            .object([
                "email": .string("\(name)-\(run)@bench.invalid"), "password": .string("bench-password-\(name)"),
                "timezone": .string("UTC"),
            ]))
    }

    private static func task(_ title: String, dueInDays: Int?) throws -> TaskChanges {
        var body: [String: JSONValue] = [
            "title": .string(title), "priority": .string("medium"), "tags": .array([.string("bench")]),
            "description": .string("A task created by the benchmark to give the list realistic rows."),
        ]
        if let dueInDays {
            body["due_at"] = .string(RFC3339.format(Date().addingTimeInterval(Double(dueInDays) * 86_400)))
        }
        return try TaskChanges.parse(.object(body), mode: .create)
    }
}
