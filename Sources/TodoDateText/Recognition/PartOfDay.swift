import TodoCore

/// A part of the day, with the time a task is due when only the part is named.
public enum PartOfDay: String, Sendable, CaseIterable {
    case morning, afternoon, evening, night

    /// Morning 09:00, afternoon 15:00, evening 18:00, night ("tonight") 20:00.
    public var defaultTime: LocalTime {
        switch self {
        case .morning: LocalTime(hour: 9, minute: 0)!
        case .afternoon: LocalTime(hour: 15, minute: 0)!
        case .evening: LocalTime(hour: 18, minute: 0)!
        case .night: LocalTime(hour: 20, minute: 0)!
        }
    }

    /// Reads a guessed hour in this part of the day: "at 7" in the evening is 19:00.
    func adjust(_ time: LocalTime) -> LocalTime {
        switch self {
        case .morning:
            time.hour == 12 ? LocalTime(hour: 0, minute: time.minute)! : time
        case .afternoon, .evening, .night:
            time.hour < 12 ? LocalTime(hour: time.hour + 12, minute: time.minute)! : time
        }
    }

    static func named(_ word: String) -> PartOfDay? {
        switch word {
        case "morning": .morning
        case "afternoon": .afternoon
        case "evening": .evening
        case "night", "tonight": .night
        default: nil
        }
    }
}
