import Foundation
import TodoCore
import TodoDateText

/// Splits test phrases the way the chat tokenizer does: lowercase words, with commas and final
/// punctuation as words of their own.
func words(_ text: String) -> [String] {
    var result: [String] = []
    for chunk in text.lowercased().split(separator: " ") {
        var word = String(chunk)
        var trailing: [String] = []
        while let last = word.last, [",", "?", "!", "."].contains(last), word.count > 1 {
            trailing.insert(String(last), at: 0)
            word.removeLast()
        }
        result.append(word)
        result.append(contentsOf: trailing)
    }
    return result
}

/// Thursday 2026-03-05 10:00 in New York, three days before the US switch to daylight time.
let newYork = TimeZone(identifier: "America/New_York")!
let referenceNow = RFC3339.parse("2026-03-05T10:00:00-05:00")!

func context(_ now: String = "2026-03-05T10:00:00-05:00", _ zone: String = "America/New_York") -> DateContext {
    DateContext(now: RFC3339.parse(now)!, timeZone: TimeZone(identifier: zone)!)
}

func day(_ text: String) -> CalendarDate {
    CalendarDate(text)!
}

func instant(_ text: String) -> Date {
    RFC3339.parse(text)!
}
