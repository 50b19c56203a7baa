import Foundation
import TestSupport
import Testing

/// Two machines (two directories, two HOMEs) syncing one journal through a real server.
struct TwoMachines {
    var first: JournalRunner
    var second: JournalRunner
    let remotePath: String
    let daemon: GitDaemon?
    var url: String

    enum Server { case path, gitDaemon }

    init(_ server: Server, today: String = "2025-01-15") throws {
        first = try JournalRunner()
        second = try JournalRunner()
        first.today = today
        second.today = today
        let servers = first.sandbox.path("server")
        remotePath = servers + "/journal.git"
        try FileManager.default.createDirectory(atPath: servers, withIntermediateDirectories: true)
        try first.sandbox.git("init", "-q", "--bare", "-b", "main", remotePath, in: servers)
        switch server {
        case .path:
            daemon = nil
            url = remotePath
        case .gitDaemon:
            let daemon = try GitDaemon(serving: servers, environment: first.sandbox.environment)
            self.daemon = daemon
            url = daemon.url("journal.git")
        }
        try first.ok("init")
        try first.ok("add", "Shared task one")
        try first.ok("add", "Shared task two")
        try first.ok("remote", "add", "origin", url)
        try first.ok("sync")
        try second.ok("clone", url, second.directory)
    }

    /// What must hold after every scenario: both machines and the remote consistent, the same
    /// days everywhere, no conflict markers.
    func assertConverged() throws {
        try first.ok("sync")
        try second.ok("sync")
        try first.ok("sync")
        try first.assertClean()
        try second.assertClean()
        _ = try first.sandbox.git("--git-dir", remotePath, "fsck", "--strict", "--no-dangling", in: first.sandbox.root.path)
        let plain = first.sandbox.path("plain-clone")
        try? FileManager.default.removeItem(atPath: plain)
        try first.sandbox.git("clone", "-q", remotePath, plain, in: first.sandbox.root.path)
        for path in try first.git("ls-files").split(separator: "\n") {
            let mine = try String(contentsOfFile: first.directory + "/" + path, encoding: .utf8)
            #expect(mine == (try String(contentsOfFile: second.directory + "/" + path, encoding: .utf8)))
            #expect(mine == (try String(contentsOfFile: plain + "/" + path, encoding: .utf8)))
            #expect(!mine.contains("<<<<<<<") && !mine.contains(">>>>>>>"))
        }
    }

    func tasks(_ day: String) throws -> [String] {
        try first.day(day).split(separator: "\n").filter { $0.contains("[") && $0.contains("^") }.map(String.init)
    }
}

@Suite struct SyncTests {
    @Test(arguments: [TwoMachines.Server.path, .gitDaemon])
    func bothMachinesStartingTheSameMorningDuplicateNothing(_ server: TwoMachines.Server) throws {
        var machines = try TwoMachines(server)
        machines.first.today = "2025-01-16"
        machines.second.today = "2025-01-16"
        // Different clocks: made in the same second, the two `new` commits would be one commit.
        machines.second.extraEnvironment = ["GIT_AUTHOR_DATE": "2025-01-16T08:00:00Z", "GIT_COMMITTER_DATE": "2025-01-16T08:00:00Z"]
        try machines.first.ok("new")
        try machines.second.ok("new")
        try machines.second.ok("add", "Only on the second machine")
        try machines.first.ok("sync")
        let output = try machines.second.ok("sync")
        #expect(output.hasPrefix("synced with origin: merged, pushed\n"))
        try machines.assertConverged()
        let today = try machines.tasks("2025-01-16")
        #expect(today.count == 3)
        #expect(today.filter { $0.contains("Shared task one") }.count == 1)
    }

