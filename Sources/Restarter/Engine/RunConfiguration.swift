/// How `smfkit run` was asked to run.
public struct RunConfiguration: Sendable {
    /// Manifests: files, or directories (as `smfkit plan` reads them).
    public var inputs: [String]
    /// A directory input is read from this folder of it where it has one
    /// (the CLI names the `manifests/` folder that generate writes).
    public var manifestsFolder: String?
    /// A profile applied after the manifests (what it enables is enabled).
    public var profile: String?
    /// Only the instances named after this node; all instances when nil.
    public var node: String?
    /// Holds `log/`, the control socket and the list of process groups.
    public var stateDirectory: String
    /// A test aid: multiplies svc.startd's own waits — the 600 s window of
    /// the start-rate rule (`RINST_FAILURE_RATE_NS`), the 1 s window and
    /// throttle of child services (`RINST_WT_SVC_FAILURE_RATE_NS`,
    /// `WT_SVC_ERR_THROTTLE`). Method timeouts come from the manifests and
    /// are not scaled. 1 is svc.startd's behaviour.
    public var timeScale: Double
    /// `SMF_ZONENAME`.
    public var zoneName: String

    public init(
        inputs: [String], manifestsFolder: String? = nil, profile: String? = nil, node: String? = nil,
        stateDirectory: String, timeScale: Double = 1, zoneName: String = "global"
    ) {
        self.inputs = inputs
        self.manifestsFolder = manifestsFolder
        self.profile = profile
        self.node = node
        self.stateDirectory = stateDirectory
        self.timeScale = timeScale
        self.zoneName = zoneName
    }

    public var logDirectory: String { stateDirectory + "/log" }
    public var socketPath: String { stateDirectory + "/control.sock" }
    /// Every process group the restarter made, one per line: what a
    /// cleanup (or a test) kills if the restarter itself was killed.
    public var processGroupsPath: String { stateDirectory + "/process-groups" }
}
