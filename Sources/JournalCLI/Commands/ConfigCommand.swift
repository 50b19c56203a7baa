import ArgumentParser
import JournalStore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "List journal's settings with where each came from, or read or set one.",
        discussion: """
            Settings are Git configuration under journal.*: the journal's own .git/config first, \
            then your ~/.gitconfig, then the system's. Some have an environment variable or a flag \
            that comes first.

              journal.dir          where the journal is (--dir, $JOURNAL_DIR first; ~/journal)
              journal.editor       the editor of 'journal edit' (before $VISUAL, $EDITOR; vi)
              journal.carry        on/off: whether 'journal new' carries unfinished tasks (on)
              journal.weekStart    the first day of a week, for reports and stats (monday)
              journal.hookTimeout  seconds a hook may run (60)
              journal.pager        the pager for long output ($JOURNAL_PAGER first, $PAGER; less -FRX)
              journal.color        auto, always or never (--color first, $NO_COLOR; auto)
              journal.fileMode     permissions of the files journal writes (0600; folders 0700)
              journal.defaultRemote  the remote 'journal sync' uses without --remote (origin)
              journal.syncTimeout  seconds one network step of a sync may take (30)
              journal.autoSync     what 'journal new' does with the remote first: off, fetch or sync (fetch)
              journal.carryHeading the heading 'journal new' puts carried tasks under, e.g. '## Carried' (none)

            Example: journal config
                     journal config weekStart sunday
                     journal config --global journal.editor "code -w"
                     journal config --unset weekStart
            """)

    @Argument(help: "A setting's name, with or without 'journal.' (weekStart, journal.weekStart).", completion: Completions.setting)
    var key: String?
    @Argument(help: "The value to store.") var value: String?
    @Flag(help: "Store in (or with --unset remove from) your ~/.gitconfig, for every journal, rather than this journal's .git/config.")
    var global = false
    @Flag(help: "Remove KEY, so that the next place in line (or the default) decides again.") var unset = false
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    /// KEY as typed, with or without its `journal.` prefix.
    private var settingKey: Settings.Key? {
        key.flatMap { Settings.Key(rawValue: $0) ?? Settings.Key(rawValue: "journal." + $0) }
    }

    func validate() throws {
        if let key, settingKey == nil {
            throw ValidationError("unknown setting '\(key)' (there are: \(Settings.Key.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if unset && (key == nil || value != nil) { throw ValidationError("--unset removes one setting: give KEY alone") }
        if global && value == nil && !unset { throw ValidationError("--global stores a value: give KEY and VALUE") }
    }

    func run() throws {
        let key = settingKey
        if let key, unset { return try remove(key) }
        if let key, let value {
            if global {
                try Settings.storeForUser(key, value, environment: options.environment)
            } else {
                // Not through options.open(), which uses the settings: a bad value must not stop its repair.
                try Journal.open(at: try options.location, environment: options.environment).store(key, value)
            }
            return print("\(key.rawValue) = \(value) (\(global ? "~/.gitconfig" : "the journal's .git/config"))")
        }
        let settings = try settingsWherever()
        let values = try key.map { [try settings.value(of: $0)] } ?? settings.all()
        if json { return try Output.json(values) }
        if key != nil { return print(values[0].value) }
        let width = values.map(\.key.count).max() ?? 0
        for setting in values {
            let value = setting.value.isEmpty ? "(none)" : setting.value
            print("\(setting.key.padding(to: width))  \(value)  \(Style.dim("(\(setting.origin))"))")
        }
    }

    private func remove(_ key: Settings.Key) throws {
        let removed = global
            ? try Settings.unsetForUser(key, environment: options.environment)
            : try Journal.open(at: try options.location, environment: options.environment).unset(key)
        let place = global ? "~/.gitconfig" : "the journal's .git/config"
        print(removed ? "\(key.rawValue) removed from \(place)" : "\(key.rawValue) was not set in \(place)")
    }

    /// The journal's settings, or the user's when there is no journal yet: `journal config` is
    /// also how to see where a new one would go.
    private func settingsWherever() throws -> Settings {
        let location = try options.chosenLocation
        do {
            return try options.settings(of: try options.open())
        } catch JournalError.noJournal(_), JournalError.notAJournal(_) {
            let settings = try Settings.withoutJournal(location: location, environment: options.environment)
            Style.isOn = Style.decide(try options.color ?? settings.color)
            return settings
        }
    }
}
