import Foundation
import Testing
import TodoChat
import TodoCore

/// Runs every message of `Fixtures/chat-corpus.json` through the engine and compares the plan
/// with the one written down: the same kind (act, confirm, clarify, reply) and, where calls are
/// expected, exactly the same calls in the same order. Prints the accuracy per category and
/// every miss, and fails below the threshold.
@Suite struct ChatCorpusTests {
    /// The share of cases that must match exactly.
    ///
    /// The engine was then improved on the misses, so the current accuracy flatters it. The
    /// fairer figures are first runs on messages it had not seen: 94.3% (350/371) for the main
    /// batch before any tuning, and 94.7% (71/75) for the held-out batch, written after tuning and
    /// run once before its misses were fixed. The threshold sits between those and the current
    /// figure, to catch regressions without pretending the engine understands everything.
    static let threshold = 0.95

    @Test func plansMatchTheCorpus() throws {
        let corpus = try ChatCorpus.load()
        #expect(corpus.cases.count >= 300)

        var passed: [String: Int] = [:]
        var total: [String: Int] = [:]
        var batches: [String: (passed: Int, total: Int)] = [:]
        var misses: [String] = []
        let engine = ChatEngine()
        for item in corpus.cases {
            let context = PlanningContext(
                now: item.now, timeZone: item.timeZone, tasks: corpus.tasks(in: item.timeZone),
                conversation: item.conversation)
            let plan = engine.plan(item.message, in: context)
            total[item.category, default: 0] += 1
            let expectedCalls = item.expect == .act || item.expect == .confirm ? item.calls : []
            let actualCalls = plan.kind == .act || plan.kind == .confirm ? plan.calls : []
            let matched = plan.kind == item.expect && actualCalls == expectedCalls
            batches[item.batch, default: (0, 0)].total += 1
            if matched {
                passed[item.category, default: 0] += 1
                batches[item.batch, default: (0, 0)].passed += 1
            } else {
                misses.append(Self.describe(item, plan))
            }
        }

        let accuracy = Double(passed.values.reduce(0, +)) / Double(corpus.cases.count)
        var report = ["Chat corpus: \(passed.values.reduce(0, +))/\(corpus.cases.count) = \(Self.percent(accuracy))"]
        for (batch, count) in batches.sorted(by: { $0.key > $1.key }) {
            let share = Double(count.passed) / Double(count.total)
            report.append("  batch \(batch): \(count.passed)/\(count.total) (\(Self.percent(share)))")
        }
        for category in total.keys.sorted() {
            let share = Double(passed[category, default: 0]) / Double(total[category]!)
            report.append("  \(category): \(passed[category, default: 0])/\(total[category]!) (\(Self.percent(share)))")
        }
        print((report + ["Misses:"] + misses).joined(separator: "\n"))
        #expect(accuracy >= Self.threshold, "corpus accuracy \(Self.percent(accuracy))")
    }

    @Test func everyPlannedCallPassesItsToolsSchema() throws {
        let corpus = try ChatCorpus.load()
        let toolbox = TaskToolbox()
        for item in corpus.cases {
            let context = PlanningContext(
                now: item.now, timeZone: item.timeZone, tasks: corpus.tasks(in: item.timeZone),
                conversation: item.conversation)
            for call in ChatEngine().plan(item.message, in: context).calls {
                let tool = try #require(toolbox.tool(named: call.tool), "\(item.message): \(call.tool)")
                #expect(throws: Never.self, "\(item.message)") { try tool.validate(call.arguments) }
            }
        }
    }

    private static func describe(_ item: ChatCorpus.Case, _ plan: ChatPlan) -> String {
        let expected = item.calls.map { String(decoding: $0.json.serialized(), as: UTF8.self) }
        let actual = plan.calls.map { String(decoding: $0.json.serialized(), as: UTF8.self) }
        let label = item.batch == "holdout" ? "\(item.category), holdout" : item.category
        let question = plan.message.map { "«\($0.prefix(80))»" } ?? ""
        return "- [\(label)] \"\(item.message)\"\n    expected \(item.expect.rawValue) \(expected)\n"
            + "    got      \(plan.kind.rawValue) \(actual) \(question)"
    }

    private static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }
}
