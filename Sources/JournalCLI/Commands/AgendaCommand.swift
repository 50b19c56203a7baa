import ArgumentParser
import JournalModel
import JournalUseCases

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "What the coming days hold: tasks overdue, due and scheduled, and the days created ahead.",
        discussion: """
            Due (📅) and scheduled (⏳) dates are read from the tasks that wait: today's list (or \
            the latest day's, before 'journal new') and the days ahead. A task added to a future \
            day ('journal add TEXT --date DATE') waits there; 'journal new' on that day keeps it \
            and carries the rest in.

            Example: journal add "Send the ADR for review" --due friday && journal agenda -n 14
            """)

    @Option(name: .short, help: ArgumentHelp("The coming N days, today included (default: 7).", valueName: "DAYS")) var n = 7
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func validate() throws {
        if n < 1 { throw ValidationError("-n takes a positive number of days") }
    }

    func run() throws {
        let today = try options.today()
        let agenda = try ListAgenda(options.open()).run(today: today, days: n)
        if json { return try Output.json(agenda) }
        let sections: [(String, [DatedTask], (DatedTask) -> String)] = [
            ("overdue", agenda.overdue, { "due \($0.task.fields.due!.iso)" }),
            ("due", agenda.due, { "due \($0.task.fields.due!.iso)" }),
            ("scheduled", agenda.scheduled, { "scheduled \($0.task.fields.scheduled!.iso)" }),
        ]
        var printed = false
        for (name, tasks, date) in sections where !tasks.isEmpty {
            if printed { print("") }
            print(Style.bold("\(name) (\(tasks.count))"))
            for task in tasks { print("\(date(task))  \(AgendaCommand.line(task))") }
            printed = true
        }
        for day in agenda.daysAhead {
            if printed { print("") }
            ShowCommand.printDay(day, today: today)
            printed = true
        }
        if !printed { print("nothing due, scheduled or planned from \(agenda.from) to \(agenda.through)") }
    }

    /// A task gathered from some day: its box, text and id, and the day it stands on.
    static func line(_ dated: DatedTask) -> String {
        let task = dated.task
        let id = task.id.map { Style.dim(" ^\($0)") } ?? ""
        return Style.forState(task.state, "[\(TaskLineFormat.box(task.state))] \(task.text)") + id + Style.dim(" (\(dated.day))")
    }
}