    @Test func doneOnOneMachineAndRewordedOnTheOtherKeepsBoth() throws {
        let machines = try TwoMachines(.gitDaemon)
        try machines.first.ok("done", "1")
        try machines.second.writeDay("2025-01-15", try machines.second.day("2025-01-15").replacingOccurrences(of: "Shared task one", with: "Shared task one, reworded"))
        try machines.second.ok("sync")
        try machines.first.ok("sync")
        try machines.assertConverged()
        #expect(try machines.tasks("2025-01-15").first?.hasPrefix("- [x] Shared task one, reworded ^") == true)
        #expect(try machines.first.git("log", "-1", "--format=%P").split(separator: " ").count == 2)
        #expect(!(try machines.first.git("rev-parse", "refs/journal/pre-sync").isEmpty))
    }

    @Test func aTaskDeletedOnOneMachineButEditedOnTheOtherIsKept() throws {
        let machines = try TwoMachines(.path)
        let day = try machines.first.day("2025-01-15")
        try machines.first.writeDay("2025-01-15", day.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Shared task two") }.joined(separator: "\n"))
        try machines.first.ok("sync")
        try machines.second.ok("start", "2")
        try machines.second.ok("sync")
        try machines.assertConverged()
        #expect(try machines.tasks("2025-01-15").contains { $0.hasPrefix("- [/] Shared task two ^") })
    }

    @Test func aWeekOfOfflineWorkOnBothSidesMergesEveryTask() throws {
        var machines = try TwoMachines(.gitDaemon)
        for (offset, day) in ["2025-01-16", "2025-01-17", "2025-01-20", "2025-01-21"].enumerated() {
            machines.first.today = day
            machines.second.today = day
            try machines.first.ok("new")
            try machines.first.ok("add", "First machine, day \(offset)")
            if offset % 2 == 0 {
                try machines.second.ok("add", "Second machine, yesterday's \(offset)", "--date", "yesterday")
            }
        }
        try machines.first.ok("sync")
        try machines.second.ok("sync")
        try machines.assertConverged()
        let all = try machines.first.git("grep", "-h", "machine", "--", "2025").split(separator: "\n")
        for offset in 0..<4 { #expect(all.contains { $0.contains("First machine, day \(offset)") }) }
        #expect(all.contains { $0.contains("Second machine, yesterday's 0") } && all.contains { $0.contains("Second machine, yesterday's 2") })
    }

    @Test func bothPushingAtOnceLandsBothChanges() throws {
        let machines = try TwoMachines(.gitDaemon)
        try machines.first.ok("add", "Pushed at once by the first")
        try machines.second.ok("add", "Pushed at once by the second")
        let processes = try [machines.first, machines.second].map { machine -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: JournalRunner.binary)
            process.arguments = ["sync"]
            process.environment = machine.environment
            process.standardOutput = FileHandle.nullDevice
            _ = FileManager.default.createFile(atPath: machine.sandbox.path("sync.err"), contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: machine.sandbox.path("sync.err")))
            try process.run()
            return process
        }
        processes.forEach { $0.waitUntilExit() }
        let errors = try [machines.first, machines.second].map { try $0.sandbox.read("sync.err") }.joined()
        #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(errors)")
        try machines.assertConverged()
        let tasks = try machines.tasks("2025-01-15").joined(separator: "\n")
        #expect(tasks.contains("Pushed at once by the first") && tasks.contains("Pushed at once by the second"))
    }

