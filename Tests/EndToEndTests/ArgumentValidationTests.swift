import Foundation
import TestSupport
import Testing

/// Arguments that cannot be right: one line on stderr naming the argument, exit 2 when the command
/// line is wrong (a bad date, task text or tag) and 1 when the journal cannot do it, and the
/// journal exactly as it was.
@Suite struct ArgumentValidationTests {
    struct Refusal: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        let message: String
        var testDescription: String { arguments.map { $0.debugDescription }.joined(separator: " ") }
    }

    static let refusals: [Refusal] = [
        Refusal(arguments: ["add", "x", "--date", "2025-13-01"], status: 2, message: "invalid date '2025-13-01' (accepted: today"),
        Refusal(arguments: ["check", "0000-01-01"], status: 2, message: "invalid date '0000-01-01' (accepted: today"),
        Refusal(arguments: ["new", "9999-12-31"], status: 2, message: "invalid date '9999-12-31' (accepted: today"),
        Refusal(arguments: ["start", "1", "--date", "2025-02-30"], status: 2, message: "invalid date '2025-02-30' (accepted: today"),
        Refusal(arguments: ["done", "^zzzzz"], status: 1, message: "no task '^zzzzz' in the journal"),
        Refusal(arguments: ["cancel", "99999"], status: 1, message: "no task number 99999 in 2025-01-15 (it has 1 task)"),
        Refusal(arguments: ["done", "0"], status: 2, message: "invalid task '0': give its number in the day's list or its 5-character id"),
        Refusal(arguments: ["reopen", "^k7f3"], status: 2, message: "invalid task '^k7f3': give its number in the day's list or its 5-character id"),
        Refusal(arguments: ["add", "first\nsecond"], status: 2, message: "invalid task text: it contains a line break; a task is one line"),
        Refusal(arguments: ["add", "carriage\rreturn"], status: 2, message: "invalid task text: it contains a line break; a task is one line"),
        Refusal(arguments: ["add", "tab\there"], status: 2, message: "invalid task text: it contains the control character U+0009; a task is one line"),
        Refusal(arguments: ["add", "escape \u{1B}[31m red"], status: 2, message: "invalid task text: it contains the control character U+001B; a task is one line"),
        Refusal(arguments: ["add", "x", "--tag", "two\nlines"], status: 2, message: "invalid tag 'two\\nlines': a tag starts with a letter, then letters, digits, '-', '_' or '/', with no spaces"),
        Refusal(arguments: ["add", "   "], status: 2, message: "invalid task text: it is empty"),
    ]

    @Test(arguments: refusals)
    func refusesWithOneLineAndLeavesTheJournalUntouched(_ refusal: Refusal) throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Only task")
        let head = try journal.git("rev-parse", "HEAD")
        let day = try journal.day("2025-01-15")

        let result = try ProcessResult.run(JournalRunner.binary, refusal.arguments, in: journal.sandbox.root.path, environment: journal.environment)
        #expect(result.status == refusal.status)
        #expect(result.stderr.hasPrefix("journal: error: " + refusal.message))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1 && result.stderr.hasSuffix("\n"))
        #expect(try journal.git("rev-parse", "HEAD") == head)
        #expect(try journal.day("2025-01-15") == day)
        try journal.assertClean()
    }

    @Test func oddDirectoriesAreNamedInOneLine() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Only task")
        let head = try journal.git("rev-parse", "HEAD")
        let root = journal.sandbox.root.path
        let cases: [(dir: String, message: String)] = [
            ("journal/.git", "\(root)/journal/.git is not a journal"),
            ("journal/../../nowhere", "no journal at \(root)/journal/../../nowhere;"),
            ("", "\(root)/ is not a journal"),
            ("/dev/null", "/dev/null is not a journal"),
            ("line\nbreak", "no journal at \(root)/line\\nbreak;"),
        ]
        for (dir, message) in cases {
            let result = try journal.run("add", "Elsewhere", "--dir", dir)
            #expect(result.status == 1, "--dir \(dir.debugDescription)")
            #expect(result.stderr.hasPrefix("journal: error: " + message), "--dir \(dir.debugDescription): \(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        }
        // `..` that leads back into the journal names the same journal; a folder of it, too (as
        // `git -C` finds the repository around a folder).
        #expect(try journal.ok("show", "--dir", "journal/2025/../").contains("Only task"))
        #expect(try journal.ok("show", "--dir", "journal/2025").contains("Only task"))
        #expect(try journal.git("rev-parse", "HEAD") == head)
        try journal.assertClean()
    }

    @Test func theLastDayAJournalHoldsWorksAndTheDayAfterItIsRefused() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Now")
        #expect(try journal.ok("add", "At the edge", "--date", "2999-12-31").hasPrefix("added 1 ^"))
        journal.today = "2999-12-31"
        // Starting the last day carries from 2025, 975 years earlier, without walking every day between.
        #expect(try journal.ok("new").contains("carried 1 task from 2025-01-15"))
        #expect(try journal.ok("show").contains("Now"))
        let head = try journal.git("rev-parse", "HEAD")
        let tomorrow = try journal.run("new", "tomorrow")
        #expect(tomorrow.status == 2)
        #expect(tomorrow.stderr.hasPrefix("journal: error: invalid date 'tomorrow' (accepted: "))
        #expect(try journal.git("rev-parse", "HEAD") == head)
        try journal.assertClean()
    }
}
