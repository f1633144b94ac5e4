import Testing
import TodoCore

/// Which rules are taken, in which spelling, and how a refusal names the part at fault.
@Suite struct RecurrenceRuleTests {
    private func problem(_ rule: String) -> RecurrenceRuleProblem? {
        if case .failure(let problem) = RecurrenceRule.parse(rule) { return problem }
        return nil
    }

    @Test func keepsLibicalsCanonicalSpelling() throws {
        #expect(try RecurrenceRule.parse("rrule:freq=monthly;byday=-1fr").get().text == "FREQ=MONTHLY;BYDAY=-1FR")
        #expect(try RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=TU,TH;INTERVAL=2").get().text.contains("INTERVAL=2"))
        #expect(try RecurrenceRule.parse("FREQ=DAILY;COUNT=5").get().count == 5)
        #expect(try RecurrenceRule.parse("FREQ=DAILY").get().count == nil)
    }

    @Test(arguments: [
        ("", "empty"),
        ("BYDAY=MO", "missing_freq"),
        ("FREQ=HOURLY", "invalid_value"),
        ("FREQ=SOMETIMES", "invalid_value"),
        ("FREQ=DAILY;BYHOUR=9", "unsupported_part"),
        ("FREQ=DAILY;COLOUR=RED", "unknown_part"),
        ("FREQ=DAILY;FREQ=WEEKLY", "duplicate_part"),
        ("FREQ=DAILY;INTERVAL", "malformed_part"),
        ("FREQ=DAILY;INTERVAL=0", "invalid_value"),
        ("FREQ=DAILY;COUNT=1001", "invalid_value"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20261231", "count_with_until"),
        ("FREQ=DAILY;UNTIL=20261331", "invalid_value"),
        ("FREQ=DAILY;UNTIL=20261231T250000", "invalid_value"),
        ("FREQ=YEARLY;BYMONTH=13", "invalid_value"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "invalid_value"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "invalid_value"),
        ("FREQ=MONTHLY;BYDAY=-6FR", "invalid_value"),
        ("FREQ=YEARLY;BYDAY=54MO", "invalid_value"),
        ("FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO", "unsupported_part"),
        ("FREQ=MONTHLY;BYDAY=XX", "invalid_value"),
        ("FREQ=WEEKLY;BYDAY=1MO", "invalid_combination"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "invalid_combination"),
        ("FREQ=MONTHLY;BYYEARDAY=1", "invalid_combination"),
        ("FREQ=MONTHLY;BYSETPOS=1", "invalid_combination"),
        ("FREQ=DAILY;WKST=XY", "invalid_value"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never_occurs"),
        ("FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31", "never_occurs"),
    ])
    func refusesWithACodeNamingTheProblem(_ rule: String, _ code: String) {
        #expect(problem(rule)?.code == code)
    }

    @Test func messagesNameThePartAndTheValue() {
        #expect(problem("FREQ=YEARLY;BYMONTH=13")?.message.hasPrefix("BYMONTH=13:") == true)
        #expect(problem("FREQ=DAILY;BYHOUR=9")?.message.contains("due time") == true)
        #expect(problem("FREQ=WEEKLY;BYDAY=-1FR")?.message.contains("MONTHLY or YEARLY") == true)
    }

    @Test func replacingCountRewritesOnlyTheCount() throws {
        let rule = try RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=MO;COUNT=10").get()
        let shorter = rule.replacingCount(with: 4)
        #expect(shorter.count == 4)
        #expect(shorter.text.contains("COUNT=4") && shorter.text.contains("BYDAY=MO"))
        #expect(rule.replacingCount(with: nil).text.contains("COUNT") == false)
    }
}
