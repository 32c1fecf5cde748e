import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A client writing one row at a time through a haproxy primary port, a new
/// connection for each (what an application's retry loop does), on a
/// thread of its own so a hanging connection does not stall the observer.
/// Records when each write was acknowledged, by which server, or refused.
final class FailoverWriter: @unchecked Sendable {
    struct Attempt {
        /// When the client started the attempt (psql's launch).
        var started: ContinuousClock.Instant
        /// When the client got its answer (or gave up).
        var at: ContinuousClock.Instant
        var id: Int
        /// The server's address when acknowledged; nil when refused.
        var server: String?
        /// psql's last line of error when refused: a client timeout and a
        /// connection haproxy closed read differently.
        var error: String = ""
    }

    private let lock = NSLock()
    private var host: String
    private var attempts: [Attempt] = []
    private var stopping = false
    private var finished = false
    private let port: Int
    private let user: String
    /// PGPASSWORD and the TLS settings of libpq.
    private let environment: [String: String]
    private let psql: String

    init(host: String, port: Int, user: String, environment: [String: String], psql: String) {
        self.host = host
        self.port = port
        self.user = user
        self.environment = environment
        self.psql = psql
    }

    /// The haproxy the client uses; a halted node's haproxy is gone with it,
    /// so the benchmark points the client at a surviving node's.
    func use(host: String) { lock.withLock { self.host = host } }

    var recorded: [Attempt] { lock.withLock { attempts } }

    func start() {
        let thread = Thread { [self] in run() }
        thread.start()
    }

    func stop() {
        lock.withLock { stopping = true }
        while !lock.withLock({ finished }) { usleep(50_000) }
    }

    private func run() {
        var id = 0
        while !lock.withLock({ stopping }) {
            id += 1
            let target = lock.withLock { host }
            let started = ContinuousClock.now
            let run = try? Command.run(
                psql,
                ["-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", target, "-p", String(port),
                 "-U", user, "-d", "postgres", "-c",
                 "insert into bench_rows values (\(id)) returning host(inet_server_addr())"],
                environment: environment, timeout: 10)
            let output = run?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let acknowledged = run?.succeeded == true && !output.isEmpty
            let at = ContinuousClock.now
            let error = acknowledged ? "" : (run?.stderr.split(separator: "\n").last.map(String.init) ?? "no psql run")
            lock.withLock {
                attempts.append(Attempt(started: started, at: at, id: id, server: acknowledged ? output : nil, error: error))
            }
            usleep(100_000)
        }
        lock.withLock { finished = true }
    }
}
