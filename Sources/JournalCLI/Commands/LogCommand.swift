import ArgumentParser
import JournalModel
import JournalUseCases

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The history of one task across days and edits, or of the whole journal.",
        discussion: """
            With TASK (an id, a number in today's list, or words matching one task's text): every \
            event of its life (created, reworded, state changes, carried, moved, re-nested, deleted, \
            restored), each with its commit and author, then a summary. Without TASK: the journal's \
            commits, newest first.

            The history is read from an index in .git/journal/ that is brought up to date from Git \
            on each call (and rebuilt when history was rewritten); it is never committed.

            Example: journal log m2d8a
                     journal log "OAuth token"
                     journal log --day yesterday -n 5
            """)

    @Argument(help: "The task: id, number in today's list, or words of its text.") var task: String?
    @Option(help: "Only commits that changed this day.") var day: String?
    @Option(help: "Only commits made on or after this day.") var since: String?
    @Option(help: "Only commits made on or before this day.") var until: String?
    @Option(name: .short, help: "At most N commits.") var n: Int?
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func validate() throws {
        if let n, n < 1 { throw ValidationError("-n takes a positive number") }
        if task != nil && (day != nil || since != nil || until != nil || n != nil) {
            throw ValidationError("--day, --since, --until and -n filter the journal's history: give them without TASK")
        }
    }

    func run() throws {
        let journal = try options.open()
        let progress = Output.progress("indexing history", unit: "commits")
        if let task {
            let log = try TaskHistory(journal).log(task, today: try options.today(), progress: progress)
            if json { return try Output.json(log) }
            try options.page(journal)
            print("^\(log.task) \(log.text)")
            if let template = log.occurrenceOf {
                print("occurrence of ^\(template) in the day template" + (log.rule.map { " (🔁 \($0))" } ?? ""))
            }
            for event in log.events {
                let commit = event.commit
                print("\(commit?.localTime ?? "?")  \(Style.yellow(commit?.shortID ?? "?"))  \(LogCommand.describe(event))  (\(commit?.author ?? "?"))")
            }
            let summary = log.summary
            let box = TaskState(rawValue: summary.state).map { "[\(TaskLineFormat.box($0))]" } ?? summary.state
            print("created \(summary.created), \(counted(summary.ageDays, "day")) old, open \(counted(summary.daysOpen, "day")), carried \(counted(summary.timesCarried, "time")); now \(box) on \(summary.day)")
            return
        }
        let entries = try TaskHistory(journal).history(day: try day.map { try options.day($0) }, since: try since.map { try options.day($0) },
                                          until: try until.map { try options.day($0) }, limit: n, progress: progress)
        if json { return try Output.json(entries) }
        try options.page(journal)
        for entry in entries {
            print("\(entry.commit.localTime)  \(Style.yellow(entry.commit.shortID))  \(entry.commit.subject)")
        }
    }

    static func describe(_ event: TaskEvent) -> String {
        let box = { (state: String?) in state.flatMap(TaskState.init(rawValue:)).map { "[\(TaskLineFormat.box($0))]" } ?? "?" }
        let parent = { (id: String?) in id.map { "under ^\($0)" } ?? "top level" }
        switch event.kind {
        case .created: return "created on \(event.day) as \(box(event.to))"
        case .scheduled: return "scheduled for \(event.day) as \(box(event.to))"
        case .reworded: return "reworded: \(event.words ?? event.text)"
        case .field: return "\(event.words ?? "field") \(event.from ?? "(none)") → \(event.to ?? "(none)")"
        case .state: return "\(box(event.from)) → \(box(event.to)) on \(event.day)"
        case .carried: return "carried \(event.from ?? "?") → \(event.to ?? "?")"
        case .moved: return "moved \(event.from ?? "?") → \(event.to ?? "?")"
        case .renested: return "re-nested on \(event.day): \(parent(event.from)) → \(parent(event.to))"
        case .deleted: return "deleted from \(event.day)"
        case .restored: return "restored on \(event.day) as \(box(event.to))"
        case .withdrawn: return "copy on \(event.from ?? "?") withdrawn: finished on \(event.day)"
        case .named: return "given its id ^\(event.task) on \(event.day) (written without one before)"
        }
    }
}
