import Testing
@testable import SMF

@Suite struct ValueSyntaxTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var type: SMFType
        var value: String
        var testDescription: String { "\(type.rawValue) \"\(value)\"" }
        init(_ type: SMFType, _ value: String) {
            self.type = type
            self.value = value
        }
    }

    static let valid: [Case] = [
        Case(.boolean, "true"), Case(.boolean, "false"),
        Case(.count, "0"), Case(.count, "18446744073709551615"), Case(.count, "-1"), Case(.count, " +5"),
        Case(.integer, "-9223372036854775808"), Case(.integer, ""), Case(.integer, "+42"),
        Case(.time, "1234"), Case(.time, "1234.5"), Case(.time, "-1.123456789"),
        Case(.astring, "anything at all"), Case(.ustring, "grüße"),
        Case(.opaque, ""), Case(.opaque, "00ffAB"),
        Case(.uri, "http://example.com/"), Case(.uri, "foo"), Case(.uri, "mailto:a@b"),
        Case(.fmri, "svc:/network/ssh:default"), Case(.fmri, "file:///etc/passwd"), Case(.fmri, "network/ssh"),
        Case(.netAddressV4, "10.0.0.1"), Case(.netAddressV4, "10.0.0.0/8"),
        Case(.netAddressV6, "::1"), Case(.netAddressV6, "fe80::1/64"), Case(.netAddressV6, "::ffff:10.0.0.1"),
        Case(.netAddress, "192.168.1.1"), Case(.netAddress, "2001:db8::"),
        Case(.host, "db.example.com"), Case(.hostname, "node1"),
    ]

    static let invalid: [Case] = [
        Case(.boolean, "yes"), Case(.boolean, "True"), Case(.boolean, "1"),
        Case(.count, ""), Case(.count, "0x10"), Case(.count, "12abc"), Case(.count, "18446744073709551616"),
        Case(.count, "@PORT@"),
        Case(.integer, "1.5"), Case(.integer, "9223372036854775808"),
        Case(.time, "1.1234567890"), Case(.time, "1."), Case(.time, "abc"),
        Case(.opaque, "abc"), Case(.opaque, "zz"),
        Case(.uri, "http://example.com"),
        Case(.fmri, "svc:/:x"), Case(.fmri, "file:relative"),
        Case(.netAddressV4, "10.0.0"), Case(.netAddressV4, "010.0.0.1"), Case(.netAddressV4, "10.0.0.1/33"),
        Case(.netAddressV6, "1:2:3"), Case(.netAddressV6, "::1::"), Case(.netAddressV6, "::1/129"),
        Case(.netAddress, "localhost"),
    ]

    @Test(arguments: valid)
    func accepted(_ example: Case) {
        #expect(example.type.invalidityReason(of: example.value) == nil)
    }

    @Test(arguments: invalid)
    func refused(_ example: Case) {
        #expect(example.type.invalidityReason(of: example.value) != nil)
    }
}
