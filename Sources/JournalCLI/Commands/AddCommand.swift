import ArgumentParser
import JournalUseCases

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an open task to a day (today by default).",
        discussion: """
            Example: journal add "Review the OAuth token validation in the auth module" --tag security
                     journal add "Send the postmortem" --date "next monday"
            """)

    @Argument(help: "The task, one line. #tags and @people in it are recognised.") var text: String
    @Option(name: .long, help: ArgumentHelp("Append #TAG to the task (repeatable).", valueName: "TAG")) var tag: [String] = []
    @Option(name: .long, help: "The day to add to (default: today).", completion: Completions.date) var date: String?
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func run() throws {
        let journal = try options.open(command: .add, skippingVerification: verification.skipsHooks)
        let added = try AddTask(journal).run(text, tags: tag, to: try options.day(date))
        print("added \(added.number) \(TaskLineFormat.summary(id: added.task.id, text: added.task.text)) (\(added.day.iso))")
        if added.startedDay, added.day == (try options.today()) {
            print("started \(added.day.iso); 'journal new' carries unfinished tasks into it")
        }
    }
}
