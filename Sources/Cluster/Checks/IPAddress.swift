#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 literal, parsed by the C library (`inet_pton`), so
/// `::1` and `0:0::1` compare equal.
struct IPAddress: Hashable {
    enum Family { case v4, v6 }

    var family: Family
    var bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            family = .v4
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            family = .v6
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
            return
        }
        return nil
    }

    /// 0.0.0.0 or ::, which listen on every address of the host.
    var isWildcard: Bool { bytes.allSatisfy { $0 == 0 } }
}
