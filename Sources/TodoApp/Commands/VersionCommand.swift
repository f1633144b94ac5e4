import CKafka
import CPostgres
import CSQLite
import Foundation
import TodoConfig
import TodoCore
import TodoCrypto
import TodoHTTP

/// `version`: this build and the C libraries it runs on.
enum VersionCommand: Command {
    static let name = "version"
    static let summary = "print the version and the linked C libraries"
    static let help = """
        Usage: todo-chatbot version [--json]
        """
    static var version: String { Product.version }

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        let json = arguments.flag("json")
        try arguments.finish()

        let libpq = Int(PQlibVersion())
        let libraries: [(String, String)] = [
            ("sqlite", String(cString: sqlite3_libversion())),
            ("libpq", "\(libpq / 10000).\(libpq % 10000)"),
            ("librdkafka", String(cString: rd_kafka_version_str())),
            ("libmicrohttpd", HTTPLibraryVersions.microhttpd),
            ("wslay", HTTPLibraryVersions.wslay),
            ("openssl", OpenSSLVersion.current),
            ("libyaml", YAMLVersion.current),
            ("libical", LibICal.version),
        ]
        if json {
            var members: [String: JSONValue] = ["version": .string(version)]
            members["libraries"] = .object(Dictionary(uniqueKeysWithValues: libraries.map { ($0.0, .string($0.1)) }))
            print(CLIJSON.object(members))
        } else {
            print("todo-chatbot \(version)")
            for (name, value) in libraries { print("  \(name) \(value)") }
        }
    }
}
