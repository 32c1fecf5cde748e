import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.0 GET over a TCP socket, for patroni's REST API on
/// loopback addresses: no proxy settings, no client library, a short timeout.
enum LoopbackHTTP {
    struct Response {
        var status: Int
        var body: Data
    }

    static func get(host: String, port: Int, path: String, timeout: Double = 1.0) -> Response? {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return nil }
        defer { close(socketFD) }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socketFD, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return nil }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }

        let request = Array("GET \(path) HTTP/1.0\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count
        else { return nil }

        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
            if received.count > 4 << 20 { return nil }
        }
        // "HTTP/1.x NNN reason\r\n…\r\n\r\nbody"
        guard let statusLine = String(decoding: received.prefix(64), as: UTF8.self).split(separator: "\r\n").first,
              let code = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        let separator = Data("\r\n\r\n".utf8)
        let body = received.range(of: separator).map { received[$0.upperBound...] } ?? Data()
        return Response(status: code, body: Data(body))
    }

    /// The JSON object a GET returns, whatever its status (patroni answers
    /// 503 with a body on some endpoints).
    static func json(host: String, port: Int, path: String) -> [String: Any]? {
        guard let response = get(host: host, port: port, path: path) else { return nil }
        return (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
    }
}
