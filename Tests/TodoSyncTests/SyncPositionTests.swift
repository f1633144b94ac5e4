import Testing

@testable import TodoSync

@Suite("Sync positions")
struct SyncPositionTests {
    @Test func positionAfterAnOffset_pointsAtTheNextOne_andRoundTrips() {
        let position = SyncPosition(after: 41, partition: 2)
        #expect(position.description == "2:42")
        #expect(SyncPosition("2:42") == position)
    }

    @Test func anythingButTwoNonNegativeDecimals_isNotAPosition() {
        for text in ["", "1", "1:", ":1", "1:2:3", "-1:4", "1:-4", "a:1", "1:0x10", " 1:2", "1:2 ", "+1:2"] {
            #expect(SyncPosition(text) == nil, "\(text)")
        }
    }
}
