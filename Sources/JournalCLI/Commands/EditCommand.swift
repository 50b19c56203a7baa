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
        if template {
            let edit = EditTemplate(journal)
            return try self.edit(journal, "the day template", prepare: edit.prepare, finish: edit.finish)
        }
        let day = try options.day(date)
        let edit = EditDay(journal)
        try self.edit(journal, day.iso, prepare: { try edit.prepare(of: day) }, finish: { try edit.finish(of: day) })
    }

    /// Opens the file `prepare` gives in the editor; on a clean exit `finish` commits it.
    private func edit(_ journal: Journal, _ name: String, prepare: () throws -> String, finish: () throws -> EditDay.Edited) throws {
        let path = try prepare()
        let editor = try options.settings(of: journal).editor
        let status = try Editor.run(editor, on: path)
        guard status == 0 else { throw JournalError.editorFailed(editor, status) }
        let edited = try finish()
        for problem in edited.problems { Output.warning(problem.description) }
        print(edited.committed ? "committed \(name)" : "no change to \(name)")
    }
}
