import Foundation
import Testing
import TodoCore
import TodoSQLite
import TodoTestSupport

@testable import TodoPostgres

/// The same tasks in SQLite and in Postgres answer every search, tag filter and title sort the
/// same way, for text in many scripts: both fold with ``TextSearch`` and compare bytes.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct UnicodeSearchParityTests {
    static let titles = [
        "Straße kehren", "STRASSE KEHREN", "İstanbul trip", "istanbul notes", "ΣΊΣΥΦΟΣ",
        "σίσυφος ξανά", "Crème brûlée", "CREME BRULEE", "Ｆｕｌｌｗｉｄｔｈ memo",
        "fullwidth memo", "日本語のタスク", "emoji 🎉 party", "Ǆemal's ǅ-day", "Ångström", "angstrom",
        "Zoë", "zoe", "naïve café", "NAIVE CAFE", "ﬁsh ﬂies", "Ärger", "a\u{308}rger", "Łódź", "lodz",
        "Ⅻ o'clock", "Ωmega", "ωmega",
    ]
    static let searches = [
        "straße", "strasse", "STRASSE", "istanbul", "İSTANBUL", "ISTANBUL", "σίσυφος", "ΣΊΣΥΦΟΣ",
        "sisyf", "brulee", "BRÛLÉE", "ｆｕｌｌ", "full", "日本語", "🎉", "ǆ", "Ǆ", "ångström",
        "ANGSTROM", "zoë", "ZOE", "cafe", "café", "fish", "ﬁ", "ärger", "ÄRGER", "a\u{308}", "łódź", "lodz",
        "xii", "Ⅻ", "ω", "Ω", "%", "_",
    ]

    @Test func searchesTagsAndSortsMatchSQLite() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sqlite = try SQLiteStore(path: directory.appendingPathComponent("todo.db").path)
        defer { sqlite.close() }
        try SQLiteMigrator(store: sqlite).upgrade(to: nil)
        let schema = try TestSchema()
        defer { schema.drop() }
        let postgres = try schema.openMigratedStore()
        defer { postgres.close() }

        let owner = Samples.user("parity@example.com")
        let tasks = Self.titles.map { Samples.task(owner, $0, tags: [$0]) }
        for store in [sqlite, postgres] as [any Store] {
            try store.write { try $0.insert(user: owner, passwordHash: "h") }
            try Samples.insert(store, tasks)
        }

        var found = 0
        for text in Self.searches {
            let query = { (query: inout TaskQuery) in
                query.search = TextSearch.fold(text)
                query.sort = .title
            }
            let expected = try Samples.titles(sqlite, owner, query)
            #expect(try Samples.titles(postgres, owner, query) == expected, "search \(text)")
            #expect(
                try Samples.titles(postgres, owner) { $0.tags = [text] }
                    == Samples.titles(sqlite, owner) { $0.tags = [text] }, "tag \(text)")
            found += expected.count
        }
        #expect(found > Self.searches.count)
        #expect(try Samples.titles(sqlite, owner, { $0.search = TextSearch.fold("brulee") }).count == 2)

        for order in TaskQuery.Order.allCases {
            let sorted = { (query: inout TaskQuery) in
                query.sort = .title
                query.order = order
            }
            #expect(try Samples.titles(postgres, owner, sorted) == Samples.titles(sqlite, owner, sorted))
        }
        #expect(try postgres.read { try $0.tags(ownerID: owner.id) } == sqlite.read { try $0.tags(ownerID: owner.id) })
    }
}
