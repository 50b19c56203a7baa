import Foundation
import TestSupport
import Testing

/// One machine starts a day before it has synced: the journal-wide merge keeps each task in one
/// place, with every change either machine made, and history dated by the commits that made it.
@Suite struct SeveralMachinesTests {
    /// The id of the task whose text starts with `text` on `day`, as the first machine has it.
    func id(of text: String, on day: String, in machines: TwoMachines) throws -> String {
        let line = try machines.first.day(day).split(separator: "\n").first { $0.contains("] \(text)") }!
        return String(line.suffix(5))
    }

    @Test(arguments: [TwoMachines.Server.path, .gitDaemon])
    func aFinishStaysOnTheDayItWasMadeWhenTheOtherMachineCarriedIt(_ server: TwoMachines.Server) throws {
        var machines = try TwoMachines(server)
        let one = try id(of: "Shared task one", on: "2025-01-15", in: machines)
        let two = try id(of: "Shared task two", on: "2025-01-15", in: machines)
        try machines.first.ok("done", "1")
        try machines.first.ok("sync")
        machines.second.today = "2025-01-16"
        // Offline: the day starts from what this machine has.
        try machines.second.ok("config", "journal.autoSync", "off")
        try machines.second.ok("new")
        let output = try machines.second.ok("sync")
        #expect(output.contains("withdrew ^\(one) from 2025-01-16: it was finished on 2025-01-15"), "\(output)")
        try machines.assertConverged()
        #expect(try machines.first.day("2025-01-15") == "# 2025-01-15 Wednesday\n\n- [x] Shared task one ^\(one)\n- [>] Shared task two → 2025-01-16 ^\(two)\n")
        #expect(try machines.first.day("2025-01-16") == "# 2025-01-16 Thursday\n\n- [ ] Shared task two ^\(two)\n")
        let log = try machines.second.ok("log", one)
        #expect(log.contains("[ ] → [x] on 2025-01-15"), "\(log)")
        #expect(log.contains("carried 0 times; now [x] on 2025-01-15"), "\(log)")
        let standup = try machines.second.ok("standup")
        #expect(standup.contains("**Done (2025-01-15)**\n- Shared task one\n"), "\(standup)")
    }

    @Test func aFinishTwoCarriesBehindIsNotLost() throws {
        var machines = try TwoMachines(.path)
        let one = try id(of: "Shared task one", on: "2025-01-15", in: machines)
        try machines.second.ok("done", "1")
        machines.first.today = "2025-01-16"
        try machines.first.ok("new")
        machines.first.today = "2025-01-17"
        try machines.first.ok("new")
        try machines.first.ok("sync")
        try machines.second.ok("sync")
        try machines.assertConverged()
        #expect(try machines.first.day("2025-01-15").contains("- [x] Shared task one ^\(one)\n"))
        #expect(try !machines.first.day("2025-01-16").contains(one))
        #expect(try !machines.first.day("2025-01-17").contains(one))
        #expect(try machines.first.day("2025-01-17").contains("- [ ] Shared task two ^"))
        // The finishing machine made the merge: the carries it withdrew do not count.
        #expect(try machines.second.ok("log", one).contains("carried 0 times; now [x] on 2025-01-15"))
    }

    @Test func twoMachinesCarryingToDifferentDaysLeaveTheTaskOnTheLaterOneAndNeverCarryItAgain() throws {
        var machines = try TwoMachines(.path, today: "2025-01-21")
        let one = try id(of: "Shared task one", on: "2025-01-21", in: machines)
        machines.second.today = "2025-01-22"
        try machines.second.ok("new")
        try machines.second.ok("sync")
        machines.first.today = "2025-01-23"
        try machines.first.ok("new")
        try machines.first.ok("sync")
        try machines.assertConverged()
        #expect(try machines.first.day("2025-01-22").contains("- [>] Shared task one → 2025-01-23 ^\(one)\n"))
        try machines.first.ok("done", one)
        machines.first.today = "2025-01-24"
        let started = try machines.first.ok("new")
        #expect(started.contains("carried 1 task from 2025-01-23"), "\(started)")
        #expect(try !machines.first.day("2025-01-24").contains("Shared task one"))
        #expect(try machines.first.ok("check").contains("no problems"))
    }

