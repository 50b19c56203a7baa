import Foundation
import TestSupport
import Testing

@Suite struct CrashTests {
    static let trials = 280
    /// Fixed: the same delays, and so the same moments of death, on every run.
    static let seed: UInt64 = 20_250_115

    /// `new`, `add`, `edit` and `sync` killed with SIGKILL at a random moment, over and over on
    /// one journal. After each, the next command works and Git finds nothing wrong; at the end,
    /// every task a command reported added and every edit the editor saved is in HEAD.
    @Test func commandsKilledMidWayLoseNothing() throws {
        var journal = try JournalRunner()
        let remote = journal.sandbox.path("remote.git")
        try journal.sandbox.git("init", "-q", "--bare", "-b", "main", remote, in: journal.sandbox.root.path)
        try journal.ok("init")
        try journal.ok("remote", "add", "origin", remote)
        try journal.ok("sync")
        let markers = journal.sandbox.path("saved")
        try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
        let editor = journal.sandbox.path("editor.sh")
        try writeExecutable("#!/bin/sh\nprintf -- '- [ ] %s\\n' \"$TRIAL_TEXT\" >> \"$1\" && : > \"\(markers)/$TRIAL_TEXT\"\n", to: editor)
        journal.extraEnvironment["EDITOR"] = editor

        var generator = SeededGenerator(seed: CrashTests.seed)
        var mustSurvive: [String] = []
        var outcomes: [String: (killed: Int, finished: Int)] = [:]
        var leftLocks = 0
        let commands = ["new", "add", "edit", "sync"]
        // The kill window comes from this machine's own speed: a command killed at 0 to 1.2 times
        // its median uninterrupted time dies mid-way in most trials and finishes in some. Load
        // changes that speed as the trials go, so the window follows what happens: ten kills in a
        // row widen it by half, ten finishes in a row narrow it.
        var windows: [String: UInt32] = [:]
        var streaks: [String: (killed: Int, finished: Int)] = [:]
        for command in commands {
            var times: [Double] = []
            for round in 0..<5 {
                let text = "Calibration \(round) \(command)"
                if command == "new" { journal.today = CrashTests.day(after: journal.today) }
                journal.extraEnvironment["TRIAL_TEXT"] = text
                let started = Date()
                let process = try command == "add" ? journal.start("add", text) : journal.start(command)
                try #require(process.wait() == .exited(0), "journal \(command): \(process.stderr)")
                times.append(Date().timeIntervalSince(started))
                if command == "add" { mustSurvive.append(text) }
            }
            windows[command] = UInt32(times.sorted()[2] * 1.2 * 1_000_000)
        }
        for trial in 0..<CrashTests.trials {
            let command = commands[trial % commands.count]
            let text = "Trial \(trial) \(command)"
            if command == "new" { journal.today = CrashTests.day(after: journal.today) }
            journal.extraEnvironment["TRIAL_TEXT"] = text
            let process = try command == "add" ? journal.start("add", text) : journal.start(command)
            usleep(UInt32.random(in: 0...windows[command]!, using: &generator))
            process.kill()
            let ending = process.wait()
            let killed = ending != .exited(0)
            streaks[command] = killed ? ((streaks[command]?.killed ?? 0) + 1, 0) : (0, (streaks[command]?.finished ?? 0) + 1)
            if streaks[command]!.killed >= 10 { (windows[command], streaks[command]) = (windows[command]! / 2 * 3, (0, 0)) }
            if streaks[command]!.finished >= 10 { (windows[command], streaks[command]) = (windows[command]! / 3 * 2, (0, 0)) }
            switch ending {
            case .killed:
                outcomes[command, default: (0, 0)].killed += 1
                if !journal.gitLockFiles().isEmpty { leftLocks += 1 }
                // Whatever reached the working tree is the user's from now on.
                if command == "add", try CrashTests.workingTree(of: journal).contains(text) { mustSurvive.append(text) }
            case .exited(0):
                outcomes[command, default: (0, 0)].finished += 1
                if command == "add" { mustSurvive.append(text) }
            case .exited(let status):
                Issue.record("trial \(trial): journal \(command) exited \(status): \(process.stderr)")
            }
            let next = try journal.run("status")
            #expect(next.status == 0, "after trial \(trial) (\(command)): \(next.stderr)")
            _ = try journal.git("fsck", "--strict", "--no-dangling")
        }

        try journal.ok("add", "After the trials")
        try journal.ok("sync")
        mustSurvive += (FileManager.default.enumerator(atPath: markers)?.compactMap { $0 as? String } ?? [])
        // `git grep` exits 1 when nothing matches: that is a result (everything lost), not a failure.
        let grep = try ProcessResult.run(
            "/usr/bin/env", ["git", "grep", "-h", "-F", "-e", "Trial ", "-e", "Calibration ", "HEAD", "--", "*.md"],
            in: journal.directory, environment: journal.sandbox.environment)
        try #require(grep.status <= 1, "git grep: \(grep.stderr)")
        let lost = mustSurvive.filter { !grep.stdout.contains($0) }
        #expect(lost.isEmpty, "lost: \(lost)")
        try journal.assertClean()
        #expect(journal.gitLockFiles().isEmpty)
        #expect(FileManager.default.enumerator(atPath: remote)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".lock") } == [])
        let summary = outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.killed) killed, \($0.value.finished) finished" }
        print("kill -9 trials (windows \(windows.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value / 1000) ms" }.joined(separator: ", "))): "
            + summary.joined(separator: "; ") + "; \(leftLocks) left Git lock files; \(mustSurvive.count) texts kept, \(lost.count) lost")
        // The window was hit: commands died mid-way, and some got to the end.
        for command in commands { #expect((outcomes[command]?.killed ?? 0) > 0, "no \(command) was killed mid-way") }
        #expect(outcomes.values.map(\.finished).reduce(0, +) > 0, "no command finished: the window is too short to test the end")
    }

    static func workingTree(of journal: JournalRunner) throws -> String {
        let files = FileManager.default.enumerator(atPath: journal.directory)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".git") }
            .map { try String(contentsOfFile: journal.directory + "/" + $0, encoding: .utf8) }.joined()
    }

    static func day(after iso: String) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: formatter.date(from: iso)!.addingTimeInterval(86_400))
    }
}
