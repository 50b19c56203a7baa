import ArgumentParser
import JournalModel
import JournalUseCases

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a day: its tasks numbered, with states and ids, then its notes.",
        discussion: "Example: journal show yesterday\n         journal show 2025-01-15 --json")

    @Argument(help: "The day (default: today).", completion: Completions.date) var date: String?
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        let view = try ViewDay(options.open()).run(of: try options.day(date))
        if json { try Output.json(view) } else { ShowCommand.printDay(view, today: try options.today()) }
    }

    static func printDay(_ view: DayView, today: Day) {
        print("\(view.date) \(view.weekday)")
        let width = String(view.tasks.count).count
        for task in view.tasks {
            print(TaskLineFormat.line(task, numberWidth: width, today: today))
            let indent = String(repeating: " ", count: width + 5) + String(repeating: "  ", count: task.depth)
            for line in task.content { print(indent + Style.dim(String(line.text.drop { $0 == " " || $0 == "\t" }))) }
        }
        if view.tasks.isEmpty { print("(no tasks)") }
        if !view.notes.isEmpty {
            print("")
            for note in view.notes { print(note.text) }
        }
    }
}
