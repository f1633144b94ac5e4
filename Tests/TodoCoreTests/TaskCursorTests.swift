import Foundation
import Testing
import TodoCore

@Suite struct TaskCursorTests {
    @Test func roundTripsThroughItsOpaqueForm() {
        let cursors = [
            TaskCursor(sort: .due, order: .asc, key: .integer(Int64.max), id: "0190c1e2-aaaa-7bbb-8ccc-dddddddddddd"),
            TaskCursor(sort: .title, order: .desc, key: .text("naïve | café"), id: "x"),
        ]
        for cursor in cursors {
            let token = cursor.encoded()
            #expect(!token.contains("/") && !token.contains("+") && !token.contains("="))
            #expect(TaskCursor(encoded: token) == cursor)
        }
    }

    @Test func rejectsGarbage() {
        #expect(TaskCursor(encoded: "not a cursor!") == nil)
        #expect(TaskCursor(encoded: Data("due|sideways|id|i:1".utf8).base64EncodedString()) == nil)
    }
}

@Suite struct IdentifierTests {
    @Test func uuidV7IdentifiersAreWellFormedAndIncrease() {
        let generator = UUIDv7Generator()
        let ids = (0..<1000).map { _ in generator.next() }
        #expect(ids.allSatisfy(UUIDv7Generator.isWellFormed))
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        #expect(ids[0].dropFirst(14).first == "7")
    }

    @Test func malformedIdentifiersAreRecognized() {
        #expect(!UUIDv7Generator.isWellFormed("../../etc/passwd"))
        #expect(!UUIDv7Generator.isWellFormed("0190C1E2-AAAA-7BBB-8CCC-DDDDDDDDDDDD"))
    }
}
