@testable import JournalModel
import Testing

@Suite struct DayTests {
    @Test func countsDaysAcrossLeapYearsAndMonthEnds() {
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
        #expect(Day(iso: "2024-02-28")!.adding(days: 1) == Day(iso: "2024-02-29"))
        #expect(Day(iso: "2025-02-28")!.adding(days: 1) == Day(iso: "2025-03-01"))
        #expect(Day(iso: "2025-12-31")!.adding(days: 1) == Day(iso: "2026-01-01"))
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "1900-02-29") == nil)
        for ordinal in stride(from: -20_000, to: 40_000, by: 37) {
            #expect(Day(ordinal: ordinal)?.ordinal == ordinal)
        }
    }

    @Test func knowsTheWeekday() {
        #expect(Day(iso: "2025-01-15")!.weekday == .wednesday)
        #expect(Day(iso: "1969-12-31")!.weekday == .wednesday)
        #expect(Day(iso: "2026-11-24")!.weekday == .tuesday)
    }

    @Test(arguments: ["2025-02-30", "0000-01-01", "9999-12-31", "2025-13-01", "2025-1-5", "20250115", "2025-01-15x"])
    func refusesDatesThatDoNotExistOrAreOutOfRange(_ text: String) {
        #expect(Day(iso: text) == nil)
    }
}

@Suite struct DayExpressionTests {
    let wednesday = Day(iso: "2025-01-15")!

    @Test(arguments: [
        ("today", "2025-01-15"), ("yesterday", "2025-01-14"), ("tomorrow", "2025-01-16"),
        ("2024-12-31", "2024-12-31"), ("-3", "2025-01-12"), ("+10", "2025-01-25"),
        ("monday", "2025-01-13"), ("wednesday", "2025-01-15"), ("thursday", "2025-01-09"),
        ("next monday", "2025-01-20"), ("next wednesday", "2025-01-22"), ("Next Friday", "2025-01-17"),
        ("last wednesday", "2025-01-08"),
    ])
    func resolves(_ text: String, _ expected: String) throws {
        #expect(try DayExpression.resolve(text, today: wednesday) == Day(iso: expected))
    }

    @Test(arguments: ["2025-02-30", "someday", "next", "+9999999999", "-", "next week"])
    func refusesWithTheTextAndWhatIsAccepted(_ text: String) {
        #expect(throws: InvalidDate(text, accepted: DayExpression.accepted)) {
            try DayExpression.resolve(text, today: wednesday)
        }
    }
}
