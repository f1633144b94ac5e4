import Glibc
import Testing

@testable import TodoHTTP

@Suite("SocketAddress formatting")
struct SocketAddressTests {
    @Test func ipv4_isDottedQuad() {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("10.1.2.3")

        #expect(format(&address) == "10.1.2.3")
    }

    @Test func ipv6_isCompressedText() {
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        _ = inet_pton(AF_INET6, "2001:db8::1", &address.sin6_addr)

        #expect(format(&address) == "2001:db8::1")
    }

    @Test func ipv4MappedIPv6_isShownAsIPv4() {
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        _ = inet_pton(AF_INET6, "::ffff:192.168.0.9", &address.sin6_addr)

        #expect(format(&address) == "192.168.0.9")
    }

    private func format<Address>(_ address: inout Address) -> String {
        withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { SocketAddress.text($0) }
        }
    }
}
