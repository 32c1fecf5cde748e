#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// `svcadm enable -s` / `disable -s`: wait until the instance gets where
/// the request sends it, or cannot.
public enum AdministrativeWait {
    public enum Outcome: Sendable, Equatable {
        case reached(InstanceState)
        /// svcadm gives up on maintenance, and on a disabled instance when enabling.
        case failed(String)
        case timedOut(InstanceState?)
    }

    public static func untilSettled(
        fmri: String, enabling: Bool, stateDirectory: String, timeout: Double?
    ) throws -> Outcome {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var last: InstanceState?
        while true {
            let response = try ControlClient.send(ControlRequest(command: "status", fmri: fmri),
                                                  stateDirectory: stateDirectory)
            guard response.ok, let instance = response.instances?.first else {
                return .failed(response.message ?? "no status for \(fmri)")
            }
            last = instance.state
            if instance.nextState == nil {
                if enabling, instance.state.isRunning { return .reached(instance.state) }
                if !enabling, instance.state == .disabled { return .reached(.disabled) }
                if enabling, instance.state == .maintenance {
                    return .failed("Instance \"\(instance.fmri)\" entered maintenance state: \(instance.explanation ?? "")")
                }
            }
            if let deadline, Date() >= deadline { return .timedOut(last) }
            usleep(50_000)
        }
    }
}
