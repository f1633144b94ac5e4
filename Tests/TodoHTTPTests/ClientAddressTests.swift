import Testing
import TodoCore
import TodoLogging

@testable import TodoHTTP

@Suite("The client address behind trusted proxies")
struct ClientAddressTests {
    private let proxies = try! TrustedProxies(["10.0.0.0/8", "192.0.2.10", "fd00::/8"])

    @Test func ranges_matchTheirPrefixOnly() throws {
        let range = try #require(IPRange("10.1.0.0/17"))
        #expect(range.contains(try #require(IPAddress("10.1.127.255"))))
        #expect(!range.contains(try #require(IPAddress("10.1.128.0"))))
        #expect(!range.contains(try #require(IPAddress("::ffff:10.1.128.0"))))
        #expect(range.contains(try #require(IPAddress("::ffff:10.1.0.1"))), "an IPv4-mapped address is IPv4")
        #expect(!range.contains(try #require(IPAddress("2001:db8::1"))))
        #expect(try #require(IPRange("0.0.0.0/0")).contains(try #require(IPAddress("203.0.113.9"))))
        #expect(try #require(IPRange("fd00::/8")).contains(try #require(IPAddress("fd12:3456::1"))))
    }

    @Test(arguments: ["", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "fd00::/129", "10.0.0.0/+8", "proxy.local", "*"])
    func entriesThatAreNotAddressesOrRanges_areRefused(entry: String) {
        #expect(throws: TrustedProxies.InvalidEntry.self) { try TrustedProxies(["10.0.0.0/8", entry]) }
    }

