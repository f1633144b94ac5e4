import Testing

@testable import TodoApp

@Suite struct WrkResultTests {
    /// The report wrk 4.1 prints with --latency (shape copied from a run, numbers changed).
    static let report = """
        Running 10s test @ http://127.0.0.1:40123
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     3.10ms    1.20ms  41.00ms   90.00%
            Req/Sec    10.50k     1.00k   12.00k    70.00%
          Latency Distribution
             50%    2.90ms
             75%    3.40ms
             90%    4.10ms
             99%  812.00us
          209000 requests in 10.00s, 30.10MB read
          Non-2xx or 3xx responses: 12
          Socket errors: connect 0, read 2, write 0, timeout 1
        Requests/sec:  20900.42
        Transfer/sec:      3.01MB
        """

    @Test func readsRateLatencyAndErrors() throws {
        let result = try WrkResult.parse(Self.report)
        #expect(result.requests == 209_000)
        #expect(result.requestsPerSecond == 20900.42)
        #expect(result.p50Milliseconds == 2.9)
        #expect(abs(result.p99Milliseconds - 0.812) < 1e-9)
        #expect(result.errors == 15)
    }

    @Test func unitsConvertToMilliseconds() {
        #expect(WrkResult.milliseconds("1.50s") == 1500)
        #expect(WrkResult.milliseconds("250.00us") == 0.25)
        #expect(WrkResult.milliseconds("7.00ms") == 7)
        #expect(WrkResult.milliseconds("fast") == nil)
    }

    @Test func aTruncatedReportIsAnError() {
        #expect(throws: CLIError.self) { try WrkResult.parse("Running 10s test @ http://127.0.0.1:1\n") }
    }
}
