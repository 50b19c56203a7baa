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

            Example: EDITOR=nano journal edit yesterday
            """)

    @Argument(help: "The day (default: today).", completion: Completions.date) var date: String?
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func run() throws {
        let journal = try options.open(command: .edit, skippingVerification: verification.skipsHooks)
        let day = try options.day(date)
        let path = try EditDay(journal).prepare(of: day)
        let editor = try options.settings(of: journal).editor
        let status = try Editor.run(editor, on: path)
        guard status == 0 else { throw JournalError.editorFailed(editor, status) }
        let edited = try EditDay(journal).finish(of: day)
        for problem in edited.problems { Output.warning(problem.description) }
        print(edited.committed ? "committed \(day.iso)" : "no change to \(day.iso)")
    }
}
