/// The Tribblix descriptor formats smfkit can lint.
public enum DescriptorKind: String, Hashable, Sendable, CaseIterable {
    /// `<id>.ovl`, an overlay descriptor.
    case overlay
    /// `<id>.pkgs`, an overlay's package list (also zap's `deprecated.pkgs`).
    case overlayPackages
    /// zap's `deprecated.ovl`: overlay ids, one a line, sharing the suffix.
    case overlayList
    /// A repository `catalog` (overlay or package), or a client's cached copy.
    case catalog
    /// A zap repository definition, `/etc/zap/repositories/<name>.repo` or
    /// `.ovl` (`NAME=`, `DESC=`, `URL=`, `SIGNED=`).
    case repositoryDefinition
    /// pkginfo(5), either the build tree's fragment or the complete file.
    case pkginfo
    /// depend(5), `depend` or a per-arch `depend.<arch>`.
    case depend
    /// prototype(5).
    case prototype
    /// `restart_fmri_list`, the services create_pkg's scripts restart.
    case restartFMRIList
    /// `alias` / `alias.<arch>`, short names for `zap install`.
    case alias
    /// A package's `passwd` fragment (also /etc/passwd itself).
    case passwd
    /// A package's `group` fragment.
    case group
    /// A package's `user_attr` fragment.
    case userAttr
}
