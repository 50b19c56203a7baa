import ArgumentParser
import JournalCore

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

            Example: journal config
                     journal config journal.weekStart sunday
                     journal config --global journal.editor "code -w"
            """)

    @Argument(help: "A setting's name (journal.KEY).") var key: String?
    @Argument(help: "The value to store.") var value: String?
    @Flag(help: "Store in your ~/.gitconfig, for every journal, rather than in this journal's .git/config.") var global = false
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func validate() throws {
        if global && value == nil { throw ValidationError("--global stores a value: give KEY and VALUE") }
        if let key, Settings.Key(rawValue: key) == nil {
            throw ValidationError("unknown setting '\(key)' (there are: \(Settings.Key.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        let key = self.key.flatMap(Settings.Key.init(rawValue:))
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
            print("\(setting.key.padding(to: width))  \(setting.value)  \(Style.dim("(\(setting.origin))"))")
        }
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
