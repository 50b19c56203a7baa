import ArgumentParser
import JournalUseCases

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an open task to a day (today by default).",
        discussion: """
            Example: journal add "Review the OAuth token validation in the auth module" --tag security
                     journal add "Send the postmortem" --date "next monday"
                     journal add "Architecture review" --at 10:00 --until 11:00
                     journal add "Send the ADR for review" --due friday --priority high
                     journal add "Check token expiry handling" --under 3

            Fields typed in the text as Obsidian Tasks writes them (📅 2025-01-24, ⏫) are read too.
            """)

    @Argument(help: "The task, one line. #tags and @people in it are recognised.") var text: String
    @Option(name: .long, help: ArgumentHelp("Append #TAG to the task (repeatable).", valueName: "TAG")) var tag: [String] = []
    @Option(name: .long, help: "The day to add to (default: today).", completion: Completions.date) var date: String?
    @Option(name: .long, help: ArgumentHelp("Nest it under this task of the same day (its number or id).", valueName: "TASK"),
            completion: Completions.task)
    var under: String?
    @OptionGroup var fields: TaskFieldOptions
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func run() throws {
        let journal = try options.open(command: .add, skippingVerification: verification.skipsHooks)
        let parent = try under.map { try TaskSelection.reference($0, option: "--under") }
        let added = try AddTask(journal).run(text, tags: tag, fields: try fields.fields(options), to: try options.day(date), under: parent)
        print("added \(added.number) \(TaskLineFormat.summary(id: added.task.id, text: added.task.text)) (\(added.day.iso))")
        if added.task.isOverdue(on: try options.today()) { print("note: it is overdue already (due \(added.task.fields.due!.iso))") }
        if added.startedDay, added.day == (try options.today()) {
            print("started \(added.day.iso); 'journal new' carries unfinished tasks into it")
        }
    }
}
