import ArgumentParser
import JournalCore

/// The arguments of start, done, cancel and reopen: which task, on which day.
struct TaskSelection: ParsableArguments {
    @Argument(help: "The task: its number in the day's list, or its id (k7f3q or ^k7f3q).") var task: String
    @Option(name: .long, help: "The day whose numbering TASK refers to (default: today).") var date: String?
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func apply(_ state: TaskState, verb: String) throws {
        guard let reference = TaskReference(task) else {
            throw ValidationError("invalid task '\(task)': give its number in the day's list or its 5-character id")
        }
        let journal = try options.open(command: verb, skippingVerification: verification.skipsHooks)
        let change = try journal.setState(state, of: reference, near: try options.day(date), verb: verb)
        let summary = TaskLineFormat.summary(id: change.task.id, text: change.task.text)
        print(change.changed ? "\(verb) \(summary) (\(change.day.iso))" : "unchanged: \(summary) is already [\(TaskLineFormat.box(state))]")
    }
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Mark a task in progress: [/].", discussion: "Example: journal start 2")
    @OptionGroup var selection: TaskSelection
    func run() throws { try selection.apply(.inProgress, verb: "start") }
}

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark a task done: [x].", discussion: "Example: journal done 2")
    @OptionGroup var selection: TaskSelection
    func run() throws { try selection.apply(.done, verb: "done") }
}

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Mark a task cancelled: [-].", discussion: "Example: journal cancel k7f3q")
    @OptionGroup var selection: TaskSelection
    func run() throws { try selection.apply(.cancelled, verb: "cancel") }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Make a task open again: [ ].", discussion: "Example: journal reopen k7f3q")
    @OptionGroup var selection: TaskSelection
    func run() throws { try selection.apply(.open, verb: "reopen") }
}
