import Git
import JournalModel

/// journal's settings: Git configuration under `journal.*` (the journal's own `.git/config`, then
/// the user's and the system's), with the environment variables and flags that come before it
/// and a default after. `journal config` lists each with where it came from.
public struct Settings {
    public enum Key: String, CaseIterable, Sendable {
        case dir = "journal.dir"
        case editor = "journal.editor"
        case carry = "journal.carry"
        case weekStart = "journal.weekStart"
        case hookTimeout = "journal.hookTimeout"
        case pager = "journal.pager"
        case color = "journal.color"
        case fileMode = "journal.fileMode"
        case defaultRemote = "journal.defaultRemote"
        case syncTimeout = "journal.syncTimeout"
        case autoSync = "journal.autoSync"
        case carryHeading = "journal.carryHeading"
        case doneDate = "journal.doneDate"

        /// What a value may be, for errors and `journal config --help`.
        public var expected: String {
            switch self {
            case .dir: return "a path"
            case .editor, .pager: return "a command, run by the shell"
            case .carry, .doneDate: return "on or off"
            case .weekStart: return "a weekday, for example monday"
            case .hookTimeout, .syncTimeout: return "seconds, for example 60 (at most 86400)"
            case .color: return "auto, always or never"
            case .fileMode: return "an octal mode its owner can read and write, without execute bits, for example 0600 or 0640"
            case .defaultRemote: return "a remote's name, for example origin"
            case .autoSync: return "off, fetch or sync"
            case .carryHeading: return "a Markdown heading, for example '## Carried', or nothing"
            }
        }
    }

    /// A setting's effective value and where it came from: a flag (`--dir`), an environment
    /// variable (`$EDITOR`), a configuration scope (`local`, `global`, `system`), or `default`.
    public struct Value: Equatable, Sendable {
        public let key: String
        public let value: String
        public let origin: String
    }

    public enum ColorChoice: String, CaseIterable, Sendable { case auto, always, never }

    /// What `journal new` does with the default remote first: nothing, bring in what it has
    /// (fetch and merge), or that and push the new day afterwards.
    public enum AutoSync: String, CaseIterable, Sendable { case off, fetch, sync }

    package let configuration: Configuration
    package let environment: [String: String]
    /// What the journal's location was chosen from, which the configuration cannot tell.
    package let location: Value

    public func value(of key: Key) throws -> Value {
        switch key {
        case .dir:
            return location
        case .editor:
            return try configured(key) ?? fromEnvironment(key, "VISUAL", "EDITOR") ?? Value(key: key.rawValue, value: "vi", origin: "default")
        case .pager:
            // As in Git, a pager variable set to nothing turns paging off.
            return try fromEnvironment(key, "JOURNAL_PAGER", keepingEmpty: true) ?? configured(key) ?? fromEnvironment(key, "PAGER", keepingEmpty: true)
                ?? Value(key: key.rawValue, value: "less -FRX", origin: "default")
        case .color:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
                return Value(key: key.rawValue, value: ColorChoice.never.rawValue, origin: "$NO_COLOR")
            }
            return try configured(key) ?? Value(key: key.rawValue, value: ColorChoice.auto.rawValue, origin: "default")
        case .carry:
            return try configured(key) ?? Value(key: key.rawValue, value: "on", origin: "default")
        case .weekStart:
            return try configured(key) ?? Value(key: key.rawValue, value: Weekday.monday.rawValue, origin: "default")
        case .hookTimeout:
            return try configured(key) ?? Value(key: key.rawValue, value: String(Int(HookSettings.defaultTimeLimit)), origin: "default")
        case .fileMode:
            return try configured(key) ?? Value(key: key.rawValue, value: FileMode.ownerOnly.octal, origin: "default")
        case .defaultRemote:
            return try configured(key) ?? Value(key: key.rawValue, value: "origin", origin: "default")
        case .syncTimeout:
            return try configured(key) ?? Value(key: key.rawValue, value: "30", origin: "default")
        case .autoSync:
            return try configured(key) ?? Value(key: key.rawValue, value: AutoSync.fetch.rawValue, origin: "default")
        case .carryHeading:
            return try configured(key) ?? Value(key: key.rawValue, value: "", origin: "default")
        case .doneDate:
            return try configured(key) ?? Value(key: key.rawValue, value: "off", origin: "default")
        }
    }

    /// Every setting, checked: a value that cannot be used is an error naming it.
    public func all() throws -> [Value] {
        try Key.allCases.map { key in
            let value = try value(of: key)
            try Settings.validate(value.value, for: key, origin: value.origin)
            return value
        }
    }

    public var editor: String { get throws { try value(of: .editor).value } }

    /// The pager for long output, or nil when it is set to `cat` or to nothing, as in Git.
    public var pager: String? {
        get throws {
            let command = try value(of: .pager).value
            return command.isEmpty || command == "cat" ? nil : command
        }
    }

    public var carries: Bool { get throws { try Settings.isOn(checked(.carry)) } }

    /// Whether `journal done` writes Obsidian's done date, `✅ YYYY-MM-DD`.
    public var doneDate: Bool { get throws { try Settings.isOn(checked(.doneDate)) } }

    public var weekStart: Weekday { get throws { Weekday(rawValue: try checked(.weekStart).lowercased())! } }

    public var color: ColorChoice { get throws { ColorChoice(rawValue: try checked(.color))! } }

    /// The remote `journal sync` uses without `--remote`.
    public var defaultRemote: String { get throws { try checked(.defaultRemote) } }

    public var autoSync: AutoSync { get throws { AutoSync(rawValue: try checked(.autoSync).lowercased())! } }

    /// The heading `journal new` puts carried tasks under (`## Carried`), or nil: after the rest.
    public var carryHeading: String? {
        get throws {
            let heading = try checked(.carryHeading)
            return heading.isEmpty ? nil : heading
        }
    }

    /// How long one network step of a sync may take, in seconds.
    public var syncTimeout: Double { get throws { Double(try checked(.syncTimeout))! } }

    /// Refuses a value the key cannot take, before it is stored or used.
    public static func validate(_ value: String, for key: Key, origin: String? = nil) throws {
        let valid: Bool
        switch key {
        case .dir, .editor, .pager: valid = key == .pager || !value.isEmpty
        case .carry, .doneDate: valid = onWords.contains(value.lowercased()) || offWords.contains(value.lowercased())
        case .weekStart: valid = Weekday(rawValue: value.lowercased()) != nil
        case .hookTimeout, .syncTimeout: valid = Double(value).map { $0 > 0 && $0 <= 86_400 } ?? false
        case .color: valid = ColorChoice(rawValue: value) != nil
        case .fileMode: valid = FileMode(octal: value) != nil
        case .autoSync: valid = AutoSync(rawValue: value.lowercased()) != nil
        case .defaultRemote: valid = !value.isEmpty && !value.contains(where: { $0.isWhitespace || $0 == "/" })
        case .carryHeading:
            let hashes = value.prefix { $0 == "#" }.count
            let title = value.dropFirst(hashes)
            valid = value.isEmpty || (1...6).contains(hashes) && title.first == " " && title.contains { $0 != " " }
        }
        guard valid else { throw JournalError.invalidSetting(key.rawValue, value, key.expected, origin: origin) }
    }

    private static let onWords: Set = ["on", "true", "yes", "1"]
    private static let offWords: Set = ["off", "false", "no", "0"]

    private static func isOn(_ value: String) -> Bool { onWords.contains(value.lowercased()) }

    private func checked(_ key: Key) throws -> String {
        let value = try value(of: key)
        try Settings.validate(value.value, for: key, origin: value.origin)
        return value.value
    }

    private func configured(_ key: Key) throws -> Value? {
        try configuration.entry(key.rawValue).map { Value(key: key.rawValue, value: $0.value, origin: $0.scope.rawValue) }
    }

    private func fromEnvironment(_ key: Key, _ names: String..., keepingEmpty: Bool = false) -> Value? {
        for name in names {
            if let value = environment[name], keepingEmpty || !value.isEmpty { return Value(key: key.rawValue, value: value, origin: "$" + name) }
        }
        return nil
    }
}

