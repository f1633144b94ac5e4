import Foundation
import TodoCore

/// One part of a date phrase ("tomorrow", "at 5pm", "in the morning"); a phrase combines at most
/// one day-like piece with one time and one part of the day.
enum DatePiece: Equatable {
    case day(CalendarDate)
    /// A day that carries its part of the day: "tonight", "this morning".
    case dayPart(CalendarDate, PartOfDay)
    case period(DatePeriod)
    /// `guessed` when no am/pm was written and the hour could mean either ("at 5").
    case time(LocalTime, guessed: Bool)
    case part(PartOfDay)
    case instant(Date)
    case unclear(String)

    var isDayLike: Bool {
        switch self {
        case .day, .dayPart, .period: true
        default: false
        }
    }

    var isTimeLike: Bool {
        if case .time = self { return true }
        return false
    }
}
