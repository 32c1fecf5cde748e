/// What the user chose on the command line.
public struct ConversionOptions: Hashable, Sendable {
    /// The FMRI category, the first part of the service name
    /// (`application`, `network`, `site`, …).
    public var category: String
    /// A service name for the only unit converted (`site/myapp`); nil to
    /// derive it from the unit's name.
    public var serviceName: String?
    /// Instances to add to every converted template (`name@.service`).
    public var instances: [String]
    /// Where the method scripts are installed on the illumos host.
    public var methodDirectory: String

    public init(category: String = "application", serviceName: String? = nil, instances: [String] = [],
                methodDirectory: String = "/lib/svc/method") {
        self.category = category
        self.serviceName = serviceName
        self.instances = instances
        self.methodDirectory = methodDirectory
    }
}
