/// A signed 65-bit number: enough for both `strtoull` and `strtoll` results
/// without platform-dependent 128-bit integers.
struct WideInt: Comparable, Hashable {
    var negative: Bool
    var magnitude: UInt64

    init(negative: Bool, magnitude: UInt64) {
        self.negative = negative && magnitude != 0
        self.magnitude = magnitude
    }

    init(_ value: Int64) {
        self.init(negative: value < 0, magnitude: value.magnitude)
    }

    static func < (lhs: WideInt, rhs: WideInt) -> Bool {
        switch (lhs.negative, rhs.negative) {
        case (true, false): true
        case (false, true): false
        case (false, false): lhs.magnitude < rhs.magnitude
        case (true, true): lhs.magnitude > rhs.magnitude
        }
    }
}