extension Settings {
    /// Where the journal is: `explicit` (from where `explicitOrigin` says), else `$JOURNAL_DIR`,
    /// else the journal the current folder is in (as Git finds a repository), else `journal.dir`
    /// in the user's or the system's Git configuration (never the journal's own, which is inside
    /// it), else `~/journal`; made absolute, `~/` expanded.
    public static func journalLocation(explicit: String?, explicitOrigin: String,
                                       environment: [String: String]) throws -> Value {
        let key = Key.dir.rawValue
        if let explicit { return Value(key: key, value: FileSystem.absolute(explicit), origin: explicitOrigin) }
        if let variable = environment["JOURNAL_DIR"], !variable.isEmpty {
            return Value(key: key, value: FileSystem.absolute(variable), origin: "$JOURNAL_DIR")
        }
        if let top = Journal.top(enclosing: ".") { return Value(key: key, value: top, origin: "the current folder") }
        let home = environment["HOME"] ?? "."
        if let (configured, scope) = try Configuration.userAndSystem().entry(key) {
            let expanded = configured == "~" || configured.hasPrefix("~/") ? home + configured.dropFirst() : configured
            return Value(key: key, value: FileSystem.absolute(expanded), origin: scope.rawValue)
        }
        return Value(key: key, value: FileSystem.absolute(home + "/journal"), origin: "default")
    }

    /// The settings before any journal is opened (for `journal init` and `journal clone`).
    public static func withoutJournal(location: Value, environment: [String: String]) throws -> Settings {
        Settings(configuration: try Configuration.userAndSystem(), environment: environment, location: location)
    }
}

extension Journal {
    /// The settings as this journal sees them: its own configuration first.
    public func settings(location: Settings.Value) throws -> Settings {
        Settings(configuration: try configuration(), environment: environment, location: location)
    }

    /// Stores a setting in the journal's own `.git/config`; `journal.dir` says where the journal
    /// is, so it belongs in the user's configuration instead.
    public func store(_ key: Settings.Key, _ value: String) throws {
        guard key != .dir else { throw JournalError.settingBelongsToUser(key.rawValue) }
        try Settings.validate(value, for: key)
        try Configuration.file(at: repository.gitDirectory + "config").set(key.rawValue, to: value)
    }

    /// Removes a setting from the journal's own `.git/config`; false when it was not set there.
    public func unset(_ key: Settings.Key) throws -> Bool {
        try Configuration.file(at: repository.gitDirectory + "config").remove(key.rawValue)
    }
}

extension Settings {
    /// Stores a setting in the user's `~/.gitconfig`, for every journal.
    public static func storeForUser(_ key: Key, _ value: String, environment: [String: String]) throws {
        try validate(value, for: key)
        try userFile(environment).set(key.rawValue, to: value)
    }

    /// Removes a setting from the user's `~/.gitconfig`; false when it was not set there.
    public static func unsetForUser(_ key: Key, environment: [String: String]) throws -> Bool {
        try userFile(environment).remove(key.rawValue)
    }

    private static func userFile(_ environment: [String: String]) throws -> Configuration {
        try Configuration.file(at: (environment["HOME"] ?? ".") + "/.gitconfig")
    }
}
