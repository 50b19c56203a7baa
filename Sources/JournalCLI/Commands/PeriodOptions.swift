import ArgumentParser
import JournalModel

/// The period a report or statistics cover.
struct PeriodOptions: ParsableArguments {
    @Option(help: "The first day of the period (a DATE).", completion: Completions.date) var since: String?
    @Option(help: "The last day of the period (a DATE; default: today).", completion: Completions.date) var until: String?
    @Flag(help: "This week so far (weeks start on journal.weekStart, Monday by default).") var week = false
    @Flag(help: "This month so far.") var month = false

    func validate() throws {
        if week && month { throw ValidationError("--week and --month each choose the period: give one") }
        if (week || month) && (since != nil || until != nil) {
            throw ValidationError("--week and --month end today: give them without --since and --until")
        }
    }

    /// The chosen days, first and last; `defaultStart` when none is chosen.
    func period(_ options: JournalOptions, weekStart: Weekday, defaultStart: (Day) -> Day) throws -> (Day, Day) {
        let today = try options.today()
        let end = try until.map { try options.day($0) } ?? today
        if week { return (today.startOfWeek(weekStart), today) }
        if month { return (Day(year: today.year, month: today.month, day: 1)!, today) }
        return (try since.map { try options.day($0) } ?? defaultStart(end), end)
    }
}
