import Testing
import TodoChat

@Suite struct MessageNormalizerTests {
    private func words(_ message: String) -> [String] {
        MessageNormalizer().normalize(message).words
    }

    @Test func splitsPunctuationOffWordsButKeepsWhatBelongsToThem() {
        #expect(words("Call mom, then (maybe) dad!") == ["call", "mom", ",", "then", "(", "maybe", ")", "dad", "!"])
        #expect(words("at 5:30pm on 3/15 #work mom's") == ["at", "5:30pm", "on", "3/15", "#work", "mom's"])
        #expect(words("meet at 9 a.m.") == ["meet", "at", "9", "am"])
    }

    @Test func keepsAStandaloneBangAsItsOwnToken() {
        let tokens = MessageNormalizer().normalize("add call the bank !! now").tokens
        #expect(tokens.first { $0.word == "!!" }?.spaceBefore == true)
        let attached = MessageNormalizer().normalize("add call the bank!!").tokens
        #expect(attached.last?.word == "!!")
        #expect(attached.last?.spaceBefore == false)
    }

    @Test func correctsCommonTyposAndExpandsContractions() {
        #expect(words("remeber tmrw wensday") == ["remember", "tomorrow", "wednesday"])
        #expect(
            words("what's due? i'm done, don't") == ["what", "is", "due", "?", "i", "am", "done", ",", "do", "not"])
        #expect(words("Café RÉSUMÉ") == ["cafe", "resume"])
    }

    @Test func keepsTheTextOfExpandedWordsOnce() {
        let tokens = MessageNormalizer().normalize("what's up").tokens
        #expect(tokens.map(\.text) == ["what's", "", "up"])
        #expect(tokens.text == "what's up")
    }

    @Test func marksQuotedWordsAndDropsTheQuotes() {
        let tokens = MessageNormalizer().normalize(#"add "Call Bob, re: taxes" tomorrow"#).tokens
        #expect(tokens.filter(\.quoted).map(\.text) == ["Call", "Bob", ",", "re", ":", "taxes"])
        #expect(tokens.filter(\.quoted).text == "Call Bob, re: taxes")
        #expect(tokens.last?.quoted == false)
    }

    @Test func dropsPoliteFillerAroundTheRequest() {
        #expect(words("hey, could you please add milk for me thanks!") == ["add", "milk", "!"])
        #expect(words("ok so just show my tasks") == ["show", "my", "tasks"])
        #expect(words("Please, pretty please add bread") == [",", "pretty", "add", "bread"])
    }

    @Test func keepsFillerWhenThatIsAllThereIs() {
        #expect(words("thanks!") == ["thanks", "!"])
        #expect(words("hello there") == ["hello", "there"])
        let message = MessageNormalizer().normalize("hey there add milk")
        #expect(message.words == ["add", "milk"])
        #expect(message.unfiltered.words == ["hey", "there", "add", "milk"])
    }
}
