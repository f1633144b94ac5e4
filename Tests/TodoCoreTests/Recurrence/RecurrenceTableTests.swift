import Foundation
import Testing
import TodoCore

/// The next three occurrences of each rule in Fixtures/recurrence/cases.json, computed by
/// an independent oracle (python-dateutil and zoneinfo, `oracle.py` next to it), against what
/// libical expands here. DST changes in New York, London, Berlin, Sydney and Lord Howe, month
/// ends, leap days, weekdays, ordinals, BYSETPOS, COUNT and UNTIL.
@Suite struct RecurrenceTableTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let rule: String
        let start: String
        let timeZone: String
        let after: String?
        let expected: [String]

        var description: String { name }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Fixtures/recurrence/cases.json")
        guard let data = FileManager.default.contents(atPath: url.path),
            let table = try? JSONValue.parse(Array(data))
        else { return [] }
        return (table["cases"]?.arrayValue ?? []).map { item in
            Case(
                name: item["name"]?.stringValue ?? "?", rule: item["rule"]?.stringValue ?? "",
                start: item["start"]?.stringValue ?? "", timeZone: item["timezone"]?.stringValue ?? "",
                after: item["after"]?.stringValue,
                expected: (item["expected"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
    }()

    @Test func theTableHasAtLeastFiftyCases() {
        #expect(Self.cases.count >= 50)
    }

    @Test(arguments: cases)
    func nextThreeOccurrencesMatchTheOracle(_ item: Case) throws {
        let rule = try RecurrenceRule.parse(item.rule).get()
        let timeZone = try #require(TimeZone(identifier: item.timeZone))
        let start = try #require(ScheduledTime(item.start))
        let after = try item.after.map { try #require(ScheduledTime($0)) }
        let schedule = RecurrenceSchedule(rule: rule, start: start, timeZone: timeZone)

        let next = schedule.occurrences(after: after ?? start, limit: 3).map { occurrence in
            switch occurrence.due(in: timeZone) {
            case .allDay(let day): day.description
            case .instant(let instant): RFC3339.format(instant)
            }
        }

        #expect(next == item.expected)
    }
}
