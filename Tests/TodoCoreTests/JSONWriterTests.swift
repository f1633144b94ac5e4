import Foundation
import Testing
import TodoCore

@Suite struct JSONWriterTests {
    @Test func escapesStringsAndSeparatesMembers() throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("text")
        writer.string("quote \" backslash \\ newline \n bell \u{07} emoji 🎉")
        writer.key("list")
        writer.beginArray()
        writer.int(1)
        writer.null()
        writer.bool(false)
        writer.endArray()
        writer.endObject()

        let parsed = try JSONValue.parse(writer.bytes)
        #expect(parsed["text"]?.stringValue == "quote \" backslash \\ newline \n bell \u{07} emoji 🎉")
        #expect(parsed["list"] == .array([.number(1), .null, .bool(false)]))
    }

    @Test(arguments: [
        "", "plain", "\"quoted\"", "back\\slash", "\\", "\"", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}",
        "ends with a quote\"", "\"starts with one", "café ☕️ 日本語 🎉", "\u{2028}\u{2029}",
        "mixed \"a\\b\"\n\u{8}c",
    ])
    func stringsRoundTripThroughAStandardParser(text: String) throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key(text)
        writer.string(text)
        writer.endObject()

        let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: String]
        #expect(parsed == [text: text])
        let written = String(decoding: writer.bytes, as: UTF8.self)
        #expect(!written.unicodeScalars.contains { $0.value < 0x20 }, "control characters are escaped")
    }

    @Test func controlCharactersUseTheirShortEscapesOrFourHexDigits() {
        var writer = JSONWriter()
        writer.string("a\"b\\c\nd\re\tf\u{1}g\u{1F}")

        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""a\"b\\c\nd\re\tf\u0001g\u001f""#)
    }
}
