import Testing

@testable import TodoCore

struct JSONValueParsingTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Array(text.utf8))
    }

    @Test func parse_keepsEveryTypeApart() throws {
        let value = try parse(
            #"{"t": true, "f": false, "zero": 0, "one": 1, "pi": 3.25, "big": 12345678901, "neg": -2e3,"#
                + #" "s": "h\u00e9 \"q\"", "n": null, "a": [1, "x", [], {}]}"#)

        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["zero"] == .number(0))
        #expect(value["one"] == .number(1))
        #expect(value["pi"] == .number(3.25))
        #expect(value["big"] == .number(12_345_678_901))
        #expect(value["neg"] == .number(-2000))
        #expect(value["s"] == .string("hé \"q\""))
        #expect(value["n"] == .null)
        #expect(value["a"] == .array([.number(1), .string("x"), .array([]), .object([:])]))
    }

    @Test func parse_acceptsScalarDocuments() throws {
        #expect(try parse("true") == .bool(true))
        #expect(try parse("1") == .number(1))
        #expect(try parse(#""x""#) == .string("x"))
        #expect(try parse("null") == .null)
    }

    @Test(arguments: ["", "{", #"{"a": }"#, "[1,]", #"{"a": 1 ,\n}"#, "tru", #"{"a" 1}"#, "\u{FF}"])
    func parse_rejectsMalformedInputAsBadRequest(_ text: String) {
        #expect {
            try parse(text)
        } throws: { error in
            (error as? AppError)?.code == "malformed_json" && (error as? AppError)?.kind == .badRequest
        }
    }

    @Test func parse_keepsCommasAndBracketsInsideStrings() throws {
        #expect(try parse(#"["a,]", "b\",", "}"]"#) == .array([.string("a,]"), .string("b\","), .string("}")]))
    }

    @Test func parse_rejectsDeepNestingWithoutCrashing() {
        let depth = 100_000
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)

        for text in [arrays, objects] {
            #expect(throws: AppError.self) { try parse(text) }
        }
    }

    @Test func parse_acceptsModerateNesting() throws {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)

        var value = try parse(text)
        var depth = 0
        while case .array(let items) = value, let first = items.first {
            value = first
            depth += 1
        }
        #expect(depth == 99)
    }
}
