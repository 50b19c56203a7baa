import Foundation
import TestSupport
import Testing

@Suite struct ConcurrencyTests {
    /// 50 commands at once on one journal, a sync that must merge started among them: every one
    /// succeeds (waiting its turn for the lock), and every change is in HEAD and on disk.
    @Test func fiftyConcurrentCommandsAndASyncLoseNothing() throws {
        let machines = try TwoMachines(.path)
        let journal = machines.first
        let toFinish = 15
        for number in 1...toFinish { try journal.ok("add", "Existing task \(number)") }
        let ids = try (1...toFinish).map { number in
            try #require(try journal.day("2025-01-15").split(separator: "\n")
                .first { $0.contains("Existing task \(number) ^") }?.split(separator: "^").last.map(String.init))
        }
        try machines.second.ok("add", "Pushed from the second machine")
        try machines.second.ok("sync")
        let before = try journal.commitCount()

        let added = (1...(50 - toFinish)).map { "Concurrent task \($0)" }
        var commands = added.map { ["add", $0] } + ids.map { ["done", $0] }
        var generator = SeededGenerator(seed: 50)
        commands.shuffle(using: &generator)
        var running: [(arguments: [String], process: ChildProcess)] = []
        for (index, arguments) in commands.enumerated() {
            running.append((arguments, try ChildProcess([JournalRunner.binary] + arguments, environment: journal.environment)))
            if index == commands.count / 2 { running.append((["sync"], try journal.start("sync"))) }
        }
        for (arguments, process) in running {
            #expect(process.wait() == .exited(0), "journal \(arguments.joined(separator: " ")): \(process.stderr)")
        }

        let day = try journal.day("2025-01-15")
        #expect(try journal.git("show", "HEAD:2025/01/2025-01-15.md") == day)
        for text in added { #expect(day.components(separatedBy: "- [ ] \(text) ^").count == 2, "\(text) once") }
        for (number, id) in ids.enumerated() {
            #expect(day.contains("- [x] Existing task \(number + 1) ^\(id)") && day.components(separatedBy: "^\(id)").count == 2)
        }
        #expect(day.contains("Pushed from the second machine"))
        #expect(try journal.commitCount() >= before + 51)
        let parents = try journal.git("log", "--format=%P").split(separator: "\n").map { $0.split(separator: " ").count }
        #expect(parents.allSatisfy { $0 <= 2 } && parents.contains(2))
        try journal.assertClean()
        #expect(journal.gitLockFiles().isEmpty)
        #expect(try String(contentsOfFile: journal.directory + "/.git/journal/lock", encoding: .utf8).isEmpty)
        try machines.assertConverged()
    }
}
