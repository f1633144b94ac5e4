import Testing
import TodoDateText

@Suite struct RecurrenceDescriberTests {
    @Test(arguments: [
        ("FREQ=DAILY", "every day"), ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", "every other week on Tuesday and Thursday"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", "every month on the 1st"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day"),
        ("FREQ=YEARLY;BYMONTHDAY=3;BYMONTH=3", "every year on March 3"), ("FREQ=DAILY;INTERVAL=3", "every 3 days"),
        ("FREQ=HOURLY", "FREQ=HOURLY"),
    ])
    func saysRulesInEnglish(rule: String, expected: String) {
        #expect(RecurrenceDescriber.describe(rule) == expected)
    }
}
