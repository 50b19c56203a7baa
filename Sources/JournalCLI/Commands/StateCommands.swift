import ArgumentParser
import JournalModel
import JournalUseCases

/// The arguments of start, done, cancel and reopen: which tasks, on which day.
struct TaskSelection: ParsableArguments {
    @Argument(help: "The tasks: each its number in the day's list, or its id (k7f3q or ^k7f3q). Several change together, in one commit, or none does.",
              completion: Completions.task)
    var tasks: [String]
    @Option(name: .long, help: "The day whose numbering TASK refers to (default: today).", completion: Completions.date) var date: String?
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func validate() throws {
        guard !tasks.isEmpty else { throw ValidationError("give a task: its number in the day's list or its 5-character id") }
    }

    func apply(_ state: TaskState, verb: String) throws {
        let references = try references()
        let journal = try options.open(command: CommandName(settingStateTo: state), skippingVerification: verification.skipsHooks)
        let doneDate = try options.settings(of: journal).doneDate ? try options.today() : nil
        for change in try ChangeState(journal).run(state, of: references, near: try options.day(date), doneDate: doneDate) {
            let summary = TaskLineFormat.summary(id: change.task.id, text: change.task.text)
            print(change.changed ? "\(verb) \(summary) (\(change.day.iso))" : "unchanged: \(summary) is already [\(TaskLineFormat.box(state))]")
        }
    }
}

extension TaskSelection {
    func references() throws -> [TaskReference] { try tasks.map { try TaskSelection.reference($0) } }

    /// A task as the user named it, by number or id.
    static func reference(_ text: String, option: String? = nil) throws -> TaskReference {
        guard let reference = TaskReference(text) else {
            let what = option.map { "\($0) '\(typed(text))'" } ?? "task '\(typed(text))'"
            throw ValidationError("invalid \(what): give its number in the day's list or its 5-character id")
        }
        return reference
    }
}

/// An argument as the user typed it: `-3` reaches the commands as `−3` (see `CommandLineWords.prepare`).
func typed(_ argument: String) -> String {
    String(argument.map { $0 == "\u{2212}" ? "-" : $0 })
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Mark tasks in progress: [/].", discussion: "Example: journal start 2")
    @OptionGroup var selection: TaskSelection
    func run() throws { try selection.apply(.inProgress, verb: "start") }
}

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark tasks done: [x].", discussion: "Example: journal done 2 5 7")
    @OptionGroup var selection: TaskSelection
    func run() throws { try selection.apply(.done, verb: "done") }
}

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Mark tasks cancelled: [-].", discussion: "Example: journal cancel k7f3q")
    @OptionGroup var selection: TaskSelection
    func run() throws { try selection.apply(.cancelled, verb: "cancel") }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Make tasks open again: [ ].", discussion: "Example: journal reopen k7f3q")
    @OptionGroup var selection: TaskSelection
    func run() throws { try selection.apply(.open, verb: "reopen") }
}
