import ArgumentParser
import JournalModel
import JournalStore
import JournalUseCases

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a journal, or make one of the notes already in a folder.",
        discussion: """
            In a new or empty directory: a Git repository on branch main, readable by you only, \
            days kept as YYYY/MM/YYYY-MM-DD.md unless --layout says otherwise.

            In a Git repository of day files (clean, any branch, any history) or a folder of \
            Markdown notes (an Obsidian vault, a Logseq graph): the journal is made in place. A \
            folder becomes a repository with its files committed as they are; then one commit \
            adds the .journal marker and .gitattributes. The history stays (journal log follows \
            tasks back through it), no file is changed, and 'journal check' reports what it \
            finds. Without --layout, the layout most of the Markdown files follow is taken: \
            YYYY/MM/YYYY-MM-DD.md, Daily/YYYY-MM-DD.md (Obsidian), journals/YYYY_MM_DD.md \
            (Logseq; its TODO/DOING/DONE words are kept) or YYYY-MM-DD.md; when the Markdown \
            follows none of them, --layout says where the days are. Files that are not \
            days are notes beside them, left alone.

            Either way, Git's merge driver for day files is set in the journal's .git/config \
            with this journal binary's path, so a plain 'git pull' merges by task.

            Example: journal init --dir ~/work-journal
                     journal init --dir ~/vault --layout Daily/YYYY-MM-DD.md
                     journal init --mode 0640
            """)

    @Option(help: ArgumentHelp("Where days are kept: YYYY, MM and DD and literal text, ending in .md (default: YYYY/MM/YYYY-MM-DD.md, or the layout the notes follow). Kept in .journal, so every clone agrees.", valueName: "PATTERN"))
    var layout: String?
    @Option(help: ArgumentHelp("How tasks are written: checkboxes (- [ ] task) or logseq (- TODO task) (default: logseq for a Logseq graph, else checkboxes).", valueName: "WORDS"))
    var tasks: TaskWords?
    @Option(help: ArgumentHelp("The permissions of the journal's files, octal (default 0600: yours only; 0640 lets your group read). Kept as journal.fileMode; folders get x where files get r.", valueName: "MODE"))
    var mode: String?
    @OptionGroup var options: JournalOptions

    func run() throws {
        if let mode { try Settings.validate(mode, for: .fileMode, origin: "--mode") }
        let pattern = try layout.map { text in
            do { return try DayLayout(pattern: text) } catch { throw ValidationError("invalid --layout: \(error)") }
        }
        let outcome = try InitializeJournal(at: try options.location, environment: options.environment)
            .run(layout: pattern, taskWords: tasks, mode: mode)
        let journal = outcome.journal
        try journal.setMergeDriver(MergeFileCommand.driverCommand())
        let directory = journal.directory.dropLast()
        guard outcome.adopted else {
            print("created journal at \(directory)" + (journal.layout == .standard ? "" : ", days kept as \(journal.layout)"))
            print("next: journal new   (starts today's list)")
            return
        }
        let how = outcome.layoutFound ? " (the layout most of its files follow; --layout picks another)" : ""
        print("made a journal of \(directory): \(counted(outcome.days, "day")) kept as \(journal.layout)\(how), "
            + "\(counted(outcome.otherFiles, "other file")) left untouched")
        if journal.marker.taskWords == .logseq { print("tasks are read and written in Logseq's words (TODO, DOING, DONE, CANCELED)") }
        if let check = outcome.check {
            for problem in check.problems { print(problem.description) }
            let found = check.problems.isEmpty ? "no problems" : counted(check.problems.count, "problem")
            print("check: \(found) in \(counted(check.checkedFiles, "day file"))")
        }
        print("next: journal new   (starts today's list, carrying what the last day left open)")
    }
}

extension TaskWords: ExpressibleByArgument {}
