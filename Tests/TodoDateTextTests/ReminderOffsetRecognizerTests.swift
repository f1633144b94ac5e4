import Testing
import TodoDateText

@Suite struct ReminderOffsetRecognizerTests {
    @Test(arguments: [
        ("30 minutes before", 30), ("an hour before", 60), ("15 mins ahead", 15), ("a day before", 1440),
        ("the day before", 1440), ("2 days before it's due", 2880), ("half an hour before", 30),
        ("an hour and a half before", 90), ("one week in advance", 10_080), ("when it's due", 0),
        ("10 min prior to the deadline", 10),
    ])
    func readsOffsets(phrase: String, minutes: Int) {
        let list = words(phrase)
        let match = ReminderOffsetRecognizer().match(in: list, at: 0)
        #expect(match?.minutes == minutes, "\(phrase)")
        #expect(match?.range == 0..<list.count, "\(phrase)")
    }

    @Test func needsTheWordBefore() {
        #expect(ReminderOffsetRecognizer().matches(in: words("in 30 minutes")).isEmpty)
        #expect(ReminderOffsetRecognizer().matches(in: words("buy 2 days of food")).isEmpty)
    }
}
