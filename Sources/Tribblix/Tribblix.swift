import Output
// The Tribblix module: SVR4 package descriptors and zap overlays.
//
//   Overlay/     OverlayDescriptor (.ovl), OverlayPackageList (.pkgs),
//                OverlayCatalogLine, Overlay (all three files together)
//   Package/     PackageInfo, DependFile, Prototype, InstallScript,
//                RestartFMRIList, ServiceAccounts (passwd/group/user_attr),
//                AliasList, PackageCatalogLine, and TribblixPackage, which
//                renders the build-tree form and the pkgmk form
//   Parse/       position-keeping readers of every descriptor format
//   Lint/        one rule per type, grouped by format; TribblixLint is the
//                entry point (kind(ofPath:contents:), lint, rules)
//   Names/       the naming rules shared by models and linters
//
// Renderers return text and GeneratedFile/GeneratedTree values; nothing here
// touches the disk or prints.