    @Test func theClientIsTheFirstUntrustedHopFromTheRight() {
        #expect(proxies.clientAddress(peer: "10.2.3.4", forwardedFor: ["203.0.113.7"]) == "203.0.113.7")
        // A client can write anything on the left; only what trusted hops appended counts.
        #expect(
            proxies.clientAddress(peer: "10.2.3.4", forwardedFor: ["1.1.1.1, 203.0.113.7, 192.0.2.10"])
                == "203.0.113.7")
        // Several header lines are one list, in order.
        #expect(proxies.clientAddress(peer: "10.2.3.4", forwardedFor: ["1.1.1.1", "198.51.100.2"]) == "198.51.100.2")
        #expect(proxies.clientAddress(peer: "fd00::5", forwardedFor: ["[2001:db8::7]:443"]) == "2001:db8::7")
        #expect(proxies.clientAddress(peer: "10.2.3.4", forwardedFor: ["203.0.113.7:51234"]) == "203.0.113.7")
    }

    @Test func anUntrustedPeerKeepsItsOwnAddress_whateverItSends() {
        #expect(proxies.clientAddress(peer: "203.0.113.50", forwardedFor: ["198.51.100.2"]) == "203.0.113.50")
        #expect(TrustedProxies.none.clientAddress(peer: "10.2.3.4", forwardedFor: ["198.51.100.2"]) == "10.2.3.4")
    }

    @Test func aHopThatIsNotAnAddressEndsTheWalk_atTheLastOneBelieved() {
        #expect(proxies.clientAddress(peer: "10.2.3.4", forwardedFor: ["198.51.100.2, unknown"]) == "10.2.3.4")
        #expect(
            proxies.clientAddress(peer: "10.2.3.4", forwardedFor: ["garbage, 10.9.9.9"]) == "10.9.9.9",
            "every address named is a trusted proxy: the furthest one believed")
    }

    @Test func ipv4MappedRanges_areTheIPv4RangesOfTheirLast32Bits() throws {
        let everyIPv4 = try #require(IPRange("::ffff:0:0/96"))
        #expect(everyIPv4.contains(try #require(IPAddress("203.0.113.9"))))
        #expect(!everyIPv4.contains(try #require(IPAddress("2001:db8::1"))))
        let tenSlashEight = try #require(IPRange("::ffff:10.0.0.0/104"))
        #expect(tenSlashEight.contains(try #require(IPAddress("10.200.0.1"))))
        #expect(!tenSlashEight.contains(try #require(IPAddress("11.0.0.1"))))
        #expect(IPRange("::ffff:10.0.0.0/8") == nil, "a prefix inside the ::ffff: part is no IPv4 range")
        #expect(IPRange("10.0.0.0/٨") == nil)
    }

    @Test func blankEntriesAreSkipped_zonesDropped_andLoopbackNeverTakenFromTheHeader() {
        #expect(proxies.clientAddress(peer: "10.2.3.4", forwardedFor: ["203.0.113.7, "]) == "203.0.113.7")
        #expect(proxies.clientAddress(peer: "10.2.3.4", forwardedFor: ["203.0.113.7,,"]) == "203.0.113.7")
        #expect(proxies.clientAddress(peer: "fd00::5", forwardedFor: ["fe80::1%eth0"]) == "fe80::1")
        for local in ["127.0.0.1", "::1", "0.0.0.0", "::", "::ffff:127.0.0.1", "127.9.9.9"] {
            #expect(proxies.clientAddress(peer: "10.2.3.4", forwardedFor: [local]) == "10.2.3.4", "\(local)")
        }
    }

    @Test func byCount_theAddressBeforeTheProxiesOwnIsTheClient() throws {
        // Google's load balancer: "<client>, <forwarding rule>", from one of its own ranges.
        let google = try TrustedProxies(["35.191.0.0/16"], hops: 1)
        let header = ["1.1.1.1, 203.0.113.7, 34.117.1.1"]
        #expect(google.clientAddress(peer: "35.191.4.5", forwardedFor: header) == "203.0.113.7")
        #expect(google.clientAddress(peer: "10.0.0.9", forwardedFor: header) == "10.0.0.9", "not from its ranges")
        #expect(google.clientAddress(peer: "35.191.4.5", forwardedFor: ["34.117.1.1"]) == "34.117.1.1")
        let anyPeer = try TrustedProxies([], hops: 2)
        #expect(
            anyPeer.clientAddress(peer: "192.0.2.1", forwardedFor: ["198.51.100.2, 10.0.0.1, 10.0.0.2"])
                == "198.51.100.2")
    }

    @Test func limitsCountIPv6ClientsByTheirSlash64() {
        #expect(ClientAddress.limitKey("2001:db8:1:2::1") == "2001:db8:1:2::/64")
        #expect(ClientAddress.limitKey("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64")
        #expect(ClientAddress.limitKey("2001:db8:1:3::1") == "2001:db8:1:3::/64")
        #expect(ClientAddress.limitKey("203.0.113.7") == "203.0.113.7")
        #expect(ClientAddress.limitKey("") == "")
    }

    @Test func thePipelineLogsAndCountsTheForwardedClient() throws {
        var router = Router()
        router.get("/whoami") { request in .text(request.remoteAddress) }
        let sink = MemoryLogSink()
        let pipeline = HTTPPipeline.standard(
            router: router, cors: CORSPolicy(allowedOrigins: []), maxBodyBytes: 1024, proxies: proxies)
        let throughIngress = InProcessClient(
            handler: pipeline.handler, logger: Logger(service: "test", sink: sink), remoteAddress: "10.2.3.4")
        let direct = InProcessClient(handler: pipeline.handler, remoteAddress: "203.0.113.50")

        let forwarded = throughIngress.send(.get, "/whoami", headers: [("X-Forwarded-For", "203.0.113.7")])
        #expect(String(decoding: forwarded.body, as: UTF8.self) == "203.0.113.7")
        #expect(sink.records.last?.metadata[LogKey.remoteAddress] == "203.0.113.7")
        #expect(sink.records.last?.metadata[AccessLogMiddleware.peerKey] == "10.2.3.4")
        let spoofed = direct.send(.get, "/whoami", headers: [("X-Forwarded-For", "198.51.100.2")])
        #expect(String(decoding: spoofed.body, as: UTF8.self) == "203.0.113.50")
    }
}
