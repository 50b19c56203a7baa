import ArgumentParser
import JournalModel
import JournalUseCases

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A Markdown summary of a period, for an email: finished by tag, still open, cancelled.",
        discussion: """
            Finished tasks are grouped by their first tag (--group-by day lists them by the day \
            they were finished, --group-by none in one list). A subtask has its parents' tags. \
            Without a period option the report covers this week so far. --plain leaves out \
            #tags and dates, for people who do not read them; --with-notes adds the lines \
            written under each finished task (a link, a sentence).

            Example: journal report --week
                     journal report --week --exclude-tag standup --exclude-tag personal --plain --with-notes
                     journal report --since 2025-01-01 --until 2025-01-31 --tag security
                     journal report --month --json
            """)

    enum Grouping: String, ExpressibleByArgument, CaseIterable { case tag, day, none }

    @OptionGroup var period: PeriodOptions
    @Option(help: "Only tasks with this tag.") var tag: String?
    @Option(name: .customLong("exclude-tag"), help: "Leave out tasks with this tag (repeatable).") var excludedTags: [String] = []
    @Flag(name: .customLong("exclude-recurring"), help: "Leave out the occurrences of recurring tasks.") var excludesRecurring = false
    @Option(name: .customLong("group-by"), help: "Group finished tasks by tag, day or none.") var grouping: Grouping = .tag
    @Flag(help: "Leave out #tags and dates.") var plain = false
    @Flag(name: .customLong("with-notes"), help: "Add the lines written under each finished task.") var withNotes = false
    @Flag(help: "Print JSON for scripts.") var json = false
    @Flag(help: "Print one self-contained HTML page (inline CSS, no script, nothing fetched), for an email.") var html = false
    @Option(help: ArgumentHelp("With --html: write the page to FILE instead of printing it.", valueName: "FILE")) var out: String?
    @OptionGroup var options: JournalOptions

    func validate() throws {
        if html && json { throw ValidationError("--html and --json each choose the format: give one") }
        if out != nil && !html { throw ValidationError("--out writes the HTML page: give it with --html") }
    }

    func run() throws {
        let journal = try options.open()
        let weekStart = try options.settings(of: journal).weekStart
        let (start, end) = try period.period(options, weekStart: weekStart) { $0.startOfWeek(weekStart) }
        let report = try ReportPeriod(journal).run(from: start, through: end, tag: tag, excluding: excludedTags,
                                                   excludingRecurring: excludesRecurring)
        if html { return try Output.emit(page(report, from: start, through: end, weekStart: weekStart), to: out) }
        if json { return try Output.json(report) }
        try options.page(journal)
        let counts = report.counts
        print("# Report \(report.since) to \(report.until)\(report.tag.map { plain ? "" : " (#\($0))" } ?? "")")
        print("\n\(counts.finished) finished, \(counts.open) still open, \(counts.cancelled) cancelled, \(counts.added) added.")
        print("\n## Finished")
        if report.finished.isEmpty { print("\n- nothing") }
        for (heading, tasks) in finishedGroups(report) {
            print(heading.map { "\n### \($0)" } ?? "")
            for task in tasks {
                print("- \(text(of: task))\(dated(task.day))")
                if withNotes { for note in task.notes { print("  \(note)") } }
            }
        }
        print("\n## Still open\n")
        if report.open.isEmpty { print("- nothing") }
        for task in report.open {
            let carried = task.timesCarried > 0 ? ", carried \(task.timesCarried)×" : ""
            print("- \(text(of: task))" + (plain ? "" : " (since \(task.since)\(carried))"))
        }
        print("\n## Cancelled\n")
        if report.cancelled.isEmpty { print("- nothing") }
        for task in report.cancelled { print("- \(text(of: task))\(dated(task.day))") }
        if !report.recurring.isEmpty { print("\n## Recurring\n") }
        for summary in report.recurring { print("- \(recurring(summary))") }
    }

    private func recurring(_ summary: RecurringSummary) -> String {
        plain ? ReportCommand.withoutTags(summary.description) : summary.description
    }

    /// The report as one HTML page: counts, the charts, then the same sections as the Markdown.
    private func page(_ report: PeriodReport, from start: Day, through end: Day, weekStart: Weekday) -> String {
        let title = "Report \(report.since) to \(report.until)"
        var finishedOn: [String: Int] = [:]
        for task in report.finished.flatMap(\.tasks) { finishedOn[task.day, default: 0] += 1 }
        let days = (0...start.days(until: end)).compactMap { start.adding(days: $0) }.map { ($0, finishedOn[$0.iso] ?? 0) }
        let counts = report.counts
        var body = ["<h1>\(HTMLPage.escape(title))</h1>",
                    "<p class=\"counts\">\(counts.finished) finished, \(counts.open) still open, \(counts.cancelled) cancelled, \(counts.added) added.</p>",
                    "<h2>Finished per day</h2>",
                    "<div class=\"charts\">\(HTMLPage.barChart(days))\n\(HTMLPage.heatMap(days, weekStart: weekStart))</div>",
                    "<h2>Finished</h2>"]
        if report.finished.isEmpty { body.append(HTMLPage.list([])) }
        for (heading, tasks) in finishedGroups(report) {
            if let heading { body.append("<h3>\(HTMLPage.escape(heading))</h3>") }
            body.append(HTMLPage.list(tasks.map { task in
                let notes = withNotes ? task.notes.map { "<div class=\"note\">\(HTMLPage.escape($0))</div>" }.joined() : ""
                return HTMLPage.escape(text(of: task)) + htmlDay(dated(task.day)) + notes
            }))
        }
        body.append("<h2>Still open</h2>")
        body.append(HTMLPage.list(report.open.map { task in
            let days = Day(iso: task.since).map { $0.days(until: end) } ?? 0
            let carried = task.timesCarried > 0 ? ", carried \(task.timesCarried)×" : ""
            return HTMLPage.escape(text(of: task)) + htmlDay(" (open \(counted(days, "day")), since \(task.since)\(carried))")
        }))
        body.append("<h2>Cancelled</h2>")
        body.append(HTMLPage.list(report.cancelled.map { HTMLPage.escape(text(of: $0)) + htmlDay(dated($0.day)) }))
        if !report.recurring.isEmpty {
            body.append("<h2>Recurring</h2>")
            body.append(HTMLPage.list(report.recurring.map { HTMLPage.escape(recurring($0)) }))
        }
        return HTMLPage.document(title: title, body: body.joined(separator: "\n"))
    }

    private func htmlDay(_ text: String) -> String {
        text.isEmpty ? "" : " <span class=\"day\">\(HTMLPage.escape(String(text.drop { $0 == " " })))</span>"
    }

    /// The finished tasks under their headings as `--group-by` asks: nil is no heading.
    private func finishedGroups(_ report: PeriodReport) -> [(String?, [ReportedTask])] {
        let tasks = report.finished.flatMap(\.tasks)
        switch grouping {
        case .tag:
            return report.finished.map { group in (group.tag.map { plain ? $0 : "#" + $0 } ?? "Untagged", group.tasks) }
        case .day:
            let days = Array(Set(tasks.map(\.day))).sorted()
            return days.map { day in (day, tasks.filter { $0.day == day }) }
        case .none:
            return tasks.isEmpty ? [] : [(nil, tasks)]
        }
    }

    private func text(of task: ReportedTask) -> String {
        plain ? ReportCommand.withoutTags(task.text) : task.text
    }

    private func dated(_ day: String) -> String { plain || grouping == .day ? "" : " (\(day))" }

    /// The text without its `#tags` (as the day file reads them), for readers who do not use them.
    static func withoutTags(_ text: String) -> String {
        let tags = Set(TaskLine(state: .open, text: text).tags.map { "#" + $0 })
        return text.split(separator: " ", omittingEmptySubsequences: false).filter { !tags.contains(String($0)) }.joined(separator: " ")
    }
}
