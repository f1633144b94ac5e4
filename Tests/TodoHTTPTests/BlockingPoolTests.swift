import Foundation
import Testing

@testable import TodoHTTP

@Suite("BlockingPool")
struct BlockingPoolTests {
    @Test func workBeyondThreadsPlusQueue_isRefusedUntilSomeFinishes() {
        let pool = BlockingPool(threads: 1, queueLength: 1, name: "pool-test")
        defer { pool.stop() }
        let gate = Gate()
        let finished = DispatchSemaphore(value: 0)

        #expect(pool.submit { gate.pass() })
        #expect(gate.waitUntilEntered())
        #expect(pool.submit { finished.signal() })
        #expect(!pool.submit {})

        gate.release()
        #expect(finished.wait(timeout: .now() + 20) == .success)
        #expect(pool.submit { finished.signal() })
        #expect(finished.wait(timeout: .now() + 20) == .success)
    }

    @Test func stoppedPool_refusesWork() {
        let pool = BlockingPool(threads: 2, queueLength: 2, name: "pool-test")

        pool.stop()

        #expect(!pool.submit {})
    }
}
