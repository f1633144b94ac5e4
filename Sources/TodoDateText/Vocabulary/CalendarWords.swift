/// Names of weekdays and months as people type them, with the common abbreviations.
public enum CalendarWords {
    private static let weekdays: [String: Weekday] = [
        "monday": .monday, "mon": .monday, "tuesday": .tuesday, "tue": .tuesday, "tues": .tuesday,
        "wednesday": .wednesday, "wed": .wednesday, "weds": .wednesday, "thursday": .thursday, "thu": .thursday,
        "thur": .thursday, "thurs": .thursday, "friday": .friday, "fri": .friday, "saturday": .saturday,
        "sat": .saturday, "sunday": .sunday, "sun": .sunday,
    ]

    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// The month names, January first.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// A weekday name or abbreviation (`tue`, `thurs`); nil otherwise.
    public static func weekday(_ word: String) -> Weekday? {
        weekdays[word]
    }

    /// A plural weekday as in "on Mondays"; nil otherwise.
    public static func pluralWeekday(_ word: String) -> Weekday? {
        guard word.hasSuffix("s"), word.count > 4 else { return nil }
        return weekdays[String(word.dropLast())]
    }

    /// A month name or abbreviation, as 1...12; nil otherwise.
    public static func month(_ word: String) -> Int? {
        months[word]
    }
}
