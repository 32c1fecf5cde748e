/// The per-package hook scripts of the build tree that place smfkit's files.
enum BuildHooks {
    /// `fixit` runs in the proto root before packaging; like Tribblix's own
    /// it copies the manifests and method scripts from `patches/`.
    static func fixit(files: [PayloadFile], directories: [PayloadDirectory]) -> String? {
        if files.isEmpty && directories.isEmpty { return nil }
        var lines = [
            "#!/bin/sh",
            "#",
            "# Place the SMF manifests and method scripts into the proto area.",
            "# Manifests go under var for sparse-root zone support.",
            "#",
            ": \"${BUILDROOT:?the Tribblix build sets BUILDROOT to its checkout}\"",
        ]
        var made = Set<String>()
        for file in files.sorted(by: { $0.path < $1.path }) {
            let parent = file.path.split(separator: "/").dropLast().joined(separator: "/")
            if !parent.isEmpty, made.insert(parent).inserted { lines.append("mkdir -p \(parent)") }
            lines.append("cp \"${BUILDROOT}/patches/\(file.sourceName)\" \(file.path)")
            lines.append("chmod \(octalMode(file.mode)) \(file.path)")
        }
        for directory in directories.sorted(by: { $0.path < $1.path }) where made.insert(directory.path).inserted {
            lines.append("mkdir -p \(directory.path)")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `build.sh`, which the Tribblix build runs for every package: this one
    /// has nothing to fetch or compile, so, like Tribblix's payload-only
    /// packages (TRIBmate-wallpaper1), it hands create_pkg an empty proto
    /// area, which `fixit` fills from `patches/`.
    static func buildScript(package: String) -> String {
        [
            "#!/bin/sh",
            "#",
            "# Nothing to fetch or compile: fixit copies the files from patches/",
            "# into the empty proto area create_pkg is given.",
            "#",
            ": \"${THOME:?the Tribblix build sets THOME to the directory holding build/}\"",
            "PROTO=/tmp/\(package).$$",
            "rm -fr \"$PROTO\"",
            "mkdir -p \"$PROTO\"",
            "\"${THOME}/build/create_pkg\" \(package) \"$PROTO\"",
            "rm -fr \"$PROTO\"",
        ].map { $0 + "\n" }.joined()
    }

    /// `fixproto` filters the generated prototype (stdin to stdout); it is
    /// only needed when a directory is not Tribblix's default root-owned one.
    static func fixproto(directories: [PayloadDirectory]) -> String? {
        let owned = directories.filter { $0.owner != "root" || $0.group != "bin" || $0.mode != 0o755 }
        if owned.isEmpty { return nil }
        var lines = [
            "#!/bin/sh",
            "# Give the service accounts their own directories.",
            "exec /usr/bin/awk '",
        ]
        for directory in owned.sorted(by: { $0.path < $1.path }) {
            lines.append("$1 == \"d\" && $3 == \"\(directory.path)\" { $4 = \"\(octalMode(directory.mode))\"; $5 = \"\(directory.owner)\"; $6 = \"\(directory.group)\" }")
        }
        lines.append("{ print }")
        lines.append("'")
        return lines.map { $0 + "\n" }.joined()
    }
}
