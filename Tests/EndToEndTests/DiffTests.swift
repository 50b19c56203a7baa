import Foundation
import TestSupport
import Testing

@Suite struct DiffTests {
    func weekOfWork(environment: [String: String] = [:]) throws -> JournalRunner {
        var journal = try JournalRunner()
        journal.extraEnvironment = environment
        try journal.ok("init")
        journal.today = "2025-01-13"
        try journal.ok("new")
        try journal.ok("add", "Prepare the design review")
        try journal.ok("add", "Answer the vendor")
        try journal.ok("add", "Fix the flaky test")
        journal.today = "2025-01-14"
        try journal.ok("new")
        try journal.ok("done", "1")
        try journal.ok("cancel", "2")
        try journal.ok("add", "Write the postmortem")
        return journal
    }

    @Test func comparesYesterdayWithTodayByDefault() throws {
        let journal = try weekOfWork()
        let output = try journal.ok("diff")
        #expect(output.hasPrefix("diff 2025-01-13 → 2025-01-14\n"))
        #expect(output.contains("\ndone (1)\n  ^"))
        #expect(output.contains(" Prepare the design review\n"))
        #expect(output.contains("\nnew (1)\n  ^") && output.contains(" Write the postmortem\n"))
        #expect(output.contains("\ncarried (1)\n  ^") && output.contains(" Fix the flaky test\n"))
        #expect(output.contains("\ncancelled (1)\n  ^") && output.contains(" Answer the vendor\n"))
        #expect(try journal.ok("diff", "--stat") ==
            "diff 2025-01-13 → 2025-01-14\ndone 1, new 1, carried 1, still open 0, dropped 0, cancelled 1, reworded 0, changed 0, re-nested 0, moved 0\n")
    }

    @Test func findsADroppedTaskDaysApartAndPrintsJSON() throws {
        var journal = try weekOfWork()
        // A task deleted by hand from today's list, never finished anywhere: it fell through the cracks.
        let today = try journal.day("2025-01-14")
        try journal.writeDay("2025-01-14", today.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Fix the flaky test") }.joined(separator: "\n"))
        try journal.ok("add", "Commit the hand edit")
        journal.today = "2025-03-03"
        try journal.ok("new")
        let json = try JSONSerialization.jsonObject(with: Data(try journal.ok("diff", "2025-01-13", "2025-03-03", "--json").utf8)) as! [String: Any]
        #expect(json["from"] as? String == "2025-01-13")
        let dropped = json["dropped"] as! [[String: Any]]
        #expect(dropped.map { $0["text"] as? String } == ["Fix the flaky test"])
        #expect((json["counts"] as! [String: Int])["dropped"] == 1)
    }

    /// "What did I get done since Monday": a task finished on a day between the two counts.
    @Test func aTaskFinishedBetweenTheTwoDaysIsDone() throws {
        var journal = try weekOfWork()
        journal.today = "2025-01-16"
        try journal.ok("new")
        try journal.ok("done", "1")
        journal.today = "2025-01-20"
        try journal.ok("new")
        let output = try journal.ok("diff", "2025-01-13", "2025-01-20")
        #expect(output.contains("\ndone (2)\n"), "\(output)")
        #expect(output.contains(" Fix the flaky test (on 2025-01-16)\n"), "\(output)")
        #expect(!output.contains("dropped"))
    }

    @Test func showsWhatChangedInADaySinceACommitOrATime() throws {
        var journal = try weekOfWork(environment: ["GIT_COMMITTER_DATE": "2025-01-14T09:00:00Z"])
        let morning = try journal.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        journal.extraEnvironment["GIT_COMMITTER_DATE"] = "2025-01-14T15:00:00Z"
        try journal.ok("done", "3")
        let output = try journal.ok("diff", "--since", String(morning.prefix(7)))
        #expect(output.hasPrefix("diff 2025-01-14 at \(morning.prefix(7)) → 2025-01-14 now\n\ndone (1)\n  ^"))
        #expect(output.hasSuffix(" Write the postmortem\n"))
        #expect(try journal.ok("diff", "--since", "14:00", "--stat").contains("done 1, new 0,"))
    }

    @Test func reportsRewordingsDoneByHand() throws {
        let journal = try weekOfWork()
        try journal.writeDay("2025-01-14", try journal.day("2025-01-14").replacingOccurrences(of: "Fix the flaky test", with: "Fix the flaky login test"))
        let output = try journal.ok("diff")
        #expect(output.contains("\nreworded (1)\n  ^"))
        #expect(output.contains(" Fix the flaky {+login+} test\n"))
    }

    @Test func explainsDaysThatCannotBeCompared() throws {
        let journal = try weekOfWork()
        #expect(try journal.run("diff", "2025-01-01").stderr == "journal: error: there is no day 2025-01-01 in the journal ('journal new 2025-01-01' starts it)\n")
        #expect(try journal.run("diff", "2025-01-13").stderr == "journal: error: there is no day before 2025-01-13 to compare it with\n")
        #expect(try journal.run("diff", "a", "b", "c").status == 2)
        #expect(try journal.ok("diff", "2025-01-14", "2025-01-14").contains("still open (2)"))
        #expect(try journal.run("diff", "--since", "25:00").stderr.hasPrefix("journal: error: invalid --since '25:00'"))
    }
}
