#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A passwd entry, as librestart reads it to set a method's credentials and
/// to resolve `:default` / `:home` working directories.
public struct Account: Hashable, Sendable {
    public var name: String
    public var uid: UInt32
    public var gid: UInt32
    public var home: String
}

/// The host's passwd and group databases (`getpwnam_r`, `getgrgid_r`, …).
/// A user or group is a name or, as librestart also accepts, a decimal id.
public enum Accounts {
    public static func user(_ nameOrID: String) -> Account? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        if getpwnam_r(nameOrID, &entry, &buffer, buffer.count, &result) == 0, let found = result {
            return account(found.pointee)
        }
        guard let id = UInt32(nameOrID),
              getpwuid_r(uid_t(id), &entry, &buffer, buffer.count, &result) == 0, let found = result
        else { return nil }
        return account(found.pointee)
    }

    /// The group's name, given its name or decimal id; nil if the group database has neither.
    public static func groupName(_ nameOrID: String) -> String? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        if getgrnam_r(nameOrID, &entry, &buffer, buffer.count, &result) == 0, let found = result {
            return String(cString: found.pointee.gr_name)
        }
        guard let id = UInt32(nameOrID) else { return nil }
        return groupName(id: id)
    }

    public static func groupName(id: UInt32) -> String? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrgid_r(gid_t(id), &entry, &buffer, buffer.count, &result) == 0, let found = result else {
            return nil
        }
        return String(cString: found.pointee.gr_name)
    }

    private static func account(_ entry: passwd) -> Account {
        Account(name: String(cString: entry.pw_name), uid: UInt32(entry.pw_uid), gid: UInt32(entry.pw_gid),
                home: String(cString: entry.pw_dir))
    }
}
