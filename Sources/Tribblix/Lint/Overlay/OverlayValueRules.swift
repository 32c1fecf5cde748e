import Diagnostics

/// A REQUIRES= value is another overlay's id, used as a file name by
/// install-overlay (`/var/sadm/overlays/<id>.ovl`): one word, lower case.
struct OverlayRequiresIDRule: DescriptorRule {
    let id = "tribblix.ovl.requires-id"
    let summary = "REQUIRES= must name one overlay id ([a-z0-9-])"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        overlay.entries(for: "REQUIRES").compactMap { entry in
            guard !entry.value.isEmpty, let problem = OverlayID.problem(with: entry.value) else { return nil }
            return error("REQUIRES=: \(problem); name one overlay per REQUIRES= line",
                         in: overlay.path, line: entry.line.number, column: entry.valueColumn)
        }
    }
}

/// An overlay that requires itself sends install-overlay's recursion
/// round in a circle.
struct OverlayRequiresSelfRule: DescriptorRule {
    let id = "tribblix.ovl.requires-self"
    let summary = "an overlay must not REQUIRES= itself"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        overlay.entries(for: "REQUIRES").compactMap { entry in
            guard entry.value == overlay.fileStem else { return nil }
            return error("overlay '\(overlay.fileStem)' requires itself; remove this REQUIRES= line",
                         in: overlay.path, line: entry.line.number, column: entry.valueColumn)
        }
    }
}

/// A REQUIRES or SERVICE value listed twice is either a mistake or makes
/// enable-services enable the same FMRI twice.
struct OverlayDuplicateValueRule: DescriptorRule {
    let id = "tribblix.ovl.duplicate-value"
    let summary = "the same REQUIRES= or SERVICE= value must not appear twice"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        ["REQUIRES", "SERVICE"].flatMap { key in
            var seen = FirstOccurrence<String>()
            return overlay.entries(for: key).compactMap { entry -> Diagnostic? in
                guard !entry.value.isEmpty else { return nil }
                guard let first = seen.earlierLine(of: entry.value, on: entry.line.number) else { return nil }
                return error("\(key)=\(entry.value) repeats line \(first); remove the duplicate",
                             in: overlay.path, line: entry.line.number, column: entry.valueColumn)
            }
        }
    }
}

/// SERVICE= values go to `svcadm enable -rs` / `svcs -p`; every real overlay
/// (boot-server, printing, retro-desktop) uses the full `svc:/…:instance`.
struct OverlayServiceFMRIRule: DescriptorRule {
    let id = "tribblix.ovl.service-fmri"
    let summary = "SERVICE= must be a full FMRI, svc:/<service>:<instance>"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        overlay.entries(for: "SERVICE").compactMap { entry in
            guard !entry.value.isEmpty, let problem = ServiceFMRI.problem(with: entry.value) else { return nil }
            return error("SERVICE=: \(problem)", in: overlay.path, line: entry.line.number, column: entry.valueColumn)
        }
    }
}

/// The file stem is the overlay id other overlays REQUIRES= and the catalog
/// lists; it must be a valid id.
struct OverlayFileNameRule: DescriptorRule {
    let id = "tribblix.ovl.file-name"
    let summary = "the .ovl file name must be <overlay-id>.ovl"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        guard let problem = OverlayID.problem(with: overlay.fileStem) else { return [] }
        return [error("the file name gives the overlay id: \(problem); rename the file", in: overlay.path, line: 1)]
    }
}

/// `zap enable-services` runs `svcadm enable -rs` on every SERVICE= in the
/// zone it is run in (zap `zap-service`). An instance other than `:default`
/// is one of several (one per node, say), and enabling all of them in one
/// zone starts the others' daemons on addresses it does not have; they fail
/// and land in maintenance. Tribblix's own overlays name `:default` only.
struct OverlayServiceInstanceRule: DescriptorRule {
    let id = "tribblix.ovl.service-instance"
    let summary = "SERVICE= must name a :default instance; enable per-node instances with a profile"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        overlay.entries(for: "SERVICE").compactMap { entry in
            guard ServiceFMRI.problem(with: entry.value) == nil,
                  let instance = entry.value.split(separator: ":").last, instance != "default" else { return nil }
            return error("SERVICE=\(entry.value): zap enable-services would enable this instance in every zone the "
                         + "overlay is in; list only :default instances, and enable a node's own instances with its profile",
                         in: overlay.path, line: entry.line.number, column: entry.valueColumn)
        }
    }
}
