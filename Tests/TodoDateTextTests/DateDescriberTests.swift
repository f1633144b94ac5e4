import Testing
import TodoCore
import TodoDateText

@Suite struct DateDescriberTests {
    private let describer = DateDescriber(context: DateContext(now: referenceNow, timeZone: newYork))

    @Test func describesDaysRelativeToToday() {
        #expect(describer.describe(day("2026-03-05")) == "today")
        #expect(describer.describe(day("2026-03-06")) == "tomorrow")
        #expect(describer.describe(day("2026-03-08")) == "Sunday")
        #expect(describer.describe(day("2026-03-17")) == "Tue, Mar 17")
        #expect(describer.describe(day("2027-03-03")) == "Mar 3, 2027")
    }

    @Test func describesInstantsInTheUsersTimezone() {
        #expect(describer.describe(instant("2026-03-10T13:30:00Z")) == "Tuesday at 9:30 AM")
        #expect(describer.describe(instant("2026-03-17T21:05:00Z")) == "Tue, Mar 17 at 5:05 PM")
        #expect(describer.describe(instant("2026-03-06T17:00:00Z")) == "tomorrow at noon")
    }
}
