import ArgumentParser
import JournalModel
import JournalUseCases

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How work flows: tasks per week, completion, days to finish, tasks carried too often, a heat map.",
        discussion: """
            Per week: tasks created (first seen), finished and cancelled. The completion rate is \
            the share of tasks created in the period that are done by its last day; days to finish run from a \
            task's first day to the day it was done. Unfinished tasks carried more than --carried \
            times are listed: they deserve a decision (do, delegate, or drop); finished ones have \
            had theirs. The heat map counts finished tasks per day; without colour it uses the \
            characters . - + * #. Without a period option the last 26 weeks are counted, or fewer \
            from the week of the journal's first day.

            Example: journal stats
                     journal stats --since 2025-01-01 --carried 5 --json
            """)

    @OptionGroup var period: PeriodOptions
    @Option(help: "List unfinished tasks carried more than N times (default 3).") var carried = 3
    @Flag(help: "Print JSON for scripts.") var json = false
    @Flag(help: "Print one self-contained HTML page: the heat map and the weekly table.") var html = false
    @Option(help: ArgumentHelp("With --html: write the page to FILE instead of printing it.", valueName: "FILE")) var out: String?
    @OptionGroup var options: JournalOptions

    func validate() throws {
        if carried < 0 { throw ValidationError("--carried takes a number of times, 0 or more") }
        if html && json { throw ValidationError("--html and --json each choose the format: give one") }
        if out != nil && !html { throw ValidationError("--out writes the HTML page: give it with --html") }
    }

    func run() throws {
        let journal = try options.open()
        let weekStart = try options.settings(of: journal).weekStart
        let (start, end) = try period.period(options, weekStart: weekStart) { end in
            let halfYear = end.startOfWeek(weekStart).adding(days: -7 * 25) ?? end
            guard let first = try? journal.firstDay(), first > halfYear else { return halfYear }
            return min(first, end).startOfWeek(weekStart)
        }
        let stats = try CountStats(journal).run(from: start, through: end, weekStart: weekStart, carriedThreshold: carried)
        if json { return try Output.json(stats) }
        if html { return try Output.emit(page(stats, weekStart: weekStart), to: out) }
        try options.page(journal)
        print(Style.bold("\(stats.since) to \(stats.until)"))
        print("\nweek of       created  finished  cancelled")
        for week in stats.weeks {
            print("\(week.start)  \(column(week.created, 7))  \(column(week.finished, 8))  \(column(week.cancelled, 9))")
        }
        print("")
        print("completion rate: \(stats.completionRate.map { "\(Int(($0 * 100).rounded()))% of the tasks created" } ?? "no task created")")
        print("median days to finish: \(stats.medianDaysToFinish.map(StatsCommand.number) ?? "none finished")")
        print("\ncarried more than \(counted(stats.carriedThreshold, "time")):")
        if stats.carriedOften.isEmpty { print("  none") }
        for task in stats.carriedOften {
            print("  \(task.timesCarried)×  \(task.text)\(task.id.map { Style.dim(" ^" + $0) } ?? "")  (since \(task.since))")
        }
        if !stats.recurring.isEmpty { print("\nrecurring:") }
        for summary in stats.recurring { print("  \(summary.description); streak \(summary.streak)") }
        print("\nfinished per day:")
        for line in HeatMap.lines(stats.days, weekStart: weekStart) { print(line) }
    }

    /// The heat map, the completion figures and the weekly table as one HTML page.
    private func page(_ stats: JournalStats, weekStart: Weekday) -> String {
        let title = "Statistics \(stats.since) to \(stats.until)"
        let rate = stats.completionRate.map { "\(Int(($0 * 100).rounded()))% of the tasks created finished" } ?? "no task created"
        let median = stats.medianDaysToFinish.map { "median \(StatsCommand.number($0)) days to finish" } ?? "none finished"
        let rows = stats.weeks.map { "<tr><td>\($0.start)</td><td>\($0.created)</td><td>\($0.finished)</td><td>\($0.cancelled)</td></tr>" }
        let body = ["<h1>\(HTMLPage.escape(title))</h1>", "<p class=\"counts\">\(rate); \(median).</p>",
                    "<h2>Finished per day</h2>", HTMLPage.heatMap(stats.days.map { ($0.date, $0.finished) }, weekStart: weekStart),
                    "<h2>Per week</h2>",
                    "<table>\n<tr><th>week of</th><th>created</th><th>finished</th><th>cancelled</th></tr>\n" + rows.joined(separator: "\n") + "\n</table>"]
        return HTMLPage.document(title: title, body: body.joined(separator: "\n"))
    }

    private func column(_ value: Int, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - String(value).count)) + String(value)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format1: value)
    }
}

extension String {
    /// One decimal, without Foundation's formatter.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
