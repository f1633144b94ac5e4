import Foundation
import Testing
import TodoCore

extension StoreConformance {
    static func listFilters(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let other = try StoreFixtures.insertUser(store, "other@example.com")
        try StoreFixtures.insert(
            store,
            [
                StoreFixtures.task(owner, "Alpha", priority: .high, tags: ["Work", "Urgent"], dueMinutes: 10),
                StoreFixtures.task(owner, "Beta", priority: .low, tags: ["work"], dueMinutes: 100, completed: true),
                StoreFixtures.task(owner, "Gamma"),
                StoreFixtures.task(owner, "Delta", priority: .high, tags: ["home"], dueMinutes: -30),
                StoreFixtures.task(
                    owner, "Epsilon", priority: .medium, tags: ["Work"], dueMinutes: -60, completed: true),
                StoreFixtures.task(other, "Other", priority: .high, tags: ["work"], dueMinutes: -5),
            ])
        let list = { (edit: (inout TaskQuery) -> Void) in try StoreFixtures.list(store, owner, edit) }

        #expect(try list { _ in } == ["Epsilon", "Delta", "Alpha", "Beta", "Gamma"])
        #expect(try list { $0.status = .pending } == ["Delta", "Alpha", "Gamma"])
        #expect(try list { $0.status = .completed } == ["Epsilon", "Beta"])
        #expect(try list { $0.priorities = [.high] } == ["Delta", "Alpha"])
        #expect(try list { $0.priorities = [.low, .medium] } == ["Epsilon", "Beta"])
        #expect(try list { $0.tags = ["WORK"] } == ["Epsilon", "Alpha", "Beta"])
        #expect(try list { $0.tags = ["work", "urgent"] } == ["Alpha"])
        #expect(try list { $0.tags = ["work", "home"] }.isEmpty)
        #expect(try list { $0.dueBefore = StoreFixtures.at(minutes: 10) } == ["Epsilon", "Delta"])
        #expect(try list { $0.dueAfter = StoreFixtures.at(minutes: 10) } == ["Alpha", "Beta"])
        #expect(
            try list {
                $0.dueAfter = StoreFixtures.at(minutes: -30)
                $0.dueBefore = StoreFixtures.at(minutes: 100)
            } == ["Delta", "Alpha"])
        #expect(try list { $0.overdue = true } == ["Delta"])
        #expect(try list { $0.overdue = false } == ["Epsilon", "Alpha", "Beta", "Gamma"])
        #expect(
            try list {
                $0.status = .pending
                $0.tags = ["work"]
            } == ["Alpha"])

        // A deadline equal to `now` has not passed yet.
        let atAlphasDeadline = StoreFixtures.at(minutes: 10)
        #expect(try StoreFixtures.list(store, owner, now: atAlphasDeadline) { $0.overdue = true } == ["Delta"])
    }

    static func searchFoldsCaseAndEscapesWildcards(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        var noir = StoreFixtures.task(owner, "CAFE noir")
        noir.description = "Strong and BITTER"
        try StoreFixtures.insert(
            store,
            [
                StoreFixtures.task(owner, "Café au lait"), noir, StoreFixtures.task(owner, "100% done"),
                StoreFixtures.task(owner, "1000 things"), StoreFixtures.task(owner, "under_score"),
                StoreFixtures.task(owner, "underXscore"), StoreFixtures.task(owner, "back\\slash"),
            ])
        let search = { (text: String) in
            try StoreFixtures.list(store, owner) {
                $0.search = TextSearch.fold(text)
                $0.sort = .title
            }
        }

        // Accents fold away like case: "cafe" and "café" find both.
        #expect(try search("café") == ["Café au lait", "CAFE noir"])
        #expect(try search("CAFÉ AU") == ["Café au lait"])
        #expect(try search("cafe\u{301}") == ["Café au lait", "CAFE noir"])
        #expect(try search("cafe") == ["Café au lait", "CAFE noir"])
        #expect(try search("bitter") == ["CAFE noir"])
        #expect(try search("noir\nstrong") == ["CAFE noir"])
        #expect(try search("100%") == ["100% done"])
        #expect(try search("under_") == ["under_score"])
        #expect(try search("k\\s") == ["back\\slash"])
        #expect(try search("missing").isEmpty)
    }

    static func paginationVisitsEveryTaskOnce(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let titles = ["pear", "Apple", "apple", "banana", "Cherry", "date", "apple", "fig", "grape", "kiwi", "lime"]
        var tasks: [TodoTask] = []
        for (index, title) in titles.enumerated() {
            // Repeating priorities, deadlines (some missing) and times make ties in every sort.
            var task = StoreFixtures.task(
                owner, title, priority: Priority(rank: index % 3)!, dueMinutes: index % 4 == 0 ? nil : index % 3,
                createdMinutes: index / 2)
            task.updatedAt = StoreFixtures.at(minutes: 10 - index / 3)
            tasks.append(task)
        }
        try StoreFixtures.insert(store, tasks)

        for sort in TaskQuery.Sort.allCases {
            for order in TaskQuery.Order.allCases {
                for limit in [1, 3, 11] {
                    try walk(store, owner, sort: sort, order: order, limit: limit, expected: tasks)
                }
            }
        }
    }

    private static func walk(
        _ store: any Store, _ owner: User, sort: TaskQuery.Sort, order: TaskQuery.Order, limit: Int,
        expected: [TodoTask]
    ) throws {
        var query = TaskQuery()
        query.sort = sort
        query.order = order
        query.limit = limit
        var visited: [TodoTask] = []

        for _ in 0...expected.count {
            let page = try store.read { try $0.tasks(ownerID: owner.id, query: query, now: StoreFixtures.epoch) }
            #expect(page.tasks.count <= limit)
            visited += page.tasks
            guard let next = page.next else { break }
            #expect(next == TaskCursor.after(page.tasks.last!, sort: sort, order: order))
            query.after = next
        }

        let context = "sort \(sort) \(order) limit \(limit)"
        #expect(visited.count == expected.count, "\(context)")
        #expect(Set(visited.map(\.id)) == Set(expected.map(\.id)), "\(context)")
        for (earlier, later) in zip(visited, visited.dropFirst()) {
            let inOrder = precedes(earlier, later, sort: sort)
            #expect(order == .asc ? inOrder : !inOrder, "\(context): \(earlier.title) then \(later.title)")
        }
    }

    /// Whether `lhs` comes before `rhs` in ascending order: by sort key, then by id.
    private static func precedes(_ lhs: TodoTask, _ rhs: TodoTask, sort: TaskQuery.Sort) -> Bool {
        switch (TaskCursor.key(of: lhs, for: sort), TaskCursor.key(of: rhs, for: sort)) {
        case (.integer(let left), .integer(let right)):
            return left != right ? left < right : lhs.id < rhs.id
        case (.text(let left), .text(let right)):
            return left != right ? Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)) : lhs.id < rhs.id
        default:
            return false
        }
    }

    static func tagUsageCounts(_ store: any Store) throws {
        let owner = try StoreFixtures.insertUser(store, "owner@example.com")
        let other = try StoreFixtures.insertUser(store, "other@example.com")
        try StoreFixtures.insert(
            store,
            [
                StoreFixtures.task(owner, "First", tags: ["Work", "home"], createdMinutes: 0),
                StoreFixtures.task(owner, "Second", tags: ["work"], completed: true, createdMinutes: 1),
                StoreFixtures.task(owner, "Third", tags: ["WORK", "\u{C4}rger"], createdMinutes: 2),
                StoreFixtures.task(other, "Elsewhere", tags: ["work", "hidden"]),
            ])

        let usage = try store.read { try $0.tags(ownerID: owner.id) }
        let byKey = Dictionary(usage.map { (Tag.key($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        #expect(usage.count == 3)
        #expect(byKey["work"] == TagUsage(name: "Work", taskCount: 3, pendingCount: 2))
        #expect(byKey["home"] == TagUsage(name: "home", taskCount: 1, pendingCount: 1))
        #expect(byKey["\u{E4}rger"] == TagUsage(name: "\u{C4}rger", taskCount: 1, pendingCount: 1))

        // Filtering compares tag keys, so a decomposed spelling finds the composed tag.
        #expect(try StoreFixtures.list(store, owner) { $0.tags = ["A\u{308}RGER"] } == ["Third"])
    }
}
