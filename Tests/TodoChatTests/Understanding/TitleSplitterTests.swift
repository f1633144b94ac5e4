import Testing
import TodoChat

@Suite struct TitleSplitterTests {
    private func titles(_ text: String) -> [String] {
        TitleSplitter.split(MessageNormalizer().normalize(text).tokens)
    }

    @Test func splitsListsOfItems() {
        #expect(titles("milk and eggs") == ["Milk", "Eggs"])
        #expect(titles("bread, butter & jam") == ["Bread", "Butter", "Jam"])
        #expect(titles("pay rent and email the landlord") == ["Pay rent", "Email the landlord"])
    }

    @Test func carriesAShoppingVerbOver() {
        #expect(titles("buy milk, eggs and bread") == ["Buy milk", "Buy eggs", "Buy bread"])
        #expect(titles("pick up stamps and tape") == ["Pick up stamps", "Pick up tape"])
    }

    @Test func keepsOneTaskWhenTheWordsShareAVerbOrRunLong() {
        #expect(titles("email Bob and Alice about the trip") == ["Email Bob and Alice about the trip"])
        #expect(titles("research and write the essay") == ["Research and write the essay"])
        #expect(titles("pick up milk and bread on the way home") == ["Pick up milk and bread on the way home"])
        #expect(titles(#""salt and pepper""#) == ["Salt and pepper"])
    }

    @Test func cleansEachTitle() {
        #expect(titles("to buy groceries") == ["Buy groceries"])
        #expect(titles("that i need to call the bank by") == ["Call the bank"])
        #expect(titles("") == [])
    }
}
