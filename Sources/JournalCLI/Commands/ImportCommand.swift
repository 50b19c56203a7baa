import ArgumentParser
import JournalModel
import JournalUseCases

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn Markdown task lists written elsewhere into days.",
        discussion: """
            GitHub task items (- [ ], * [x]) keep their state; plain bullets (-, *, +) and numbered \
            items (1., 2)) become open tasks; indentation becomes nesting; headings and other text \
            stay as notes, as written. Each task gets a fresh id. Without --date, a file's day is \
            the date of its 'Date:' line, else of its first heading, else of its name. Into a day \
            that exists, tasks whose text it has already (and note lines it has) are not added again.

            Every file is checked before anything is written; one missing, non-UTF-8 or undated \
            file imports nothing. All files are one commit.

            Example: journal import standup-2025-01-15.md
                     journal import notes/*.md
                     journal import meeting.md --date 2025-01-14
            """)

    @Argument(help: "The Markdown files.") var files: [String] = []
    @Option(help: "The day to import into (default: the date found in each file).") var date: String?
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE to import") }
    }

    func run() throws {
        let journal = try options.open(command: .import, skippingVerification: verification.skipsHooks)
        let day = try date.map { try options.day($0) }
        let imported = try ImportFiles(journal).run(files, date: day, progress: Output.progress("reading", unit: "files", from: 2))
        for file in imported {
            let already = file.alreadyThere > 0 ? " (\(file.alreadyThere) already there)" : ""
            print("imported \(file.name) into \(file.day.iso): \(counted(file.added, "task"))\(already)")
        }
    }
}