    @Test func aRemoteRewrittenToAnOlderHistoryIsRefusedAndNothingChanges() throws {
        let machines = try TwoMachines(.path)
        try machines.first.ok("add", "Pushed, then lost on the remote")
        try machines.first.ok("sync")
        try machines.second.ok("sync")
        _ = try machines.first.sandbox.git("--git-dir", machines.remotePath, "update-ref", "refs/heads/main", "HEAD~1", in: machines.first.sandbox.root.path)
        let head = try machines.second.git("rev-parse", "HEAD")
        // A fetch by hand moves the remote-tracking ref: it must not hide the rewrite.
        _ = try machines.second.git("fetch", "-q", "origin")
        let result = try machines.second.run("sync")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("journal: error: the history on 'origin' was rewritten (force-pushed) since the last sync"))
        #expect(result.stderr.hasSuffix("Inspect it with: git -C \(machines.second.directory) log origin/main\n"), "\(result.stderr)")
        #expect(try machines.second.git("rev-parse", "HEAD") == head)
        #expect(try machines.second.day("2025-01-15").contains("Pushed, then lost on the remote"))
    }

    @Test func aServerThatRefusesThePushIsReportedAndNothingIsLost() throws {
        let machines = try TwoMachines(.gitDaemon)
        let hook = machines.remotePath + "/hooks/pre-receive"
        try writeExecutable("#!/bin/sh\necho 'journal is frozen' >&2\nexit 1\n", to: hook)
        try machines.first.ok("add", "Refused by the server")
        let result = try machines.first.run("sync")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("journal: error: 'origin' refused to update refs/heads/main: "))
        #expect(result.stderr.hasSuffix("; your commits are safe locally\n"))
        #expect(try machines.first.day("2025-01-15").contains("Refused by the server"))
        try machines.first.assertClean()
    }

    @Test func aRemoteWithASymlinkNamedLikeADayFileIsRefused() throws {
        let machines = try TwoMachines(.path)
        let other = machines.first.sandbox.path("attacker")
        try machines.first.sandbox.git("clone", "-q", machines.remotePath, other, in: machines.first.sandbox.root.path)
        try FileManager.default.createSymbolicLink(atPath: other + "/2025/01/2025-01-16.md", withDestinationPath: "/etc/passwd")
        try machines.first.sandbox.git("add", "-A", in: other)
        try machines.first.sandbox.git("commit", "-qm", "link", in: other)
        try machines.first.sandbox.git("push", "-q", "origin", "main", in: other)
        let head = try machines.second.git("rev-parse", "HEAD")
        let result = try machines.second.run("sync")
        #expect(result.stderr == "journal: error: refused what the remote sent: 2025/01/2025-01-16.md is a symbolic link, not a regular file; the local journal is untouched\n")
        #expect(try machines.second.git("rev-parse", "HEAD") == head)
        #expect(!FileManager.default.fileExists(atPath: machines.second.directory + "/2025/01/2025-01-16.md"))
    }

    @Test func dryRunShowsBothDirectionsAndChangesNothing() throws {
        let machines = try TwoMachines(.path)
        try machines.first.ok("add", "Outgoing from the first")
        try machines.second.ok("add", "Incoming to the first")
        try machines.second.ok("sync")
        let head = try machines.first.git("rev-parse", "HEAD")
        #expect(try machines.first.ok("status").contains("remote origin: 1 commit to push, 0 to merge (last sync "))
        let output = try machines.first.ok("sync", "--dry-run")
        #expect(output.contains("would come in from origin: 1 commit\n  add ^") && output.contains("Incoming to the first"))
        #expect(output.contains("would go out to origin: 1 commit\n  add ^") && output.contains("Outgoing from the first"))
        // Task by task, under the commits.
        #expect(output.contains("\n    2025-01-15 new ^") && output.contains(" Incoming to the first\nwould go out"))
        #expect(output.hasSuffix(" Outgoing from the first\n") && output.components(separatedBy: "    2025-01-15 new ^").count == 3)
        #expect(try machines.first.git("rev-parse", "HEAD") == head)
    }

    @Test func anUnreachableRemoteIsOneLineAndTheNextSyncWorks() throws {
        let machines = try TwoMachines(.path)
        try machines.first.ok("remote", "add", "offline", "git://127.0.0.1:1/nothing.git")
        let listed = try JSONSerialization.jsonObject(with: Data(try machines.first.ok("remote", "list", "--json").utf8)) as? [[String: String]]
        #expect(listed?.contains(["name": "offline", "url": "git://127.0.0.1:1/nothing.git"]) == true && listed?.count == 2)
        try machines.first.ok("add", "Made offline")
        let result = try machines.first.run("sync", "--remote", "offline")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("journal: error: cannot fetch from 'offline': "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        try machines.first.ok("sync")
        #expect(try machines.first.run("sync", "--remote", "nowhere").stderr == "journal: error: no remote 'nowhere'; add one with: journal remote add nowhere URL\n")
    }

    @Test func otherFilesInConflictKeepBothVersionsAndAChangeBeatsADeletion() throws {
        let machines = try TwoMachines(.path)
        try machines.first.sandbox.write("shared\n", to: "journal/README.md")
        try machines.first.sandbox.write("keep me\n", to: "journal/plans.txt")
        try machines.first.ok("sync")
        try machines.second.ok("sync")
        try machines.first.sandbox.write("first\n", to: "journal/README.md")
        try FileManager.default.removeItem(atPath: machines.first.directory + "/plans.txt")
        try machines.first.ok("sync")
        try machines.second.sandbox.write("second\n", to: "journal/README.md")
        try machines.second.sandbox.write("keep me, changed\n", to: "journal/plans.txt")
        let result = try machines.second.run("sync")
        #expect(result.status == 0)
        let theirs = try machines.first.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(result.stderr == "journal: warning: README.md changed on both sides; theirs is kept beside it as README.md.conflict-…\n")
        #expect(try machines.second.sandbox.read("journal/README.md") == "second\n")
        #expect(try machines.second.sandbox.read("journal/README.md.conflict-\(theirs)") == "first\n")
        #expect(try machines.second.sandbox.read("journal/plans.txt") == "keep me, changed\n")
        #expect(try machines.second.git("log", "-1", "--format=%B").contains("kept both versions of README.md"))
        try machines.assertConverged()
    }

    @Test func dayFilesMergeByTaskEvenWithoutTheGitattributesLine() throws {
        let machines = try TwoMachines(.path)
        try FileManager.default.removeItem(atPath: machines.first.directory + "/.gitattributes")
        try machines.first.ok("sync")
        try machines.second.ok("sync")
        try machines.first.ok("add", "Only on the first")
        try machines.first.ok("sync")
        try machines.second.ok("add", "Only on the second")
        try machines.second.ok("sync")
        let day = try machines.second.day("2025-01-15")
        #expect(day.contains("Only on the first") && day.contains("Only on the second") && !day.contains("<<<<<<<"))
        try machines.assertConverged()
    }

    @Test func aTerminalSeesTransferProgressAndAPipeOnlyTheResult() throws {
        let machines = try TwoMachines(.gitDaemon)
        try machines.first.ok("add", "Sent with a progress line")
        // script(1) runs the command on a pseudo-terminal, as a user's shell would.
        func onTerminal(_ runner: JournalRunner, _ command: String) throws -> String {
            let result = try ProcessResult.run("/usr/bin/script", ["-qfec", "\(JournalRunner.binary) \(command)", "/dev/null"],
                                               in: runner.sandbox.root.path, environment: runner.environment)
            #expect(result.status == 0)
            return result.stdout
        }
        let pushed = try onTerminal(machines.first, "sync")
        #expect(pushed.hasPrefix("\rsending objects: "))
        #expect(pushed.hasSuffix("\r\u{1B}[Ksynced with origin: pushed\r\n"))
        let fetched = try onTerminal(machines.second, "sync")
        #expect(fetched.hasPrefix("\rreceiving objects: "))
        #expect(fetched.hasSuffix("\r\u{1B}[Ksynced with origin: fast-forward\r\n"))

        try machines.second.ok("add", "Sent through a pipe")
        let piped = try machines.second.run("sync")
        #expect(piped.stdout == "synced with origin: pushed\n")
        #expect(piped.stderr.isEmpty)
    }
}
