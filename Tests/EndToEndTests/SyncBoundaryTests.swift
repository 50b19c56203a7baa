import Foundation
import TestSupport
import Testing

/// What one machine may send and receive: nothing that would stop another machine, nothing that
/// changes the rules of the journal, and no ref left on what was refused.
@Suite struct SyncBoundaryTests {
    /// A third clone, made and pushed from with plain git, as someone would by hand.
    func pushByHand(_ machines: TwoMachines, _ change: (String) throws -> Void) throws {
        let other = machines.first.sandbox.path("by-hand")
        try? FileManager.default.removeItem(atPath: other)
        try machines.first.sandbox.git("clone", "-q", machines.remotePath, other, in: machines.first.sandbox.root.path)
        try change(other)
        try machines.first.sandbox.git("add", "-A", in: other)
        try machines.first.sandbox.git("commit", "-qm", "by hand", in: other)
        try machines.first.sandbox.git("push", "-q", "origin", "main", in: other)
    }

    @Test func aRefusedTreeLeavesNoRefAndFsckStaysClean() throws {
        let machines = try TwoMachines(.path)
        try pushByHand(machines) { other in
            try FileManager.default.createSymbolicLink(atPath: other + "/2025/01/2025-01-16.md", withDestinationPath: "/etc/passwd")
        }
        let tracking = try machines.second.git("rev-parse", "origin/main")
        #expect(try machines.second.run("sync").status == 1)
        #expect(try machines.second.git("rev-parse", "origin/main") == tracking)
        _ = try machines.second.git("fsck", "--strict", "--no-dangling")
        #expect(try machines.second.ok("status").contains("0 to merge"))
    }

    @Test func aRemoteCommitDeletingTheMarkerIsRefused() throws {
        let machines = try TwoMachines(.path)
        try pushByHand(machines) { other in try FileManager.default.removeItem(atPath: other + "/.journal") }
        let result = try machines.second.run("sync")
        #expect(result.status == 1)
        #expect(result.stderr == "journal: error: refused what the remote sent: .journal is deleted: without it no machine takes the folder for a journal; the local journal is untouched\n")
        #expect(try machines.second.ok("doctor").contains("journal"))
    }

    @Test func aRemoteMarkerNamingAnotherLayoutIsRefused() throws {
        let machines = try TwoMachines(.path)
        try pushByHand(machines) { other in
            let marker = "This Git repository is a work journal kept by `journal` (day-file format 2).\nDay files: Daily/YYYY-MM-DD.md\nTask words: checkboxes\n"
            try marker.write(toFile: other + "/.journal", atomically: true, encoding: .utf8)
        }
        let result = try machines.second.run("sync")
        #expect(result.status == 1)
        #expect(result.stderr == "journal: error: refused what the remote sent: .journal keeps days as Daily/YYYY-MM-DD.md, where this journal keeps them as YYYY/MM/YYYY-MM-DD.md; the local journal is untouched\n")
    }

    @Test func anIncomingMergeAttributeNeverChangesHowDaysMerge() throws {
        let machines = try TwoMachines(.path)
        try pushByHand(machines) { other in
            try "*.md merge=union\n".write(toFile: other + "/.gitattributes", atomically: true, encoding: .utf8)
        }
        try machines.first.ok("sync")
        try machines.first.ok("done", "1")
        try machines.second.ok("sync")
        try machines.second.ok("cancel", "2")
        try machines.second.ok("sync")
        try machines.first.ok("sync")
        try machines.assertConverged()
        let tasks = try machines.tasks("2025-01-15")
        #expect(tasks.count == 2, "\(tasks)")
        #expect(tasks[0].hasPrefix("- [x] Shared task one ^") && tasks[1].hasPrefix("- [-] Shared task two ^"))
    }

