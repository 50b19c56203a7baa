import ArgumentParser
import JournalModel
import JournalStore
import JournalUseCases

struct RecurCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recur",
        abstract: "Manage recurring tasks: the day template's tasks and their rules.",
        discussion: """
            Recurring tasks live in the day template, templates/day.md, written as Obsidian \
            Tasks writes them: '- [ ] Join the stand-up 🔁 every weekday ^k7f3q'. 'journal new' \
            adds each on the days its rule names, as a task of its own that names the rule \
            ('🔁 ^k7f3q'). A template task without a rule comes on every day started.

            Rules: every day, every N days, every weekday, every week on Monday[, Thursday], \
            every N weeks on Friday, every month on the 1st | the last | the last Friday | the \
            2nd Wednesday, every year on January 15, every January on the 15th; add 'when done' \
            to carry an unfinished occurrence forward instead of closing it as missed.

            Example: journal recur add "Join the daily stand-up" --every weekday
                     journal recur add "Weekly status email" --every "week on friday"
            """,
        subcommands: [Add.self, List.self, Remove.self],
        defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a recurring task to the day template (one commit).")
        @Argument(help: "The task's text.") var text: String
        @Option(help: ArgumentHelp("The rule, with or without its leading 'every': weekday, \"week on friday\", \"month on the 1st\"…", valueName: "RULE"))
        var every: String
        @OptionGroup var options: JournalOptions
        func run() throws {
            let journal = try options.open(command: .recur)
            let rule = try ManageRecurrence(journal).add(text, every: every, today: try options.today())
            print("added ^\(rule.id?.value ?? "") \(rule.text) (\(rule.rule ?? "")), next \(RecurCommand.describe(rule.next))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the day template's tasks: number, id, text, rule and next day.")
        @Flag(help: "Print JSON for scripts: an array of {number, id, text, rule, readable, next, depth, parent}.") var json = false
        @OptionGroup var options: JournalOptions
        func run() throws {
            let rules = try ManageRecurrence(options.open()).list(today: try options.today())
            if json { return try Output.json(rules) }
            if rules.isEmpty { return print("no recurring tasks ('journal recur add TEXT --every RULE' adds one)") }
            for task in rules {
                let indent = String(repeating: "  ", count: task.depth)
                let id = task.id.map { " ^\($0.value)" } ?? ""
                let next = task.isReadable ? "next \(RecurCommand.describe(task.next))" : "cannot be read ('journal check' says why)"
                print("\(task.number) \(indent)\(task.text)\(id)  🔁 \(task.rule ?? "every day started")  \(next)")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a task from the day template, by id or list number (one commit; past occurrences stay).")
        @Argument(help: "Its id (^k7f3q) or its number in 'journal recur list'.") var task: String
        @OptionGroup var options: JournalOptions
        func run() throws {
            let journal = try options.open(command: .recur)
            let rule = try ManageRecurrence(journal).remove(task, today: try options.today())
            print("removed ^\(rule.id?.value ?? "") \(rule.text)")
        }
    }

    static func describe(_ day: Day?) -> String {
        day.map { "\($0.iso) \($0.weekday.name)" } ?? "never (within forty years)"
    }
}
