/// `METHOD_START`, `METHOD_STOP`, `METHOD_REFRESH` (method.c's `method_names`).
public enum MethodKind: String, Sendable {
    case start
    case stop
    case refresh
}
