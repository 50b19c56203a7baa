import CLibgit2

/// A read-only snapshot of Git configuration.
public final class Configuration {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_config_free(pointer) }

    /// The value of `key`, or nil when no configuration file sets it.
    public func string(_ key: String) throws -> String? {
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, pointer, key)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "cannot read \(key) from Git configuration")
        return value.map { String(cString: $0) }
    }
}
