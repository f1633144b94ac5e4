import Testing
import TodoChat
import TodoCore
import TodoDateText

@Suite struct ReferenceResolverTests {
    private func resolve(
        _ text: String, turns: [ConversationTurn] = [], for purpose: ResolutionPurpose = .pending
    ) -> [String]? {
        let resolver = ReferenceResolver(
            tasks: Fixtures.tasks, conversation: ConversationContext(turns: turns),
            context: DateContext(now: thursday, timeZone: newYork))
        switch resolver.resolve(ReferenceParser().parse(MessageNormalizer().normalize(text).tokens), for: purpose) {
        case .one(let task): return [task.id]
        case .many(let tasks): return tasks.map(\.id)
        case .ambiguous(let tasks): return ["ambiguous"] + tasks.map(\.id)
        case .notFound: return nil
        case .unspecified: return ["unspecified"]
        }
    }

    @Test func matchesTitlesLoosely() {
        #expect(resolve("the meeting task") == ["meeting"])
        #expect(resolve("meetings") == ["meeting"])
        #expect(resolve("dentist appt") == ["dentist"])
        #expect(resolve("the quartely report") == ["report"])
        #expect(resolve("the piano lesson") == nil)
    }

    @Test func asksRatherThanGuessesBetweenEqualMatches() {
        #expect(resolve("the call task") == ["ambiguous", "mom", "dad"])
        #expect(resolve("call mom") == ["mom"])
    }

    @Test func prefersPendingOrCompletedTasksByPurpose() {
        let tasks = Fixtures.tasks + [Fixtures.task("milk2", "Buy milk")]
        let resolver = ReferenceResolver(
            tasks: tasks, conversation: ConversationContext(), context: DateContext(now: thursday, timeZone: newYork))
        let reference = TaskReference.title(words: ["milk"], text: "milk")
        #expect(resolver.resolve(reference, for: .pending) == .one(tasks.last!))
        #expect(resolver.resolve(reference, for: .completed) == .one(Fixtures.tasks[5]))
    }

    @Test func countsTaskNumbersInTheLastListOrElseThePendingTasks() {
        #expect(resolve("task 2") == ["dentist"])
        #expect(resolve("task 2", turns: [Fixtures.turn(["report", "mom"], listed: true)]) == ["mom"])
        #expect(resolve("task 9") == nil)
    }

    @Test func resolvesConversationReferences() {
        let shown = [Fixtures.turn(["mom", "dad", "report"])]
        #expect(resolve("the second one", turns: shown) == ["dad"])
        #expect(resolve("the last one", turns: shown) == ["report"])
        #expect(resolve("it", turns: [Fixtures.turn(["dentist"])]) == ["dentist"])
        #expect(resolve("it", turns: shown) == ["ambiguous", "mom", "dad", "report"])
        #expect(resolve("them", turns: shown) == ["mom", "dad", "report"])
        #expect(resolve("it") == ["unspecified"])
        // A later turn without tasks does not hide the earlier one's.
        #expect(resolve("it", turns: [Fixtures.turn(["dentist"]), Fixtures.turn([])]) == ["dentist"])
    }

    @Test func selectsEveryTaskAFilterCovers() {
        #expect(resolve("all work tasks") == ["meeting", "report"])
        #expect(resolve("all completed tasks") == ["milk"])
        #expect(resolve("everything tagged health") == ["dentist"])
    }
}
