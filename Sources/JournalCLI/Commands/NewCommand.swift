import ArgumentParser
import JournalModel
import JournalUseCases

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a day's list, carrying forward what was left unfinished.",
        discussion: """
            Unfinished tasks ([ ] and [/]) of the latest earlier day, and of any older day, are \
            copied with their ids and nesting and marked [>] → DATE where they were. Running it \
            again never duplicates a task.

            Example: journal new            (today)
                     journal new monday --no-carry
            """)

    @Argument(help: "The day to start (default: today).", completion: Completions.date) var date: String?
    @Flag(help: "Start an empty day; carry nothing (journal.carry=off makes this the default; --carry overrides it).") var noCarry = false
    @Flag(help: "Carry even when journal.carry is off.") var carry = false
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func validate() throws {
        if carry && noCarry { throw ValidationError("--carry and --no-carry contradict each other: give one") }
    }

    func run() throws {
        let journal = try options.open(command: .new, skippingVerification: verification.skipsHooks)
        let day = try options.day(date)
        let carries = try carry || (!noCarry && options.settings(of: journal).carries)
        let started = try StartDay(journal).run(day, carry: carries)
        let from = started.carried.keys.sorted().map(\.iso)
        let carried = started.carriedCount == 0 ? "nothing to carry" :
            "carried \(counted(started.carriedCount, "task")) from \(from.joined(separator: ", "))"
        let already = started.alreadyPresent > 0 ? " (\(started.alreadyPresent) already there)" : ""
        print("\(started.created ? "started" : "\(day.iso) exists;") \(started.created ? "\(day.iso) \(day.weekday.name): " : "")\(carried)\(already)")
        for move in started.placement.redirected {
            print("^\(move.id.value) stood on \(move.day.iso) and \(move.standsOn.iso); it now stands only on \(move.standsOn.iso)")
        }
        for move in started.placement.withdrawn {
            print("^\(move.id.value) was finished on \(move.standsOn.iso); its copy on \(move.day.iso) is withdrawn")
        }
        if started.created || started.carriedCount > 0 { ShowCommand.printDay(try ViewDay(journal).run(of: day)) }
        StartDay(journal).announce(day)
    }
}