    @Test func aStrayFileIsNeverSentWhereItWouldStopTheOthers() throws {
        let machines = try TwoMachines(.path)
        let stray = machines.first.directory + "/2025/01/diagram.png"
        try Data([0x89, 0x50]).write(to: URL(fileURLWithPath: stray))
        _ = try machines.first.git("add", "2025/01/diagram.png")
        _ = try machines.first.git("commit", "-qm", "a diagram")
        let result = try machines.first.run("sync")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("journal: error: will not send 2025/01/diagram.png: it is in a day folder but is not named YYYY/MM/YYYY-MM-DD.md"), "\(result.stderr)")
        #expect(try machines.second.ok("sync").contains("up to date"))
    }

    @Test func editorDroppingsStayOutOfTheJournal() throws {
        let machines = try TwoMachines(.path)
        for name in [".2025-01-15.md.swp", "2025-01-15.md~", "4913"] {
            try "x".write(toFile: machines.first.directory + "/2025/01/" + name, atomically: true, encoding: .utf8)
        }
        try machines.first.ok("add", "While the editor is open")
        try machines.first.ok("sync")
        #expect(try machines.second.ok("sync").contains("fast-forward"))
        #expect(try machines.first.git("ls-files", "2025/01").split(separator: "\n") == ["2025/01/2025-01-15.md"])
    }

    @Test func aRemoteWhoseMainWasDeletedGetsOursWithALineSayingSo() throws {
        let machines = try TwoMachines(.path)
        _ = try machines.first.sandbox.git("--git-dir", machines.remotePath, "update-ref", "-d", "refs/heads/main", in: machines.first.sandbox.root.path)
        let output = try machines.first.ok("sync")
        #expect(output.hasPrefix("origin had no main branch (deleted there?): this machine's was pushed to it\n"), "\(output)")
        let remote = try machines.first.sandbox.git("--git-dir", machines.remotePath, "rev-parse", "refs/heads/main", in: machines.first.sandbox.root.path)
        #expect(remote == (try machines.first.git("rev-parse", "HEAD")))
    }

    @Test func aLockLeftInAPathRemoteIsNamedWithTheCommandThatRemovesIt() throws {
        let machines = try TwoMachines(.path)
        let lock = machines.remotePath + "/refs/heads/main.lock"
        try "".write(toFile: lock, atomically: false, encoding: .utf8)
        try machines.first.ok("add", "Waiting to be pushed")
        let result = try machines.first.run("sync")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("journal: error: 'origin' is locked by \(lock), left "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("if no sync is running on another machine, remove it with: rm \(lock)\n"))
        try FileManager.default.removeItem(atPath: lock)
        try machines.first.ok("sync")
    }
}

/// A remote that never answers: sync gives up after `journal.syncTimeout`, and meanwhile the
/// journal is not held.
@Suite struct SilentRemoteTests {
    @Test func syncGivesUpOnASilentServerNamingTheRemoteAndTheStep() throws {
        let server = try SilentServer()
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("remote", "add", "slow", server.url("journal.git"))
        try journal.ok("config", "journal.syncTimeout", "1")
        let head = try journal.git("rev-parse", "HEAD")
        let sync = try journal.start("sync", "--remote", "slow")
        #expect(sync.wait(atMost: 60) == .exited(1))
        #expect(sync.stderr == "journal: error: 'slow' did not answer within 1 seconds while fetching; nothing was changed (journal.syncTimeout sets the limit)\n")
        #expect(try journal.git("rev-parse", "HEAD") == head)
    }

    @Test func aCommandTypedWhileSyncWaitsOnTheNetworkGoesAhead() throws {
        let server = try SilentServer()
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("remote", "add", "slow", server.url("journal.git"))
        let sync = try journal.start("sync", "--remote", "slow")
        while server.connections == 0 && sync.isRunning { usleep(20_000) }
        try journal.ok("add", "Typed while sync waits")
        #expect(sync.isRunning, "sync is still waiting on the silent server")
        sync.kill()
        sync.wait()
        #expect(try journal.day("2025-01-15").contains("Typed while sync waits"))
    }
}
