import ArgumentParser
import FoundationEssentials
import JournalModel
import JournalStore

public struct JournalCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "A work journal: one Markdown task list per day, versioned in Git.",
        discussion: """
            Each day is YYYY/MM/YYYY-MM-DD.md (or the layout 'journal init --layout' chose) in a \
            Git repository: --dir (before or after the command), else JOURNAL_DIR, else the \
            journal the current folder is in (found as Git finds a repository), else journal.dir, \
            else ~/journal. Every change is one commit; files you edit by hand are committed by \
            the next journal command.

            DATE is today, yesterday, tomorrow, YYYY-MM-DD, -N or +N days, a weekday (the most \
            recent one, today included) or 'next WEEKDAY'. A TASK is its number in the day's list \
            (see 'journal show') or its id (k7f3q or ^k7f3q).

            Example: journal new && journal add "Prepare the design review" --tag review
            """,
        version: Version.text,
        // Every command, nested ones included, names itself (`commandName:`): ArgumentParser
        // otherwise derives each name with String(describing:), whose lookups in the Swift
        // runtime cost every process about a million instructions per unnamed command.
        subcommands: [
            InitCommand.self, NewCommand.self, AddCommand.self,
            StartCommand.self, DoneCommand.self, CancelCommand.self, ReopenCommand.self,
            MoveCommand.self, RemoveCommand.self, EditTaskCommand.self,
            EditCommand.self, ShowCommand.self, CheckCommand.self, StatusCommand.self, DiffCommand.self, LogCommand.self, MergeFileCommand.self,
            StandupCommand.self, ReportCommand.self, StatsCommand.self, SearchCommand.self, AgendaCommand.self,
            RemoteCommand.self, CloneCommand.self, SyncCommand.self, HooksCommand.self, ConfigCommand.self,
            RecurCommand.self, ImportCommand.self, ExportCommand.self, UndoCommand.self,
            DoctorCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line and returns the exit status: 0 success, 1 failure, 2 usage error.
    /// Failures, and arguments refused after parsing, are one line on standard error.
    public static func run(_ typed: [String]) -> Int32 {
        defer { Pager.finish() }
        let arguments = CommandLineWords.movingDirectoryOption(typed)
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        if let refusal = CommandLineWords.unknownCommand(in: arguments, commands: commands) {
            Output.error(refusal)
            return 2
        }
        do {
            var command = try parseAsRoot(CommandLineWords.prepare(arguments))
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            switch code {
            case .success:
                print(fullMessage(for: error))
                return 0
            case .validationFailure:
                // An argument the commands themselves refuse is one line, like a failure.
                if error is ValidationError { Output.error(message(for: error)) } else { Output.usage(fullMessage(for: error)) }
                if message(for: error).hasPrefix("Missing expected argument"), let hint = CommandLineWords.hintForDashedText(in: arguments) {
                    Output.usage(hint)
                }
                return 2
            case _ where isCommandLineError(error):
                Output.error(String(describing: error))
                return 2
            case _ where Output.candidates(of: error):
                return code.rawValue
            default:
                // The domain's errors (and the Git and SQLite errors under them) each say in one
                // line what was wrong and where.
                if !(error is ExitCode) {
                    Output.error(String(describing: error) + (error.indicatesDamage ? "; 'journal doctor' tells what is damaged and how to recover" : ""))
                }
                return code.rawValue
            }
        }
    }
}

/// A value on the command line that cannot be right (a date, a task's text, a tag, a period):
/// a usage error, as the parser's own refusals are.
func isCommandLineError(_ error: Error) -> Bool {
    if error is InvalidDate { return true }
    switch error as? JournalError {
    case .invalidSince, .invalidTaskText, .invalidTag, .emptyPeriod, .invalidRecurrence, .refusedRequest: return true
    default: return false
    }
}

/// The options every command that works on a journal takes.
struct JournalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The journal's directory or any folder in it (default: $JOURNAL_DIR, else the journal you are in, else journal.dir, else ~/journal).", valueName: "PATH"))
    var dir: String?

    @Option(name: .long, help: ArgumentHelp("Colour: auto (on a terminal), always or never (default: journal.color; NO_COLOR turns it off).", valueName: "WHEN"))
    var color: Settings.ColorChoice?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var chosenLocation: Settings.Value { get throws { try Settings.journalLocation(explicit: dir, explicitOrigin: "--dir", environment: environment) } }

    var location: String { get throws { try chosenLocation.value } }

    /// The journal; `command` is the journal command that runs (hooks see it), for those that
    /// commit. Colour is decided here, before any pager takes standard output.
    func open(command: CommandName? = nil, skippingVerification: Bool = false) throws -> Journal {
        let journal = try Journal.open(at: try location, environment: environment)
        journal.command = command
        journal.skipsRefusableHooks = skippingVerification
        journal.warn = Output.warning
        Style.isOn = Style.decide(try color ?? settings(of: journal).color)
        return journal
    }

    func settings(of journal: Journal) throws -> Settings { try journal.settings(location: try chosenLocation) }

    /// Sends the rest of standard output through the pager, on a terminal only, as Git does.
    func page(_ journal: Journal) throws {
        if let pager = try settings(of: journal).pager { try Pager.start(pager) }
    }

    func today() throws -> Day { try Clock(environment: environment).today() }

    /// A DATE argument; nil means today. `ahead`: a weekday alone is the coming one (a due date's).
    func day(_ text: String?, ahead: Bool = false) throws -> Day {
        let today = try today()
        return try text.map { try DayExpression.resolve($0, today: today, ahead: ahead) } ?? today
    }
}

extension Settings.ColorChoice: ExpressibleByArgument {}

/// For the commands that commit or push.
struct VerificationOption: ParsableArguments {
    @Flag(name: .customLong("no-verify"), help: "Run no pre-commit, commit-msg or pre-push hook (as git commit/push --no-verify).")
    var skipsHooks = false
}
