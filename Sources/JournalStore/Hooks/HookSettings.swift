import Git
import Glibc

/// Where the journal's hooks live and how long one may run, from the repository's Git
/// configuration (never from its files: those arrive by sync).
package struct HookSettings {
    package static let defaultTimeLimit = 60.0
    package static let timeLimitKey = Settings.Key.hookTimeout.rawValue

    package let directory: String
    package let timeLimit: Double
    private let journalTop: String
    private let gitFolder: String

    /// `core.hooksPath` as Git reads it (`~/` is the home folder, a relative path starts at the
    /// journal's top), else `.git/hooks`. A hooks folder among the journal's own files is
    /// refused: sync and clone write there, and a hook that arrived that way must never run.
    package init(configuration: Configuration, journalDirectory: String, gitDirectory: String, home: String?) throws {
        journalTop = HookSettings.resolved(journalDirectory)
        gitFolder = HookSettings.resolved(gitDirectory)
        if let configured = try configuration.string("core.hooksPath") {
            var path = configured
            if let home, path == "~" || path.hasPrefix("~/") { path = home + path.dropFirst() }
            if !path.hasPrefix("/") { path = journalDirectory + path }
            let resolved = HookSettings.resolved(path)
            guard !HookSettings.isAmong(resolved, filesOf: journalTop, outside: gitFolder) else {
                throw JournalError.hooksAmongJournalFiles(configured, String(journalDirectory.dropLast()))
            }
            directory = resolved + "/"
        } else {
            directory = gitDirectory + "hooks/"
        }
        if let (text, scope) = try configuration.entry(HookSettings.timeLimitKey) {
            try Settings.validate(text, for: .hookTimeout, origin: scope.rawValue)
            timeLimit = Double(text)!
        } else {
            timeLimit = HookSettings.defaultTimeLimit
        }
    }

    /// The hook's executable, if it is installed; one that is present but not executable, or a
    /// link to one of the journal's files, is reported through `ignored`.
    package func executable(_ hook: Hook, ignored: (String) -> Void) -> String? {
        let path = directory + hook.rawValue
        guard FileSystem.exists(path) else { return nil }
        guard !HookSettings.isAmong(HookSettings.resolved(path), filesOf: journalTop, outside: gitFolder) else {
            ignored("the \(hook.rawValue) hook (\(path)) was ignored because it leads among the journal's files, where sync writes")
            return nil
        }
        guard access(path, X_OK) == 0 else {
            ignored("the \(hook.rawValue) hook (\(path)) was ignored because it is not executable; chmod +x it to run it")
            return nil
        }
        return path
    }

    /// Whether `path` is in the journal's working tree but not in its `.git`: where sync and
    /// clone write what other machines committed.
    private static func isAmong(_ path: String, filesOf top: String, outside gitFolder: String) -> Bool {
        path == top || (path.hasPrefix(top + "/") && !(path + "/").hasPrefix(gitFolder + "/"))
    }

    /// The path with links and `..` resolved as far as it exists, without a trailing slash.
    private static func resolved(_ path: String) -> String {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let real = realpath(trimmed, nil) else {
            // Not there (yet): resolve the folder above, which must exist for the hooks to.
            guard let slash = trimmed.lastIndex(of: "/"), slash != trimmed.startIndex else { return trimmed }
            return resolved(String(trimmed[..<slash])) + trimmed[slash...]
        }
        defer { free(real) }
        return String(cString: real)
    }
}
