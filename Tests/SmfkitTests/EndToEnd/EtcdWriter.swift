import Foundation

/// A client that keeps writing to etcd while the cluster changes: `etcdctl
/// put` every 0.1 s on a thread of its own, counting what etcd acknowledged
/// and refused, and the longest time between two acknowledged writes.
final class EtcdWriter: @unchecked Sendable {
    private let etcdctl: String
    private let options: [String]
    private let lock = NSLock()
    private var stopping = false
    private var done = false
    private var acknowledged = 0
    private var refused = 0
    private var longestGap = 0.0

    /// `options`: etcdctl's endpoints and TLS options, fixed for the run.
    init(etcdctl: String, options: [String]) {
        self.etcdctl = etcdctl
        self.options = options
    }

    func start() {
        Thread.detachNewThread { [self] in
            var index = 0
            var lastAcknowledged = Stopwatch()
            while !lock.withLock({ stopping }) {
                index += 1
                let run = try? Command.run(etcdctl, options + ["put", "/smfkit/writer/\(index)", "\(index)"],
                                           environment: ["ETCDCTL_API": "3"], timeout: 10)
                let ok = run?.succeeded == true
                lock.withLock {
                    if ok {
                        acknowledged += 1
                        longestGap = max(longestGap, lastAcknowledged.seconds)
                    } else {
                        refused += 1
                    }
                }
                if ok { lastAcknowledged = Stopwatch() }
                usleep(100_000)
            }
            lock.withLock { done = true }
        }
    }

    /// Stops the writer and returns what it saw.
    func stop() -> (acknowledged: Int, refused: Int, longestGap: Double) {
        lock.withLock { stopping = true }
        let deadline = Deadline(seconds: 20)
        while !lock.withLock({ done }), !deadline.hasPassed { usleep(50_000) }
        return lock.withLock { (acknowledged, refused, longestGap) }
    }
}
