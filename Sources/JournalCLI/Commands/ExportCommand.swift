import ArgumentParser
import JournalModel
import JournalUseCases

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the journal, or a period of it, as JSON, Markdown or CSV.",
        discussion: """
            What is committed, oldest day first. json: an array of days as 'journal show --json' \
            prints them (tasks with id, text, state, tags, people, depth, parentId, carriedTo; notes). \
            md: the day files one after another. csv: one row per task with the columns date, id, \
            state, text, tags, people, depth, parent (RFC 4180).

            Example: journal export --format csv --since 2025-01-01 --until 2025-01-31 > january.csv
                     journal export --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, md, csv }

    @Option(help: "json, md or csv.") var format: Format
    @Option(help: "The first day to export (default: the first there is).") var since: String?
    @Option(help: "The last day to export (default: the last there is).") var until: String?
    @OptionGroup var options: JournalOptions

    func run() throws {
        let days = try ExportDays(options.open()).run(since: try since.map { try options.day($0) }, until: try until.map { try options.day($0) })
        switch format {
        case .json: try Output.json(days.map(\.view))
        case .md: Output.write(ExportFormat.markdown(days))
        case .csv: Output.write(Array(ExportFormat.csv(days).utf8))
        }
    }
}
