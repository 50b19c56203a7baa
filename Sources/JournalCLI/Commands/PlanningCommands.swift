import ArgumentParser
import JournalModel
import JournalUseCases

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Defer tasks to another day: [>] → DATE here, the task and its unfinished subtasks there.",
        discussion: """
            The task keeps its id and history ('journal log' shows "moved 2025-01-22 → 2025-01-27"). \
            A day that has it already keeps that line. Several tasks move together, in one commit, or none does.

            Example: journal move 4 "next monday"
                     journal move 2 5 friday
            """)

    @Argument(help: ArgumentHelp("The tasks (numbers or ids), then the day to move them to (a date word: friday, next monday, +3, 2025-01-29).",
                                 valueName: "TASK... DATE"))
    var words: [String]
    @Option(name: .long, help: "The day whose numbering TASK refers to (default: today).", completion: Completions.date) var date: String?
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func run() throws {
        guard words.count >= 2 else { throw ValidationError("give the tasks, then the day to move them to: journal move 4 \"next monday\"") }
        let references = try words.dropLast().map { try TaskSelection.reference($0) }
        let target = try options.day(words.last!, ahead: true)
        let journal = try options.open(command: .move, skippingVerification: verification.skipsHooks)
        for moved in try MoveTasks(journal).run(references, to: target, near: try options.day(date), today: try options.today()) {
            print("moved \(TaskLineFormat.summary(id: moved.task.id, text: moved.task.text)) (\(moved.from.iso) → \(target.iso))")
        }
    }
}

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Delete tasks, with their subtasks and the lines under them.",
        discussion: """
            Unlike 'journal cancel', the task leaves the day: reports and 'diff' do not list it. \
            The history keeps it ('journal log ID' shows the deletion) and 'journal undo' brings it back.

            Example: journal rm 6
            """)

    @OptionGroup var selection: TaskSelection

    func run() throws {
        let journal = try selection.options.open(command: .remove, skippingVerification: selection.verification.skipsHooks)
        for removed in try RemoveTasks(journal).run(try selection.references(), near: try selection.options.day(selection.date)) {
            let with = removed.subtasks > 0 ? " with \(counted(removed.subtasks, "subtask"))" : ""
            print("removed \(TaskLineFormat.summary(id: removed.task.id, text: removed.task.text))\(with) (\(removed.day.iso))")
        }
    }
}

struct EditTaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit-task",
        abstract: "Reword a task or change its fields, without an editor.",
        discussion: """
            Its id, state, nesting and the lines under it stay; 'journal log' shows the rewording \
            and each field changed (due 2025-01-24 → 2025-01-29).

            Example: journal edit-task 4 "Send the ADR to the platform team"
                     journal edit-task 4 --due "next friday" --priority highest
                     journal edit-task 4 --clear due
            """)

    @Argument(help: "The task: its number in the day's list or its id.", completion: Completions.task) var task: String
    @Argument(help: "Its new words (fields typed in them are read too); none keeps them.") var text: String?
    @OptionGroup var fields: TaskFieldOptions
    @Option(name: .long, help: ArgumentHelp("Remove a field: due, scheduled, start, priority, time, until, done, created, cancelled or recurrence (repeatable).", valueName: "FIELD"))
    var clear: [String] = []
    @Option(name: .long, help: "The day whose numbering TASK refers to (default: today).", completion: Completions.date) var date: String?
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func run() throws {
        if let bad = clear.first(where: { !TaskFields.clearableNames.contains($0) }) {
            throw ValidationError("invalid --clear '\(typed(bad))': give \(TaskFields.clearableNames.joined(separator: ", "))")
        }
        if text == nil, fields.isEmpty, clear.isEmpty { throw ValidationError("give new words, a field option (--due, --priority…) or --clear FIELD") }
        let setAndCleared = [("due", fields.due), ("scheduled", fields.scheduled), ("priority", fields.priority), ("time", fields.at), ("until", fields.until)]
            .first { $0.1 != nil && clear.contains($0.0) }
        if let (name, _) = setAndCleared { throw ValidationError("--clear \(name) and a new \(name) at once: give one of the two") }
        let reference = try TaskSelection.reference(task)
        let journal = try options.open(command: .editTask, skippingVerification: verification.skipsHooks)
        let change = EditTask.Change(wording: text, fields: try fields.fields(options), clearing: Set(clear))
        let edited = try EditTask(journal).run(reference, near: try options.day(date), change)
        let summary = TaskLineFormat.summary(id: edited.task.id, text: edited.task.text)
        print(edited.changed ? "changed \(summary) (\(edited.day.iso))" : "unchanged: \(summary)")
    }
}
