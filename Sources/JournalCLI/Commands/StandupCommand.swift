import ArgumentParser
import JournalModel
import JournalUseCases

struct StandupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standup",
        abstract: "A stand-up summary in Markdown, ready to paste.",
        discussion: """
            Done on the previous working day (the last earlier day with a list), in progress and \
            planned today, blocked (tasks tagged #blocked), and the unfinished tasks carried the \
            longest. Before 'journal new', today's plan is what new would carry.

            Example: journal standup
                     journal standup monday --json
            """)

    @Argument(help: "The day of the stand-up (default: today).", completion: Completions.date) var date: String?
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        let standup = try PrepareStandup(options.open()).run(on: try options.day(date))
        if json { return try Output.json(standup) }
        print("## Stand-up \(standup.date)")
        section("Done" + (standup.previousDay.map { " (\($0))" } ?? ""), standup.done)
        section("In progress", standup.inProgress)
        section("Planned", standup.planned)
        section("Blocked", standup.blocked)
        for (title, tasks) in [("Overdue", standup.overdue), ("Due today", standup.dueToday)] where !tasks.isEmpty {
            print("\n**\(title)**")
            for dated in tasks { print("- \(dated.task.text)" + (title == "Overdue" ? " (due \(dated.task.fields.due!.iso))" : "")) }
        }
        if !standup.carriedLongest.isEmpty {
            section("Carried the longest", standup.carriedLongest) { task in
                " (since \(task.since), carried \(counted(task.timesCarried, "time")))"
            }
        }
        if !standup.recurring.isEmpty {
            print("\n**Recurring**")
            for summary in standup.recurring { print("- \(summary.description)") }
        }
    }

    private func section(_ title: String, _ tasks: [ReportedTask], detail: (ReportedTask) -> String = { _ in "" }) {
        print("\n**\(title)**")
        if tasks.isEmpty { print("- nothing") }
        for task in tasks { print("- \(task.text)\(detail(task))") }
    }
}
