import Testing

@testable import TodoSync

@Suite("Stream positions and cursors")
struct SyncPositionTests {
    @Test func positionAfterAnOffset_pointsAtTheNextOne_andRoundTrips() {
        let position = StreamPosition(stream: .taskUpdates, after: 41, partition: 2)
        #expect(position.description == "u2:42")
        #expect(StreamPosition("u2:42") == position)
        #expect(StreamPosition("n0:7") == StreamPosition(stream: .notifications, partition: 0, nextOffset: 7))
    }

    @Test func anythingButALetterAndTwoNonNegativeDecimals_isNotAPosition() {
        for text in [
            "", "u", "u1", "u1:", "u:1", "1:2", "x1:2", "u1:2:3", "u-1:4", "u1:-4", "ua:1", "u1:0x10", "u 1:2",
        ] {
            #expect(StreamPosition(Substring(text)) == nil, "\(text)")
        }
    }

    @Test func cursor_needsEveryStreamExactlyOnce_inAnyOrder() {
        let cursor = SyncCursor("n0:7,u2:42")
        #expect(cursor?.description == "u2:42,n0:7")
        #expect(cursor?[.notifications]?.nextOffset == 7)
        for text in ["u2:42", "u2:42,u2:43", "u2:42,n0:7,", "u2:42,n0:7,n0:8", "", ","] {
            #expect(SyncCursor(text) == nil, "\(text)")
        }
    }
}
