import ArgumentParser
import Glibc
import JournalModel
import JournalUseCases

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find tasks and notes across all days, newest first.",
        discussion: """
            Every word must appear (in any case). A task carried over many days is shown once, \
            on the newest day it appears. Notes are searched too, unless --state, --due-before or --priority is given.

            Example: journal search oauth token
                     journal search --tag security --state unfinished
                     journal search --person alice --since 2025-01-01 --json
            """)

    @Argument(help: "Words the task or note must contain.") var words: [String] = []
    @Option(help: "Only with this #tag.") var tag: String?
    @Option(help: "Only mentioning this @person.") var person: String?
    @Option(help: "Only tasks in this state: open, in-progress, unfinished (open or in progress), done, cancelled or carried.")
    var state: StateFilter?
    @Option(name: .customLong("due-before"), help: ArgumentHelp("Only tasks due (📅) before DATE.", valueName: "DATE"),
            completion: Completions.date)
    var dueBefore: String?
    @Option(help: "Only tasks of this priority: highest, high, medium, low or lowest.") var priority: String?
    @Option(help: "Only days from this DATE.") var since: String?
    @Option(help: "Only days up to this DATE.") var until: String?
    @Option(name: .short, help: "At most N results.") var n: Int?
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func validate() throws {
        if let n, n < 1 { throw ValidationError("-n takes a positive number") }
        if words.isEmpty && tag == nil && person == nil && state == nil && dueBefore == nil && priority == nil {
            throw ValidationError("give words to search for, or --tag, --person, --state, --due-before or --priority")
        }
    }

    func run() throws {
        let journal = try options.open()
        var query = SearchQuery(words: words, tag: tag, person: person, states: state?.states,
                                since: try since.map { try options.day($0) }, until: try until.map { try options.day($0) })
        query.dueBefore = try dueBefore.map { try options.day($0, ahead: true) }
        query.priority = try priority.map(TaskFieldOptions.priority)
        let hits = try SearchDays(journal).run(query).prefix(n ?? .max)
        if json { return try Output.json(Array(hits)) }
        guard !hits.isEmpty else {
            if isatty(STDOUT_FILENO) == 1 { Output.usage("no matches") }
            throw ExitCode.failure
        }
        try options.page(journal)
        for hit in hits {
            let place = Style.dim("\(hit.date) L\(hit.line)")
            if let state = hit.state {
                print("\(place)  \(Style.forState(state, "[\(TaskLineFormat.box(state))] \(hit.text)"))\(hit.id.map { Style.dim(" ^" + $0) } ?? "")")
            } else {
                print("\(place)  \(hit.text)")
            }
        }
    }
}

/// What `--state` takes: a state, or `unfinished` for open and in progress together.
enum StateFilter: String, ExpressibleByArgument, CaseIterable {
    case open, inProgress = "in-progress", unfinished, done, cancelled, carried

    var states: Set<TaskState> {
        switch self {
        case .open: [.open]
        case .inProgress: [.inProgress]
        case .unfinished: [.open, .inProgress]
        case .done: [.done]
        case .cancelled: [.cancelled]
        case .carried: [.carried]
        }
    }
}
