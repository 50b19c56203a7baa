import ArgumentParser
import JournalCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A Markdown summary of a period, for an email: finished by tag, still open, cancelled.",
        discussion: """
            Finished tasks are grouped by their first tag. Without a period option the report \
            covers this week so far.

            Example: journal report --week
                     journal report --since 2025-01-01 --until 2025-01-31 --tag security
                     journal report --month --json
            """)

    @OptionGroup var period: PeriodOptions
    @Option(help: "Only tasks with this tag.") var tag: String?
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        let journal = try options.open()
        let weekStart = try options.settings(of: journal).weekStart
        let (start, end) = try period.period(options, weekStart: weekStart) { $0.startOfWeek(weekStart) }
        let report = try journal.report(from: start, through: end, tag: tag)
        if json { return try Output.json(report) }
        try options.page(journal)
        let counts = report.counts
        print("# Report \(report.since) to \(report.until)\(report.tag.map { " (#\($0))" } ?? "")")
        print("\n\(counts.finished) finished, \(counts.open) still open, \(counts.cancelled) cancelled, \(counts.added) added.")
        print("\n## Finished")
        if report.finished.isEmpty { print("\n- nothing") }
        for group in report.finished {
            print("\n### \(group.tag.map { "#" + $0 } ?? "Untagged")")
            for task in group.tasks { print("- \(task.text) (\(task.day))") }
        }
        print("\n## Still open\n")
        if report.open.isEmpty { print("- nothing") }
        for task in report.open {
            let carried = task.timesCarried > 0 ? ", carried \(task.timesCarried)×" : ""
            print("- \(task.text) (since \(task.since)\(carried))")
        }
        print("\n## Cancelled\n")
        if report.cancelled.isEmpty { print("- nothing") }
        for task in report.cancelled { print("- \(task.text) (\(task.day))") }
    }
}
