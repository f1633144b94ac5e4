import Testing
import TodoChat
import TodoCore
import TodoDateText

@Suite struct ListFilterExtractorTests {
    private func filter(_ message: String) -> ListFilter {
        let extractor = ListFilterExtractor(
            context: DateContext(now: thursday, timeZone: newYork), knownTags: ["work", "Health"])
        return extractor.extract(ChatEngine().understand(message).tokens)
    }

    @Test func readsTheStatus() {
        #expect(filter("what's pending?").status == .pending)
        #expect(filter("what have I completed?").status == .completed)
        #expect(filter("what did I finish").status == .completed)
        #expect(filter("show all tasks including completed").status == .all)
        #expect(filter("what's overdue").overdue == true)
    }

    @Test func showsCompletedTasksMostRecentFirst() {
        let completed = filter("show completed tasks")
        #expect(completed.sort == .updated)
        #expect(completed.order == .desc)
    }

    @Test func readsDueRangesAsInclusiveDays() {
        let week = filter("what's due this week?")
        #expect(week.dueFrom == day("2026-03-05"))
        #expect(week.dueTo == day("2026-03-08"))
        #expect(filter("anything due tomorrow").dueFrom == day("2026-03-06"))
        #expect(filter("what's coming up").dueTo == day("2026-03-11"))
        #expect(filter("show the next 3 days").dueTo == day("2026-03-07"))
        let before = filter("show tasks due before friday")
        #expect(before.dueFrom == nil)
        #expect(before.dueTo == day("2026-03-05"))
        #expect(filter("everything due by friday").dueTo == day("2026-03-06"))
    }

    @Test func readsPrioritiesTagsAndSearch() {
        let work = filter("show high priority work tasks")
        #expect(work.priorities == [.urgent, .high])
        #expect(work.tags == ["work"])
        #expect(filter("list my health stuff").tags == ["Health"])
        #expect(filter("show tasks tagged errands").tags == ["errands"])
        #expect(filter("show urgent tasks").priorities == [.urgent])
        #expect(filter("find tasks about the taxes").search == "taxes")
        #expect(filter("show my grocery tasks").search == "grocery")
        #expect(filter("what's on my plate").search == nil)
    }

    @Test func readsSortAndLimit() {
        let top = filter("show my top 5 tasks")
        #expect(top.limit == 5)
        #expect(top.sort == .priority)
        #expect(filter("list them alphabetically").sort == .title)
        #expect(filter("what's next").limit == 1)
    }

    @Test func writesOnlyWhatWasAskedAsArguments() {
        #expect(filter("show my tasks").arguments == ["status": "pending"])
        #expect(
            filter("what's due today?").arguments == [
                "status": "pending", "due_from": "2026-03-05", "due_to": "2026-03-05",
            ])
    }
}
