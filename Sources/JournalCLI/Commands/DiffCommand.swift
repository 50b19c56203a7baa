import ArgumentParser
import JournalModel
import JournalUseCases

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two days task by task: done, new, carried, still open, dropped, cancelled, reworded, re-nested, moved.",
        discussion: """
            With no DATE: the latest earlier day against today. With one: the latest day before it \
            against it. With two: FROM against TO, however far apart. With --since, one day against \
            an earlier version of itself.

            dropped: unfinished in FROM and neither carried nor finished anywhere later.
            moved: left FROM and stands unfinished on a day after TO.

            Example: journal diff                       (yesterday's list against today's)
                     journal diff 2025-01-06 2025-01-10
                     journal diff --since 09:00         (what changed today since 9 o'clock)
            """)

    @Argument(help: "FROM and TO, or just TO (default: today).", completion: Completions.date) var dates: [String] = []
    @Option(help: ArgumentHelp("Compare DATE (default today) with its version at TIME (HH:MM, 'YYYY-MM-DD HH:MM') or at a commit.", valueName: "TIME|COMMIT"))
    var since: String?
    @Flag(help: "Print only the number of tasks in each section.") var stat = false
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func validate() throws {
        guard dates.count <= 2 else { throw ValidationError("give at most two dates, FROM and TO") }
        if since != nil && dates.count > 1 { throw ValidationError("--since compares one day with itself: give at most one DATE") }
    }

    func run() throws {
        let journal = try options.open()
        let comparison: DayComparison
        if let since {
            comparison = try CompareDays(journal).run(try options.day(dates.first), since: since)
        } else if dates.count == 2 {
            comparison = try CompareDays(journal).run(try options.day(dates[0]), try options.day(dates[1]))
        } else {
            comparison = try CompareDays(journal).run(nil, try options.day(dates.first))
        }
        if json { return try Output.json(comparison) }
        print("diff \(comparison.from) → \(comparison.to)")
        if stat {
            let counts = DayComparison.Section.allCases.map { "\($0.name) \(comparison.items(in: $0).count)" }
            print(counts.joined(separator: ", "))
            return
        }
        var printed = false
        for section in DayComparison.Section.allCases where !comparison.items(in: section).isEmpty {
            let items = comparison.items(in: section)
            print("\n" + DiffCommand.heading("\(section.name) (\(items.count))", of: section))
            for item in items { print("  " + DiffCommand.describe(item, in: section)) }
            printed = true
        }
        if !printed { print("no task changed") }
    }

    /// Green for what got done or added, red for what was lost, bold for the rest.
    private static func heading(_ text: String, of section: DayComparison.Section) -> String {
        switch section {
        case .done, .new: return Style.green(text)
        case .dropped, .cancelled: return Style.red(text)
        default: return Style.bold(text)
        }
    }

    static func describe(_ item: DayComparison.Item, in section: DayComparison.Section) -> String {
        let id = item.id.map { "^\($0) " } ?? ""
        switch section {
        case .reworded: return id + (item.words ?? item.text)
        case .changed: return id + TaskText(parsing: item.text).description + ": " + (item.words ?? "")
        case .renested:
            let place = { (parent: String?) in parent.map { "under ^\($0)" } ?? "top level" }
            return id + item.text + " (\(place(item.parentBefore)) → \(place(item.parentAfter)))"
        case .moved: return id + item.text + " → " + (item.day ?? "?")
        case .done, .cancelled: return id + item.text + (item.day.map { " (on \($0))" } ?? "")
        default: return id + item.text
        }
    }
}

extension DayComparison.Section {
    /// The section's heading, as `diff` and `sync --dry-run` print it.
    var name: String {
        switch self {
        case .done: return "done"
        case .new: return "new"
        case .carried: return "carried"
        case .stillOpen: return "still open"
        case .dropped: return "dropped"
        case .cancelled: return "cancelled"
        case .reworded: return "reworded"
        case .changed: return "changed"
        case .renested: return "re-nested"
        case .moved: return "moved"
        }
    }
}
