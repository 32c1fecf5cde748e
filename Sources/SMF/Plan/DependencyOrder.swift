/// Orders instances so that each comes after everything it depends on that
/// is present, as svc.startd's graph would start them. Dependencies on
/// FMRIs outside the set (milestones, file systems) are already satisfied
/// for this purpose; `exclude_all` is not an ordering.
enum DependencyOrder {
    /// `dependencies[fmri]` holds entity FMRIs (instances or services) that
    /// `fmri` must follow. Among the instances that are ready at the same
    /// time, the smaller FMRI comes first, so the order is deterministic.
    /// Returns the order, and the instances left on a cycle.
    static func sort(_ fmris: [String], dependencies: [String: [String]]) -> (order: [String], cycle: [String]) {
        let present = Set(fmris)
        var waitingOn: [String: Set<String>] = [:]
        for fmri in fmris {
            var needs = Set<String>()
            for dependency in dependencies[fmri] ?? [] {
                if present.contains(dependency) {
                    needs.insert(dependency)
                } else {
                    // A service FMRI stands for every instance of it.
                    needs.formUnion(fmris.filter { $0.hasPrefix(dependency + ":") })
                }
            }
            needs.remove(fmri)
            waitingOn[fmri] = needs
        }
        var order: [String] = []
        var remaining = Set(fmris)
        while true {
            let ready = remaining.filter { waitingOn[$0, default: []].isDisjoint(with: remaining) }
            guard let next = ready.min() else { break }
            order.append(next)
            remaining.remove(next)
        }
        return (order, remaining.sorted())
    }
}
