/// The SMF module: the service_bundle model, XML reading and rendering,
/// names and FMRIs, value syntax, DTD and semantic validation, the composed
/// instance view and method-token expansion. It knows nothing of clusters or
/// packaging.
public enum SMF {
    /// The DOCTYPE system id svccfg insists on (smf.md §1.3).
    public static let dtdSystemID = "/usr/share/lib/xml/dtd/service_bundle.dtd.1"
}
