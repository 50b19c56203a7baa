import ArgumentParser
import JournalModel
import JournalStore
import JournalUseCases

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a day's list, carrying forward what was left unfinished.",
        discussion: """
            The day starts from the day template (templates/day.md, 'journal edit --template'): \
            its headings and notes, its tasks, and its recurring tasks on the days their rule \
            names ('journal recur add'). An occurrence left unfinished is not carried: the next \
            day started closes it as missed ([-]), unless its rule ends in 'when done'.

            Unfinished tasks ([ ] and [/]) of the latest earlier day, and of any older day, are \
            copied with their ids and nesting and marked [>] → DATE where they were, at the end \
            of the day or under the heading journal.carryHeading names (for example '## Carried'). \
            Running it again never duplicates a task.

            With a remote (journal.defaultRemote), it first brings in what the remote has, so \
            that a second machine starts from the first one's day; offline it says so and goes \
            on. journal.autoSync sets this: fetch (the default), sync (also push the new day \
            afterwards) or off.

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
        let settings = try options.settings(of: journal)
        let carries = try carry || (!noCarry && settings.carries)
        let remote = try autoSyncRemote(journal, settings)
        if let remote { NewCommand.exchange(journal, with: remote, pushing: false, timeout: try settings.syncTimeout) }
        let started = try StartDay(journal).run(day, carry: carries, carryHeading: try settings.carryHeading)
        let from = started.carried.keys.sorted().map(\.iso)
        let carried = started.carriedCount == 0 ? "nothing to carry" :
            "carried \(counted(started.carriedCount, "task")) from \(from.joined(separator: ", "))"
        let already = started.alreadyPresent > 0 ? " (\(started.alreadyPresent) already there)" : ""
        let recurring = started.occurrences > 0 ? "\(started.occurrences) from the template, " : ""
        let missed = started.missed > 0 ? "; \(started.missed) recurring left undone closed as missed" : ""
        print("\(started.created ? "started" : "\(day.iso) exists;") \(started.created ? "\(day.iso) \(day.weekday.name): " : "")\(recurring)\(carried)\(already)\(missed)")
        for move in started.placement.redirected {
            print("^\(move.id.value) stood on \(move.day.iso) and \(move.standsOn.iso); it now stands only on \(move.standsOn.iso)")
        }
        for move in started.placement.withdrawn {
            print("^\(move.id.value) was finished on \(move.standsOn.iso); its copy on \(move.day.iso) is withdrawn")
        }
        if started.created || started.carriedCount > 0 { ShowCommand.printDay(try ViewDay(journal).run(of: day), today: day) }
        StartDay(journal).announce(day)
        if let remote, try settings.autoSync == .sync {
            NewCommand.exchange(journal, with: remote, pushing: true, timeout: try settings.syncTimeout)
        }
    }

    /// The remote `journal new` brings in first, if journal.autoSync asks for it and there is one.
    private func autoSyncRemote(_ journal: Journal, _ settings: Settings) throws -> String? {
        guard try settings.autoSync != .off else { return nil }
        let name = try settings.defaultRemote
        return try ManageRemotes(journal).list().contains { $0.name == name } ? name : nil
    }

    /// A sync around starting the day, within journal.syncTimeout, and never a reason not to start it.
    private static func exchange(_ journal: Journal, with remote: String, pushing: Bool, timeout: Double) {
        do {
            let report = try Sync(journal).run(remote: remote, dryRun: false, timeout: timeout, pushes: pushing)
            if report.outcomes.contains(.merged) || report.outcomes.contains(.fastForward) {
                print("brought in \(counted(report.incoming.count, "commit")) from \(remote)")
                SyncCommand.printMerge(report)
            }
        } catch {
            let what = pushing ? "could not push the new day to" : "could not bring in what is new on"
            Output.warning("\(what) \(remote) (\(error)); \(pushing ? "run journal sync later" : "starting from what this machine has")")
        }
    }
}
