import Foundation
import TodoCore

/// Finds English date and time phrases in the words of a message and reads them against "now" in
/// the user's timezone.
///
/// Words are lowercased tokens with punctuation split off ("," is its own word). The recognizer
/// understands, among others: today, tonight, tomorrow (morning), the day after tomorrow, weekdays
/// ("friday", "this friday", "next friday"), "in 3 days", "in 2 hours", "3 weeks from now", "on the
/// 15th", "March 3rd", "3 March 2027", "3/15", "2026-03-15", "end of (the) month", "this week",
/// "next month", "at 5pm", "5:30", "17:00", "noon", "midnight", "at 9 in the morning".
///
/// Conventions, where English is loose:
/// - Weeks start on Monday. A bare weekday or "this friday" is the next one after today ("this"
///   allows today); "next friday" is the Friday of next week.
/// - A day of the month or a date without a year is the next one on or after today.
/// - An hour without am/pm is read as 1–6 pm and 7–11 am ("at 5" is 17:00), unless a part of
///   the day says otherwise ("at 9 tonight"); a bare number is a time only after "at" or "by".
/// - Parts of the day: morning 09:00, afternoon 15:00, evening 18:00, tonight 20:00; midnight is
///   23:59 of the day named, so it stays on that day.
/// - "end of the week" is Friday (Sunday once Friday has passed); a task due "this week" is due
///   that day, "next week" the Monday of next week, "this weekend" Saturday, "this month" its last
///   day, "next month" its first.
/// - "in 2 hours" is elapsed time; "tomorrow at 9" is wall-clock time, so across a DST change
///   the two differ, by design. Wall times in a DST gap or overlap follow ``WallClock``.
public struct DateRecognizer: Sendable {
    public let context: DateContext

    public init(context: DateContext) {
        self.context = context
    }

    /// Every date phrase in `words`, left to right, without overlaps. Empty strings never match,
    /// so a caller can blank out words that must not be read as dates.
    public func matches(in words: [String]) -> [DateMatch] {
        var found: [DateMatch] = []
        var index = 0
        while index < words.count {
            if let match = match(in: words, at: index) {
                found.append(match)
                index = match.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The longest date phrase that starts exactly at `start` (counting leading connectors such as
    /// "due on"), if there is one.
    public func match(in words: [String], at start: Int) -> DateMatch? {
        var reader = WordReader(words, at: start)
        var pieces: [DatePiece] = []
        var phraseStart: Int?

        while true {
            var attempt = reader
            let connector = Self.skipConnectors(&attempt, leading: pieces.isEmpty)
            let begin = attempt.index
            let allowBarePart = pieces.contains { $0.isDayLike || $0.isTimeLike }
            guard
                let piece = parsePiece(&attempt, connector: connector, allowBarePart: allowBarePart),
                Self.fits(piece, after: pieces)
            else { break }
            if phraseStart == nil { phraseStart = connector == nil ? begin : reader.index }
            pieces.append(piece)
            reader = attempt
            if case .instant = piece { break }
            if case .unclear = piece { break }
        }

        guard let phraseStart, !pieces.isEmpty else { return nil }
        return DateMatch(range: phraseStart..<reader.index, value: combine(pieces))
    }

    // MARK: Phrase structure

    /// Words that may lead into a date phrase ("due on", "by", "at") and are part of its match.
    public static let connectors: Set<String> = [
        "on", "by", "at", "@", "due", "for", "before", "until", "till", "around", "from", ",",
    ]

    /// Skips words such as "due on" or "at" that may come before a piece; returns the last one.
    private static func skipConnectors(_ reader: inout WordReader, leading: Bool) -> String? {
        var last: String?
        while let word = reader.peek(), connectors.contains(word) {
            if leading, word == "," { break }
            last = word
            reader.advance()
        }
        return last
    }

    /// Whether `piece` may join a phrase that already has `pieces`.
    private static func fits(_ piece: DatePiece, after pieces: [DatePiece]) -> Bool {
        if pieces.isEmpty { return true }
        switch piece {
        case .instant, .unclear:
            return false
        case .day, .dayPart, .period:
            return !pieces.contains { $0.isDayLike }
        case .time:
            return !pieces.contains { $0.isTimeLike }
        case .part:
            return !pieces.contains {
                if case .part = $0 { return true }
                if case .dayPart = $0 { return true }
                return false
            }
        }
    }

    private func parsePiece(_ reader: inout WordReader, connector: String?, allowBarePart: Bool) -> DatePiece? {
        // "later today", "later this week": the day is what counts.
        if reader.peek() == "later", ["today", "tonight", "this"].contains(reader.peek(1) ?? "") {
            reader.advance()
        }
        if let piece = parseOffset(&reader) { return piece }
        if let piece = parseRelativeDay(&reader) { return piece }
        if let piece = parseWeekday(&reader, afterConnector: connector != nil) { return piece }
        if let piece = parsePeriod(&reader) { return piece }
        if let piece = parseMonthDay(&reader) { return piece }
        if let piece = parseDayOfMonth(&reader, afterConnector: connector != nil) { return piece }
        if let piece = parseNumericDate(&reader) { return piece }
        let bareHour = ["at", "@", "by", "around", "before", "until", "till"].contains(connector ?? "")
        if let piece = parseTime(&reader, allowBareHour: bareHour) { return piece }
        if let piece = parsePart(&reader, allowBare: allowBarePart) { return piece }
        if let piece = parseVague(&reader) { return piece }
        return nil
    }

    /// Turns the pieces of one phrase into its meaning.
    private func combine(_ pieces: [DatePiece]) -> DateValue {
        var day: CalendarDate?
        var period: DatePeriod?
        var part: PartOfDay?
        var time: (LocalTime, guessed: Bool)?
        for piece in pieces {
            switch piece {
            case .instant(let instant): return .instant(instant)
            case .unclear(let reason): return .unclear(reason: reason)
            case .day(let value): day = value
            case .dayPart(let value, let dayPart):
                day = value
                part = dayPart
            case .period(let value): period = value
            case .part(let value): part = value
            case .time(let value, let guessed): time = (value, guessed)
            }
        }

        var clock = time.map { entry in
            guard entry.guessed else { return entry.0 }
            return part?.adjust(entry.0) ?? Self.guessMeridiem(entry.0)
        }
        if clock == nil, let part { clock = part.defaultTime }
        let baseDay = day ?? period?.dueDay
        switch (baseDay, clock) {
        case (let baseDay?, let clock?): return .instant(context.instant(baseDay, clock))
        case (_, let clock?): return .time(clock)
        case (_, nil):
            if let period { return .period(period) }
            return .day(day ?? context.today)
        }
    }

    /// 1–6 without am/pm means the afternoon; 7–11 the morning; 12 noon.
    static func guessMeridiem(_ time: LocalTime) -> LocalTime {
        guard (1...6).contains(time.hour) else { return time }
        return LocalTime(hour: time.hour + 12, minute: time.minute)!
    }
}
