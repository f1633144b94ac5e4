import Testing

@testable import TodoChat

@Suite struct WordPatternTests {
    private func captures(_ pattern: String, _ message: String) -> [String]? {
        let tokens = MessageNormalizer().normalize(message).tokens
        return WordPattern(pattern).match(tokens)?.map { $0.words.joined(separator: " ") }
    }

    @Test func matchesAlternativesOptionalWordsAndSequences() {
        #expect(captures("add|create [a|an] task *", "create a task buy milk") == ["buy milk"])
        #expect(captures("add|create [a|an] task *", "add task buy milk") == ["buy milk"])
        #expect(captures("jot_down *", "jot down eggs") == ["eggs"])
        #expect(captures("add *", "remove eggs") == nil)
    }

    @Test func isAnchoredAtBothEnds() {
        #expect(captures("mark * done", "mark the report done") == ["the report"])
        #expect(captures("mark * done", "mark the report done now") == nil)
        #expect(captures("help", "help me") == nil)
    }

    @Test func letsTheFirstCaptureTakeAsLittleAsItCan() {
        #expect(captures("rename * to *", "rename go to gym to gym session") == ["go", "gym to gym session"])
    }

    @Test func neverMatchesQuotedWordsAsLiterals() {
        #expect(captures("add * to *", #"add "go to bed" at 10"#) == nil)
        #expect(captures("add *", #"add "go to bed""#) == ["go to bed"])
    }
}
