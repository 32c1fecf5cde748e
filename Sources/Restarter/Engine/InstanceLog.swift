#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// The per-instance log, as svc.startd keeps /var/svc/log/<stem>.log: its
/// own lines as `[ Mon DD HH:MM:SS message ]` (log.c `log_instance`), and
/// the methods' standard output and error appended to the same file.
struct InstanceLog: Sendable {
    let path: String

    func write(_ message: String, at date: Date = Date()) {
        let line = "[ \(Self.timestamp(date)) \(message) ]\n"
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }

    /// `%b %e %T` in the C locale.
    static func timestamp(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&time, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%b %e %T", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
