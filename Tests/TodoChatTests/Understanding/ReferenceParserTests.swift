import Testing
import TodoChat

@Suite struct ReferenceParserTests {
    private func reference(_ text: String) -> TaskReference {
        ReferenceParser().parse(MessageNormalizer().normalize(text).tokens)
    }

    @Test func readsNumbersAndOrdinals() {
        #expect(reference("task 3") == .number(3))
        #expect(reference("#3") == .number(3))
        #expect(reference("number 12") == .number(12))
        #expect(reference("the second one") == .ordinal(2))
        #expect(reference("the 3rd task") == .ordinal(3))
        #expect(reference("the last one") == .ordinal(-1))
    }

    @Test func readsPronouns() {
        #expect(reference("it") == .pronoun(plural: false))
        #expect(reference("that one") == .pronoun(plural: false))
        #expect(reference("them") == .pronoun(plural: true))
        #expect(reference("both of them") == .pronoun(plural: true))
    }

    @Test func readsIdsAndAll() {
        #expect(reference("019532a4-7f1e") == .id("019532a4-7f1e"))
        guard case .all(let filter) = reference("all completed tasks") else {
            Issue.record("expected all")
            return
        }
        #expect(filter.words == ["completed", "tasks"])
    }

    @Test func readsTitleWordsWithoutTheGenericOnes() {
        #expect(reference("the meeting task") == .title(words: ["meeting"], text: "meeting"))
        #expect(
            reference("my dentist appointment")
                == .title(words: ["dentist", "appointment"], text: "dentist appointment"))
        #expect(reference("") == .none)
    }
}
