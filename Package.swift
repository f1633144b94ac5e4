// swift-tools-version:6.0
import PackageDescription

/// Layers, bottom up: C modules → TodoCore (domain, no I/O) → adapters (TodoSQLite, TodoPostgres) and
/// infrastructure (TodoCrypto, TodoLogging, TodoMetrics, TodoHTTP, TodoConfig) -> services (TodoBackend, TodoRecurring,
/// TodoFrontend) → TodoApp (config, composition, CLI) → the `todo-chatbot` executable. Dependencies
/// point down only.
let package = Package(
    name: "todo-chatbot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "todo-chatbot", targets: ["todo-chatbot"])
    ],
    targets: [
        // MARK: C libraries from Debian, one system-library target each.
        .systemLibrary(
            name: "CSQLite", path: "Sources/C/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CPostgres", path: "Sources/C/CPostgres", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "CKafka", path: "Sources/C/CKafka", pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]),
        .systemLibrary(
            name: "COpenSSL", path: "Sources/C/COpenSSL", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CMicroHTTPD", path: "Sources/C/CMicroHTTPD", pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]),
        // wslay ships no .pc file: its module map names the library directly.
        .systemLibrary(
            name: "CWslay", path: "Sources/C/CWslay",
            providers: [.apt(["libwslay-dev"])]),
        // epoll and eventfd, which Glibc's Swift module lacks: header-only, nothing to link.
        .systemLibrary(name: "CEpoll", path: "Sources/C/CEpoll"),
        .systemLibrary(
            name: "CYAML", path: "Sources/C/CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CICal", path: "Sources/C/CICal", pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]),

        // MARK: Domain core: pure Swift, no I/O.
        .target(name: "TodoCore", dependencies: ["CICal"]),
        // English dates, times, repeats and reminder offsets, read against an injected "now".
        .target(name: "TodoDateText", dependencies: ["TodoCore"]),

        // MARK: Infrastructure and adapters.
        .target(name: "TodoLogging"),
        // Counters, gauges and histograms with their Prometheus text exposition.
        .target(name: "TodoMetrics"),
        .target(name: "TodoCrypto", dependencies: ["COpenSSL"]),
        .target(name: "TodoSQLite", dependencies: ["TodoCore", "CSQLite"]),
        .target(name: "TodoPostgres", dependencies: ["TodoCore", "CPostgres"]),
        .target(
            name: "TodoHTTP",
            dependencies: [
                "TodoCore", "TodoLogging", "TodoMetrics", "TodoCrypto", "CMicroHTTPD", "CWslay", "CEpoll",
            ]),
        .target(name: "TodoConfig", dependencies: ["CYAML"]),
        .target(name: "TodoEvents", dependencies: ["TodoCore", "TodoLogging"]),
        .target(name: "TodoKafka", dependencies: ["TodoCore", "TodoLogging", "CKafka"]),
        // Events through a Dapr sidecar's HTTP API: the relay's target and the push subscriptions.
        .target(name: "TodoDapr", dependencies: ["TodoCore", "TodoEvents", "TodoHTTP", "TodoCrypto", "TodoLogging"]),

        // MARK: Services.
        .target(
            name: "TodoNotify",
            dependencies: ["TodoCore", "TodoEvents", "TodoCrypto", "TodoHTTP", "TodoLogging"]),
        .target(
            name: "TodoBackend",
            dependencies: ["TodoCore", "TodoCrypto", "TodoHTTP", "TodoLogging", "TodoChat"]),
        .target(name: "TodoRecurring", dependencies: ["TodoCore", "TodoEvents", "TodoHTTP", "TodoLogging"]),
        // The web UI: files from web/ embedded by scripts/embed-web.py, served on :3000.
        .target(name: "TodoFrontend", dependencies: ["TodoCore", "TodoHTTP"]),

        // The chat engine and the task tools it shares with the language-model loop and MCP.
        .target(name: "TodoChat", dependencies: ["TodoCore", "TodoDateText"]),
        // Chat through a language model's tool calls (OpenAI-compatible), the offline engine its fallback.
        .target(name: "TodoModelChat", dependencies: ["TodoChat", "TodoCore", "TodoHTTP", "TodoLogging"]),

        // The task tools over the Model Context Protocol: stdio and Streamable HTTP at /mcp.
        .target(name: "TodoMCP", dependencies: ["TodoCore", "TodoChat", "TodoCrypto", "TodoHTTP", "TodoLogging"]),

        .target(
            name: "TodoSync",
            dependencies: ["TodoCore", "TodoCrypto", "TodoHTTP", "TodoLogging"]),

        // MARK: Configuration, composition root and command line.
        .target(
            name: "TodoApp",
            dependencies: [
                "TodoCore", "TodoSQLite", "TodoPostgres", "TodoCrypto", "TodoHTTP", "TodoLogging", "TodoBackend",
                "TodoRecurring", "TodoSync", "TodoFrontend", "TodoConfig", "TodoEvents", "TodoNotify", "TodoChat",
                "TodoModelChat", "TodoKafka", "TodoMCP", "TodoDapr", "TodoMetrics", "CPostgres", "CKafka",
                "CWslay",
            ]),
        .executableTarget(name: "todo-chatbot", dependencies: ["TodoApp"]),

        // MARK: Tests.
        .target(
            name: "TodoTestSupport", dependencies: ["TodoCore", "TodoSQLite", "TodoEvents"],
            path: "Tests/TodoTestSupport"),
        .testTarget(name: "TodoCoreTests", dependencies: ["TodoCore", "TodoTestSupport"]),
        .testTarget(name: "TodoDateTextTests", dependencies: ["TodoDateText", "TodoCore"]),
        .testTarget(
            name: "TodoChatTests", dependencies: ["TodoChat", "TodoDateText", "TodoSQLite", "TodoTestSupport"]),
        .testTarget(
            name: "TodoMCPTests",
            dependencies: [
                "TodoMCP", "TodoBackend", "TodoChat", "TodoCore", "TodoCrypto", "TodoSQLite", "TodoHTTP", "TodoLogging",
                "TodoTestSupport",
            ]),
        .testTarget(name: "TodoCryptoTests", dependencies: ["TodoCrypto"]),
        .testTarget(name: "TodoMetricsTests", dependencies: ["TodoMetrics"]),
        .testTarget(name: "TodoSQLiteTests", dependencies: ["TodoSQLite", "TodoCore", "TodoTestSupport"]),
        .testTarget(
            name: "TodoPostgresTests",
            dependencies: [
                "TodoPostgres", "TodoSQLite", "TodoCore", "TodoTestSupport", "TodoBackend", "TodoCrypto", "TodoHTTP",
                "TodoKafka", "TodoEvents", "TodoLogging",
            ]),
        .testTarget(
            name: "TodoHTTPTests",
            dependencies: ["TodoHTTP", "TodoCore", "TodoLogging", "TodoMetrics", "TodoTestSupport"]),
        .testTarget(
            name: "TodoBackendTests",
            dependencies: [
                "TodoBackend", "TodoChat", "TodoSQLite", "TodoCrypto", "TodoHTTP", "TodoTestSupport",
            ]),
        .testTarget(name: "TodoConfigTests", dependencies: ["TodoConfig"]),
        .testTarget(
            name: "TodoModelChatTests",
            dependencies: [
                "TodoModelChat", "TodoChat", "TodoCore", "TodoHTTP", "TodoLogging", "TodoSQLite", "TodoTestSupport",
            ]),
        .testTarget(
            name: "TodoEventsTests",
            dependencies: ["TodoEvents", "TodoCore", "TodoSQLite", "TodoLogging", "TodoTestSupport"]),
        .testTarget(
            name: "TodoNotifyTests",
            dependencies: [
                "TodoNotify", "TodoCore", "TodoEvents", "TodoSQLite", "TodoLogging", "TodoHTTP", "TodoCrypto",
                "TodoTestSupport",
            ]),
        .testTarget(
            name: "TodoAppTests",
            dependencies: [
                "TodoApp", "TodoBackend", "TodoKafka", "TodoConfig", "TodoCore", "TodoEvents", "TodoHTTP",
                "TodoLogging",
                "TodoMCP", "TodoMetrics", "TodoTestSupport",
            ]),
        .testTarget(
            name: "TodoDaprTests",
            dependencies: ["TodoDapr", "TodoCore", "TodoEvents", "TodoSQLite", "TodoLogging", "TodoHTTP"]),
        .testTarget(
            name: "TodoKafkaTests",
            dependencies: ["TodoKafka", "TodoCore", "TodoEvents", "TodoSQLite", "TodoLogging", "TodoTestSupport"]),
        .testTarget(name: "TodoFrontendTests", dependencies: ["TodoFrontend", "TodoHTTP", "TodoCore"]),
        .testTarget(
            name: "TodoRecurringTests",
            dependencies: [
                "TodoRecurring", "TodoBackend", "TodoCore", "TodoEvents", "TodoSQLite", "TodoCrypto", "TodoHTTP",
                "TodoLogging", "TodoTestSupport",
            ]),
        // The echo server the Autobahn cases drive (Tests/e2e/test_websocket_conformance.py).
        .executableTarget(
            name: "WebSocketEchoServer", dependencies: ["TodoHTTP", "TodoLogging"], path: "Tests/WebSocketEchoServer"),
        .testTarget(
            name: "TodoSyncTests",
            dependencies: ["TodoSync", "TodoCore", "TodoCrypto", "TodoEvents", "TodoHTTP", "TodoTestSupport"]),
    ]
)
