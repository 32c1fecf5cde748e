import Systemd

/// Every directive the converter reads, and advice for the ones it knows
/// to have no SMF equivalent. An assignment of any other key is reported
/// as unmapped, with the generic advice: nothing is dropped silently.
enum DirectiveTable {
    static let limits: [String: String] = [
        "LimitNOFILE": "-n", "LimitCORE": "-c", "LimitDATA": "-d", "LimitFSIZE": "-f", "LimitSTACK": "-s",
        "LimitAS": "-v", "LimitCPU": "-t",
    ]

    static let mapped: [String: Set<String>] = [
        "Unit": [
            "Description", "Documentation", "After", "Before", "Requires", "Requisite", "Wants", "BindsTo",
            "Conflicts", "RequiresMountsFor", "DefaultDependencies",
        ],
        "Service": Set([
            "Type", "ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload",
            "TimeoutSec", "TimeoutStartSec", "TimeoutStopSec", "User", "Group", "SupplementaryGroups",
            "WorkingDirectory", "Environment", "EnvironmentFile", "UMask", "AmbientCapabilities",
            "CapabilityBoundingSet", "RemainAfterExit", "PIDFile", "GuessMainPID", "Restart", "KillMode",
            "KillSignal", "StandardOutput", "StandardError", "PermissionsStartOnly",
        ]).union(limits.keys),
        "Install": ["WantedBy", "RequiredBy", "DefaultInstance"],
    ]

    static func isMapped(_ assignment: UnitAssignment) -> Bool {
        mapped[assignment.section]?.contains(assignment.key) ?? false
    }

    private static let sandboxing = "systemd's sandboxing has no SMF equivalent; on illumos confine the service "
        + "with a zone and with the least privileges in method_credential (privileges, limit_privileges)"
    private static let resources = "systemd's resource control has no SMF equivalent; use a project with "
        + "resource controls (method_context project=…) or the zone's capped-memory and CPU caps"
    private static let conditions = "SMF has no start conditions; test it at the top of a method script and "
        + "exit with SMF_EXIT_ERR_CONFIG (96) so the service goes to maintenance with a reason"
    private static let directories = "SMF does not create directories; create it in a method script "
        + "(mkdir -p, chown) or ship it in the package"
    private static let propagation = "SMF propagates restarts only along dependencies (restart_on); "
        + "declare a dependency if that is meant"

