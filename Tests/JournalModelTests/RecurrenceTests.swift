@testable import JournalModel
import Testing

@Suite struct RecurrenceTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// The days of `from` through `to` the rule names.
    func days(_ rule: String, start: String? = nil, from: String, to: String) throws -> [String] {
        let recurrence = try Recurrence(parsing: rule, start: start.map(day))
        return (0...day(from).days(until: day(to))).map { day(from).adding(days: $0)! }.filter(recurrence.occurs(on:)).map(\.iso)
    }

    @Test func everyDayAndEveryNDaysFromTheStart() throws {
        #expect(try days("every day", from: "2026-12-01", to: "2026-12-03") == ["2026-12-01", "2026-12-02", "2026-12-03"])
        #expect(try days("every 3 days", start: "2026-12-02", from: "2026-11-30", to: "2026-12-09") == ["2026-12-02", "2026-12-05", "2026-12-08"])
    }

    @Test func everyWeekdayIsMondayToFriday() throws {
        #expect(try days("every weekday", from: "2026-12-03", to: "2026-12-08") == ["2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08"])
    }

    @Test func weeksOnNamedDaysAndEveryOtherWeekCountedFromTheStartsWeek() throws {
        #expect(try days("every week on Monday, Thursday", from: "2026-11-30", to: "2026-12-07") == ["2026-11-30", "2026-12-03", "2026-12-07"])
        #expect(try days("every week on monday and thursday", from: "2026-11-30", to: "2026-12-03") == ["2026-11-30", "2026-12-03"])
        #expect(try days("every Friday", from: "2026-11-30", to: "2026-12-13") == ["2026-12-04", "2026-12-11"])
        // Added on a Wednesday: this week's Friday is the first, then every other one.
        #expect(try days("every 2 weeks on Friday", start: "2026-12-02", from: "2026-11-30", to: "2026-12-31")
            == ["2026-12-04", "2026-12-18"])
        #expect(try days("every week", start: "2026-12-02", from: "2026-12-01", to: "2026-12-16") == ["2026-12-02", "2026-12-09", "2026-12-16"])
    }

    @Test func monthDaysSkipMonthsWithoutThemAsObsidianDoes() throws {
        #expect(try days("every month on the 1st", from: "2026-11-15", to: "2027-01-15") == ["2026-12-01", "2027-01-01"])
        #expect(try days("every month on the 31st", from: "2026-10-01", to: "2027-01-31") == ["2026-10-31", "2026-12-31", "2027-01-31"])
        #expect(try days("every month on the last", from: "2027-01-01", to: "2027-03-31") == ["2027-01-31", "2027-02-28", "2027-03-31"])
        #expect(try days("every month on the last", from: "2028-02-01", to: "2028-02-29") == ["2028-02-29"])
        #expect(try days("every 2 months on the 15th", start: "2026-12-01", from: "2026-12-01", to: "2027-04-30") == ["2026-12-15", "2027-02-15", "2027-04-15"])
    }

    @Test func weekdaysOfTheMonth() throws {
        #expect(try days("every month on the last Friday", from: "2026-12-01", to: "2027-01-31") == ["2026-12-25", "2027-01-29"])
        #expect(try days("every month on the 2nd Wednesday", from: "2026-12-01", to: "2027-01-31") == ["2026-12-09", "2027-01-13"])
    }

    @Test func yearlyRulesAndLeapDays() throws {
        #expect(try days("every year on January 15", from: "2026-01-01", to: "2028-12-31") == ["2026-01-15", "2027-01-15", "2028-01-15"])
        #expect(try days("every January on the 15th", from: "2026-01-01", to: "2026-12-31") == ["2026-01-15"])
        #expect(try days("every year on February 29", from: "2026-12-03", to: "2029-03-01") == ["2028-02-29"])
    }

    @Test func whenDoneAndCaseAreRead() throws {
        let rule = try Recurrence(parsing: "Every Week on FRIDAY when done")
        #expect(rule.whenDone)
        #expect(rule.pattern == .weeks(on: [.friday]))
        #expect(try !Recurrence(parsing: "every weekday").whenDone)
    }

    @Test func noDayBeforeTheStart() throws {
        #expect(try days("every weekday", start: "2026-12-03", from: "2026-12-01", to: "2026-12-04") == ["2026-12-03", "2026-12-04"])
    }

    @Test(arguments: [
        ("every fortnight", "unknown word 'fortnight'"),
        ("each day", "a rule starts with 'every'"),
        ("every", "every what?"),
        ("every 2 weekdays", "not a rule"),
        ("every week on funday", "'funday' is not a weekday"),
        ("every month on the 32nd", "not a day of the month"),
        ("every month on the 6th friday", "at most five"),
        ("every year on February 30", "February has no day 30"),
        ("every 2 weeks on friday", "counts from a start date"),
        ("every week", "names no weekday"),
        ("every day at noon", "unexpected 'at noon'"),
    ])
    func unreadableRulesSayWhy(_ rule: String, _ reason: String) {
        #expect {
            try Recurrence(parsing: rule)
        } throws: { error in
            String(describing: error).hasPrefix("cannot read the recurrence '\(rule)'") && String(describing: error).contains(reason)
        }
    }

    @Test func aRuleThatCountsFromAStartSaysSo() {
        #expect(Recurrence.needsStart("every 2 weeks on friday"))
        #expect(Recurrence.needsStart("every month"))
        #expect(!Recurrence.needsStart("every weekday"))
        #expect(!Recurrence.needsStart("every fortnight"))
    }
}
