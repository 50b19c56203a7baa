import ArgumentParser
import JournalModel
import JournalUseCases

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Today's open tasks, days since the last entry, and uncommitted hand edits.",
        discussion: "Example: journal status --json")

    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        let today = try options.today()
        let status = try ShowStatus(options.open()).run(today: today)
        if json { return try Output.json(status) }
        print("journal \(status.directory.dropLast())")
        if status.todayStarted {
            print("today \(status.today): \(counted(status.openTasks.count, "open task"))")
            let width = String(status.openTasks.map(\.number).max() ?? 0).count
            for task in status.openTasks { print(TaskLineFormat.line(task, numberWidth: width, today: today)) }
        } else {
            print("today \(status.today): not started ('journal new' starts it)")
        }
        for (name, tasks) in [("overdue", status.overdue), ("due today", status.dueToday)] where !tasks.isEmpty {
            print("\(name): \(tasks.count)")
            for task in tasks { print("  " + AgendaCommand.line(task)) }
        }
        if let last = status.lastDay, let days = status.daysSinceLastDay, days > 0 {
            print("last entry \(last), \(counted(days, "day")) ago")
        } else if status.lastDay == nil {
            print("no days yet")
        }
        for remote in status.remotes {
            let when = remote.lastSync.map { "last sync \($0)" } ?? "never synced"
            print("remote \(remote.name): \(counted(remote.ahead, "commit")) to push, \(remote.behind) to merge (\(when))")
        }
        if !status.uncommitted.isEmpty {
            print("uncommitted hand edits (the next journal command commits them): \(status.uncommitted.joined(separator: ", "))")
        }
    }
}
