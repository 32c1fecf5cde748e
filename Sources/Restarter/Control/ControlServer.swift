#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// The restarter's control socket, `<state>/control.sock`: each connection
/// carries one `ControlRequest` and gets one `ControlResponse`.
public final class ControlServer: @unchecked Sendable {
    let restarter: Restarter
    let listener: Int32
    let path: String

    public init(restarter: Restarter) throws {
        self.restarter = restarter
        self.path = restarter.configuration.socketPath
        do {
            self.listener = try UnixSocket.listen(at: path)
        } catch {
            throw error
        }
    }

    /// Serves on a thread of its own until `close()`.
    public func serve() {
        let thread = Thread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    return
                }
                _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
                handle(connection)
                Glibc.close(connection)
            }
        }
        thread.start()
    }

    func handle(_ connection: Int32) {
        let line = UnixSocket.readLine(connection)
        let response: ControlResponse
        if let request = try? JSONDecoder().decode(ControlRequest.self, from: line) {
            response = restarter.handle(request)
        } else {
            response = ControlResponse(ok: false, message: "not a control request: expected one JSON object on a line")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        UnixSocket.writeAll(connection, (try? encoder.encode(response)) ?? Data("{\"ok\":false}".utf8))
    }

    public func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        unlink(path)
    }
}

/// The other end: what `smfkit svcadm`, `svcs` and `svcprop` use.
public enum ControlClient {
    public static func send(_ request: ControlRequest, stateDirectory: String) throws -> ControlResponse {
        let descriptor = try UnixSocket.connect(to: stateDirectory + "/control.sock")
        defer { close(descriptor) }
        UnixSocket.writeAll(descriptor, try JSONEncoder().encode(request))
        let answer = UnixSocket.readLine(descriptor)
        return try JSONDecoder().decode(ControlResponse.self, from: answer)
    }
}