    @Test func aRewordingAndAStartOnTheOldDayReachTheCarriedCopy() throws {
        var machines = try TwoMachines(.path)
        let one = try id(of: "Shared task one", on: "2025-01-15", in: machines)
        let reworded = try machines.second.day("2025-01-15")
            .replacingOccurrences(of: "- [ ] Shared task one", with: "- [/] Shared task one, for finance")
        try machines.second.writeDay("2025-01-15", reworded)
        try machines.second.ok("sync")
        machines.first.today = "2025-01-16"
        try machines.first.ok("new")
        try machines.first.ok("sync")
        try machines.assertConverged()
        #expect(try machines.first.day("2025-01-16").contains("- [/] Shared task one, for finance ^\(one)\n"))
        #expect(try machines.first.day("2025-01-15").contains("- [>] Shared task one, for finance → 2025-01-16 ^\(one)\n"))
    }

    /// Each event dated by the commit that made it, not by the merge that brought it in.
    @Test func historyThatArrivesThroughAMergeKeepsItsOwnTimeAndAuthor() throws {
        var machines = try TwoMachines(.path)
        let one = try id(of: "Shared task one", on: "2025-01-15", in: machines)
        // Tomorrow by the clock, so that the machines' first commits (made now) come before.
        let formatter = ISO8601DateFormatter()
        let tomorrow = String(formatter.string(from: Date().addingTimeInterval(86_400)).prefix(10))
        func at(_ time: String, by name: String) -> [String: String] {
            ["GIT_AUTHOR_DATE": "\(tomorrow)T\(time):00Z", "GIT_COMMITTER_DATE": "\(tomorrow)T\(time):00Z", "GIT_AUTHOR_NAME": name, "TZ": "UTC"]
        }
        machines.second.extraEnvironment = at("09:50", by: "Desktop")
        try machines.second.ok("done", "1")
        try machines.second.ok("sync")
        machines.first.extraEnvironment = at("10:21", by: "Laptop")
        try machines.first.ok("add", "Only on the laptop")
        try machines.first.ok("sync")
        let log = try machines.first.ok("log", one)
        let finish = log.split(separator: "\n").first { $0.contains("[ ] → [x]") }
        #expect(finish?.hasPrefix("\(tomorrow) 09:50") == true, "\(log)")
        #expect(finish?.hasSuffix("(Desktop)") == true, "\(log)")
        #expect(log.split(separator: "\n").filter { $0.contains("[x]") }.count == 2, "the event once, and the summary: \(log)")
        // Done at 09:50 on the other machine: not "done since 10:00" here, though merged at 10:21.
        let since = try machines.first.ok("diff", "2025-01-15", "--since", "\(tomorrow) 10:00")
        #expect(!since.contains("Shared task one"), "\(since)")
        #expect(since.contains("new (1)\n  ^") && since.contains(" Only on the laptop\n"), "\(since)")
    }

    @Test func startingTheDayBringsInWhatTheOtherMachinePushedFirst() throws {
        var machines = try TwoMachines(.path)
        let one = try id(of: "Shared task one", on: "2025-01-15", in: machines)
        try machines.first.ok("done", "1")
        try machines.first.ok("sync")
        machines.second.today = "2025-01-16"
        let output = try machines.second.ok("new")
        #expect(output.hasPrefix("brought in 1 commit from origin\nstarted 2025-01-16 Thursday: carried 1 task from 2025-01-15\n"), "\(output)")
        #expect(try machines.second.day("2025-01-15").contains("- [x] Shared task one ^\(one)\n"))
        #expect(try !machines.second.day("2025-01-16").contains("Shared task one"))
        #expect(try machines.second.git("log", "--merges", "--format=%h").isEmpty, "no merge: the day started after the other's")
    }

    @Test func offlineTheDayStartsAnywayAndSaysWhy() throws {
        var machines = try TwoMachines(.path)
        try FileManager.default.moveItem(atPath: machines.remotePath, toPath: machines.remotePath + ".away")
        machines.second.today = "2025-01-16"
        let result = try machines.second.run("new")
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("journal: warning: could not bring in what is new on origin ("), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("); starting from what this machine has\n"))
        #expect(result.stdout.hasPrefix("started 2025-01-16 Thursday: carried 2 tasks from 2025-01-15\n"))
    }

    @Test func autoSyncSyncPushesTheNewDay() throws {
        var machines = try TwoMachines(.path)
        try machines.second.ok("config", "journal.autoSync", "sync")
        machines.second.today = "2025-01-16"
        try machines.second.ok("new")
        let remote = try machines.first.sandbox.git("--git-dir", machines.remotePath, "log", "-1", "--format=%s", in: machines.first.sandbox.root.path)
        #expect(remote == "new 2025-01-16: carried 2 from 2025-01-15\n")
    }
}
