import ArgumentParser
import JournalUseCases

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "The days ahead that already have tasks, soonest first.",
        discussion: """
            A task added to a future day ('journal add TEXT --date DATE') waits there; 'journal new' \
            on that day keeps it and carries the rest in.

            Example: journal add "Quarterly review prep" --date "next friday" && journal agenda
            """)

    @Option(name: .short, help: "At most N days.") var n: Int?
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func validate() throws {
        if let n, n < 1 { throw ValidationError("-n takes a positive number") }
    }

    func run() throws {
        let days = try ListAgenda(options.open()).run(after: try options.today(), limit: n)
        if json { return try Output.json(days) }
        if days.isEmpty { print("nothing scheduled ahead") }
        for (position, day) in days.enumerated() {
            if position > 0 { print("") }
            ShowCommand.printDay(day)
        }
    }
}