    /// Advice by key, for the directives seen in real units.
    static let advice: [String: String] = {
        var table: [String: String] = [:]
        for key in [
            "PrivateTmp", "PrivateDevices", "PrivateNetwork", "PrivateUsers", "PrivateMounts", "PrivateIPC",
            "ProtectSystem", "ProtectHome", "ProtectKernelTunables", "ProtectKernelModules", "ProtectKernelLogs",
            "ProtectControlGroups", "ProtectClock", "ProtectHostname", "ProtectProc", "ProcSubset",
            "ReadOnlyPaths", "ReadWritePaths", "InaccessiblePaths", "ExecPaths", "NoExecPaths", "BindPaths",
            "BindReadOnlyPaths", "TemporaryFileSystem", "RestrictAddressFamilies", "RestrictNamespaces",
            "RestrictRealtime", "RestrictSUIDSGID", "SystemCallFilter", "SystemCallArchitectures",
            "SystemCallErrorNumber", "MemoryDenyWriteExecute", "LockPersonality", "NoNewPrivileges",
            "IPAddressDeny", "IPAddressAllow", "DeviceAllow", "DevicePolicy", "RootDirectory", "RootImage",
            "MountAPIVFS", "KeyringMode", "RemoveIPC", "DynamicUser",
        ] { table[key] = sandboxing }
        for key in [
            "MemoryMax", "MemoryLimit", "MemoryHigh", "MemoryLow", "MemoryMin", "MemorySwapMax", "CPUQuota",
            "CPUWeight", "CPUShares", "TasksMax", "IOWeight", "BlockIOWeight", "Slice", "Delegate",
            "CPUAccounting", "MemoryAccounting", "TasksAccounting", "IOAccounting", "IPAccounting",
            "LimitNPROC", "LimitMEMLOCK", "LimitRSS", "LimitLOCKS", "LimitSIGPENDING", "LimitMSGQUEUE",
            "LimitNICE", "LimitRTPRIO", "LimitRTTIME", "ManagedOOMPreference", "ManagedOOMSwap",
            "ManagedOOMMemoryPressure",
        ] { table[key] = resources }
        for key in [
            "ConditionPathExists", "ConditionPathExistsGlob", "ConditionPathIsDirectory", "ConditionPathIsMountPoint",
            "ConditionPathIsReadWrite", "ConditionPathIsSymbolicLink", "ConditionDirectoryNotEmpty",
            "ConditionFileNotEmpty", "ConditionFileIsExecutable", "ConditionKernelCommandLine", "ConditionVirtualization",
            "ConditionSecurity", "ConditionCapability", "ConditionNeedsUpdate", "ConditionFirstBoot",
            "ConditionACPower", "ConditionHost", "ConditionArchitecture", "ConditionControlGroupController",
            "ConditionCredential", "ConditionEnvironment", "ConditionUser", "ConditionGroup", "ConditionMemory",
            "ConditionCPUs", "ConditionOSRelease", "ConditionKernelVersion", "ConditionPathIsEncrypted",
            "AssertPathExists", "AssertPathIsDirectory", "AssertFileNotEmpty", "AssertPathIsMountPoint",
            "AssertPathIsReadWrite", "AssertKernelCommandLine", "AssertCredential", "AssertVirtualization",
        ] { table[key] = conditions }
        for key in [
            "RuntimeDirectory", "RuntimeDirectoryMode", "RuntimeDirectoryPreserve", "StateDirectory",
            "StateDirectoryMode", "CacheDirectory", "CacheDirectoryMode", "LogsDirectory", "LogsDirectoryMode",
            "ConfigurationDirectory", "ConfigurationDirectoryMode",
        ] { table[key] = directories }
        for key in [
            "PartOf", "ReloadPropagatedFrom", "PropagatesReloadTo", "PropagatesStopTo", "StopPropagatedFrom",
            "JoinsNamespaceOf", "OnFailure", "OnSuccess", "OnFailureJobMode", "Upholds",
        ] { table[key] = propagation }
        table["RestartSec"] = "svc.startd restarts a failed service at once and puts one that fails "
            + "too often into maintenance; it has no restart delay"
        table["StartLimitIntervalSec"] = "svc.startd's own fixed restart rate limit applies"
        table["StartLimitInterval"] = table["StartLimitIntervalSec"]
        table["StartLimitBurst"] = table["StartLimitIntervalSec"]
        table["StartLimitAction"] = table["StartLimitIntervalSec"]
        table["SyslogIdentifier"] = "SMF writes a service's output to its own log, /var/svc/log/<FMRI>.log; "
            + "there is no identifier to set"
        table["SyslogFacility"] = table["SyslogIdentifier"]
        table["SyslogLevel"] = table["SyslogIdentifier"]
        table["SyslogLevelPrefix"] = table["SyslogIdentifier"]
        table["LogLevelMax"] = table["SyslogIdentifier"]
        table["StandardInput"] = "SMF methods read from /dev/null"
        table["TTYPath"] = "SMF methods have no terminal"
        table["TTYReset"] = table["TTYPath"]
        table["TTYVHangup"] = table["TTYPath"]
        table["TTYVTDisallocate"] = table["TTYPath"]
        table["OOMScoreAdjust"] = "illumos has no OOM killer score; reserve swap or cap the zone's memory instead"
        table["OOMPolicy"] = table["OOMScoreAdjust"]
        table["Nice"] = "use priocntl(1) in a method script or a project's process.max-* controls"
        table["IOSchedulingClass"] = table["Nice"]
        table["IOSchedulingPriority"] = table["Nice"]
        table["CPUSchedulingPolicy"] = table["Nice"]
        table["CPUSchedulingPriority"] = table["Nice"]
        table["CPUAffinity"] = "use psrset(8) or pbind(8) in a method script"
        table["SuccessExitStatus"] = "svc.startd reads only a method's exit status: 0, or the SMF_EXIT_* codes"
        table["RestartPreventExitStatus"] = table["SuccessExitStatus"]
        table["RestartForceExitStatus"] = table["SuccessExitStatus"]
        table["NotifyAccess"] = "SMF has no readiness protocol: a child service is online once its start method runs"
        table["WatchdogSec"] = "SMF has no watchdog; a monitoring service can svcadm restart it"
        table["BusName"] = "SMF does not own D-Bus names; the daemon claims its name itself"
        table["Sockets"] = "SMF does not pass sockets; convert socket activation to an inetd service (inetadm) by hand"
        table["FileDescriptorStoreMax"] = "SMF keeps no file descriptors across restarts"
        table["Alias"] = "SMF has no alias names; refer to the service by its FMRI"
        table["Also"] = "convert the named units in the same run"
        table["IgnoreOnIsolate"] = "SMF has no isolate; milestones decide what runs"
        table["AllowIsolate"] = table["IgnoreOnIsolate"]
        table["RefuseManualStart"] = "every SMF service can be enabled and disabled by an authorised user"
        table["RefuseManualStop"] = table["RefuseManualStart"]
        table["StopWhenUnneeded"] = "SMF does not stop services no one depends on"
        table["CollectMode"] = "SMF keeps every service's state"
        table["SendSIGKILL"] = "svc.startd kills what is left of the contract when the stop method times out"
        table["SendSIGHUP"] = table["SendSIGKILL"]
        table["FinalKillSignal"] = table["SendSIGKILL"]
        table["TimeoutAbortSec"] = table["SendSIGKILL"]
        table["UtmpIdentifier"] = "SMF does not write utmp records; the program must"
        table["UtmpMode"] = table["UtmpIdentifier"]
        table["PAMName"] = "SMF methods do not open a PAM session"
        table["IgnoreSIGPIPE"] = "SMF methods start with SIGPIPE at its default"
        table["LoadCredential"] = "SMF has no credentials store; keep secrets in 0600 files the method reads"
        table["SetCredential"] = table["LoadCredential"]
        table["LoadCredentialEncrypted"] = table["LoadCredential"]
        table["SetCredentialEncrypted"] = table["LoadCredential"]
        table["UnsetEnvironment"] = "SMF starts methods with a fixed, small environment; unset it in a method script"
        table["PassEnvironment"] = "SMF starts methods with a fixed, small environment; set the variable with "
            + "method_environment"
        return table
    }()

    static let generic = "smfkit knows no SMF equivalent; read systemd.directives(7) for what it does and carry "
        + "it over by hand if it matters"
}
