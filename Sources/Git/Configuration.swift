import CLibgit2

/// Git configuration: a read-only snapshot of every level, or one file to change.
public final class Configuration {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_config_free(pointer) }

    /// Which file a value came from, as `git config --show-scope` names it.
    public enum Scope: String, Sendable {
        case system, global, local, command

        init(_ level: git_config_level_t) {
            switch level {
            case GIT_CONFIG_LEVEL_LOCAL: self = .local
            case GIT_CONFIG_LEVEL_APP: self = .command
            case GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG: self = .global
            default: self = .system
            }
        }
    }

    /// The configuration of the user and the system (global, XDG and system files), for when
    /// there is no repository yet to ask.
    public static func userAndSystem() throws -> Configuration {
        _ = Libgit2.ready
        var config: OpaquePointer?
        try check(git_config_open_default(&config), "cannot read Git configuration")
        defer { git_config_free(config) }
        var snapshot: OpaquePointer?
        try check(git_config_snapshot(&snapshot, config), "cannot read Git configuration")
        return Configuration(snapshot!)
    }

    /// One configuration file, to change: `.git/config`, or `~/.gitconfig` for the user's.
    public static func file(at path: String) throws -> Configuration {
        _ = Libgit2.ready
        var config: OpaquePointer?
        try check(git_config_open_ondisk(&config, path), "cannot open the Git configuration \(path)")
        return Configuration(config!)
    }

    /// The value of `key`, or nil when no configuration file sets it.
    public func string(_ key: String) throws -> String? {
        try entry(key)?.value
    }

    /// The value of `key` and the scope of the file that set it (the most specific one).
    public func entry(_ key: String) throws -> (value: String, scope: Scope)? {
        var entry: UnsafeMutablePointer<git_config_entry>?
        let result = git_config_get_entry(&entry, pointer, key)
        if isAbsent(result, GIT_ENOTFOUND) { return nil }
        try check(result, "cannot read \(key) from Git configuration")
        defer { git_config_entry_free(entry) }
        return (String(cString: entry!.pointee.value), Scope(entry!.pointee.level))
    }

    /// Sets `key` in this configuration's file.
    public func set(_ key: String, to value: String) throws {
        try check(git_config_set_string(pointer, key, value), "cannot set \(key) in Git configuration")
    }

    /// Removes `key`; false when it was not set here.
    @discardableResult
    public func remove(_ key: String) throws -> Bool {
        let result = git_config_delete_entry(pointer, key)
        if isAbsent(result, GIT_ENOTFOUND) { return false }
        try check(result, "cannot remove \(key) from Git configuration")
        return true
    }
}
