import ArgumentParser
import JournalStore
import JournalUseCases

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open a day in your editor (journal.editor, $VISUAL, $EDITOR, else vi); on exit the change is checked and committed.",
        discussion: """
            New tasks you type get ids; nothing you write is dropped. Problems (a wrong heading \
            date, an unknown [?] state) are reported as FILE:LINE: message.

            With --template it opens the day template, templates/day.md: what every day \
            'journal new' starts begins with (see 'journal recur --help').

            Example: EDITOR=nano journal edit yesterday
                     journal edit --template
            """)

    @Argument(help: "The day (default: today).", completion: Completions.date) var date: String?
    @Flag(help: "Edit the day template instead of a day.") var template = false
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func validate() throws {
        if template, let date { throw ValidationError("--template edits no day: drop '\(date)'") }
    }

    func run() throws {
        let journal = try options.open(command: template ? .recur : .edit, skippingVerification: verification.skipsHooks)
        if template { return try editTemplate(journal) }
        let day = try options.day(date)
        let path = try EditDay(journal).prepare(of: day)
        let editor = try options.settings(of: journal).editor
        let status = try Editor.run(editor, on: path)
        guard status == 0 else { throw JournalError.editorFailed(editor, status) }
        let edited = try EditDay(journal).finish(of: day)
        for problem in edited.problems { Output.warning(problem.description) }
        print(edited.committed ? "committed \(day.iso)" : "no change to \(day.iso)")
    }

    private func editTemplate(_ journal: Journal) throws {
        let path = try EditTemplate(journal).prepare()
        let editor = try options.settings(of: journal).editor
        let status = try Editor.run(editor, on: path)
        guard status == 0 else { throw JournalError.editorFailed(editor, status) }
        let edited = try EditTemplate(journal).finish()
        for problem in edited.problems { Output.warning(problem.description) }
        print(edited.committed ? "committed the day template" : "no change to the day template")
    }
}
