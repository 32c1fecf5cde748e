import Output
/// Everything one Tribblix SVR4 package needs, from which both forms are
/// rendered: the build-tree directory `tribblix/build` keeps
/// (`<PKG>/pkginfo`, `depend`, `restart_fmri_list`, `passwd`, `fixit`, …
/// plus `patches/`), and the expanded tree that `create_pkg` would hand to
/// `pkgmk` (complete pkginfo, prototype, install scripts, proto files).
public struct TribblixPackage: Hashable, Sendable {
    public var info: PackageInfo
    public var depend: DependFile
    public var aliases: AliasList
    public var restartFMRIs: RestartFMRIList
    public var accounts: ServiceAccounts
    public var files: [PayloadFile]
    public var directories: [PayloadDirectory]

    public init(info: PackageInfo, depend: DependFile = DependFile(), aliases: AliasList = AliasList([]),
                restartFMRIs: RestartFMRIList = RestartFMRIList([]), accounts: ServiceAccounts = ServiceAccounts(),
                files: [PayloadFile] = [], directories: [PayloadDirectory] = []) {
        self.info = info
        self.depend = depend
        self.aliases = aliases
        self.restartFMRIs = restartFMRIs
        self.accounts = accounts
        self.files = files
        self.directories = directories
    }

    /// The usual package for SMF services: manifests under var, method
    /// scripts under opt, service accounts, and manifest-import restarted
    /// on install and removal.
    public static func smfServices(info: PackageInfo, depend: DependFile = DependFile(), aliases: [String] = [],
                                   manifests: [PayloadFile], methodScripts: [PayloadFile] = [],
                                   accounts: ServiceAccounts = ServiceAccounts(),
                                   directories: [PayloadDirectory] = []) -> TribblixPackage {
        TribblixPackage(info: info, depend: depend, aliases: AliasList(aliases),
                        restartFMRIs: manifests.isEmpty ? RestartFMRIList([]) : RestartFMRIList(),
                        accounts: accounts, files: manifests + methodScripts, directories: directories)
    }

    // MARK: install scripts

    public var preinstall: InstallScript? {
        accounts.isEmpty ? nil : InstallScript.addingAccounts(accounts)
    }

    public var postinstall: InstallScript? {
        restartFMRIs.fmris.isEmpty ? nil : InstallScript.restarting(restartFMRIs, kind: .postinstall)
    }

    public var postremove: InstallScript? {
        restartFMRIs.fmris.isEmpty ? nil : InstallScript.restarting(restartFMRIs, kind: .postremove)
    }

    private var scripts: [InstallScript] {
        [postinstall, postremove, preinstall].compactMap { $0 }
    }

    // MARK: prototype

    /// create_pkg's prototype: the `i` lines first, then every directory and
    /// file in path order with Tribblix's ownership (root:bin, root:sys for
    /// the system directories), explicit directories keeping their own.
    public var prototype: Prototype {
        var entries: [PrototypeEntry] = [.information(name: "pkginfo", source: "./pkginfo")]
        if !depend.isEmpty { entries.append(.information(name: "depend", source: "./install/depend")) }
        for script in scripts {
            entries.append(.information(name: script.kind.rawValue, source: "./install/\(script.kind.rawValue)"))
        }
        var objects: [String: PrototypeEntry] = [:]
        for file in files {
            for directory in ancestors(of: file.path) where objects[directory] == nil {
                let ownership = Prototype.tribblixOwnership(ofDirectory: directory)
                objects[directory] = .directory(path: directory, mode: "0755", owner: ownership.owner, group: ownership.group)
            }
        }
        for directory in directories {
            for parent in ancestors(of: directory.path) where objects[parent] == nil {
                let ownership = Prototype.tribblixOwnership(ofDirectory: parent)
                objects[parent] = .directory(path: parent, mode: "0755", owner: ownership.owner, group: ownership.group)
            }
            objects[directory.path] = .directory(path: directory.path, mode: octalMode(directory.mode),
                                                 owner: directory.owner, group: directory.group)
        }
        for file in files {
            objects[file.path] = .file(path: file.path, mode: octalMode(file.mode), owner: file.owner, group: file.group)
        }
        entries += objects.keys.sorted().compactMap { objects[$0] }
        return Prototype(entries)
    }

    private func ancestors(of path: String) -> [String] {
        let components = path.split(separator: "/").dropLast()
        return components.indices.map { components[...$0].joined(separator: "/") }
    }

    // MARK: the two forms

    /// The build-repository form, relative to the repository root:
    /// `<PKG>/…` descriptors and `patches/…` sources.
    public func buildTree() -> GeneratedTree {
        let directory = info.pkg + "/"
        var output = [GeneratedFile(path: directory + "pkginfo", contents: info.renderFragment())]
        if let arch = info.renderArchFragment() {
            output.append(GeneratedFile(path: directory + "pkginfo.arch", contents: arch))
        }
        if !depend.isEmpty { output.append(GeneratedFile(path: directory + "depend", contents: depend.render())) }
        if !aliases.aliases.isEmpty { output.append(GeneratedFile(path: directory + "alias", contents: aliases.render())) }
        if !restartFMRIs.fmris.isEmpty {
            output.append(GeneratedFile(path: directory + "restart_fmri_list", contents: restartFMRIs.render()))
        }
        if !accounts.users.isEmpty { output.append(GeneratedFile(path: directory + "passwd", contents: accounts.renderPasswd())) }
        if !accounts.groups.isEmpty { output.append(GeneratedFile(path: directory + "group", contents: accounts.renderGroup())) }
        if !accounts.userAttributes.isEmpty {
            output.append(GeneratedFile(path: directory + "user_attr", contents: accounts.renderUserAttr()))
        }
        output.append(GeneratedFile(path: directory + "build.sh", contents: BuildHooks.buildScript(package: info.pkg),
                                    mode: 0o755))
        if let fixit = BuildHooks.fixit(files: files, directories: directories) {
            output.append(GeneratedFile(path: directory + "fixit", contents: fixit, mode: 0o755))
        }
        if let fixproto = BuildHooks.fixproto(directories: directories) {
            output.append(GeneratedFile(path: directory + "fixproto", contents: fixproto, mode: 0o755))
        }
        output += files.map { GeneratedFile(path: "patches/" + $0.sourceName, contents: $0.contents, mode: $0.mode) }
        return GeneratedTree(files: output)
    }

    /// The form `pkgmk` consumes, relative to the proto root, exactly where
    /// create_pkg leaves things: build with
    /// `cd ROOT && pkgmk -d SPOOL -f prototype -r . <PKG>`.
    public func pkgmkTree(hostArchitecture: String = "i386") -> GeneratedTree {
        var output = [
            GeneratedFile(path: "pkginfo", contents: info.renderComplete(hostArchitecture: hostArchitecture)),
            GeneratedFile(path: "prototype", contents: prototype.render()),
        ]
        if !depend.isEmpty { output.append(GeneratedFile(path: "install/depend", contents: depend.render())) }
        output += scripts.map { GeneratedFile(path: "install/\($0.kind.rawValue)", contents: $0.render(), mode: 0o755) }
        output += files.map { GeneratedFile(path: $0.path, contents: $0.contents, mode: $0.mode) }
        return GeneratedTree(files: output, directories: directories.map { GeneratedDirectory(path: $0.path, mode: $0.mode) })
    }
}
