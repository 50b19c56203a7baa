import Foundation
import TestSupport
import Testing

/// What the next command does after a journal command died holding the lock, staged by hand:
/// the dead command's record in `.git/journal/lock`, and files dated before or after it.
@Suite struct CrashRecoveryTests {
    let journal: JournalRunner
    let deadPid: pid_t
    let crash = Date(timeIntervalSince1970: 1_736_930_000)

    init() throws {
        try self.init(command: "add")
    }

    /// `command` is the one the dead process ran.
    init(command: String) throws {
        journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Before the crash")
        let finished = try ChildProcess(["/bin/true"], environment: [:])
        finished.wait()
        deadPid = finished.pid
        let lock = journal.directory + "/.git/journal/lock"
        try "journal-lock \(deadPid) 1 \(command)\n".write(toFile: lock, atomically: false, encoding: .utf8)
        try setModified(lock, crash)
    }

    func setModified(_ path: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    /// A lock file, dated `offset` seconds from the crash.
    func leaveLock(_ relative: String, _ offset: Double) throws -> String {
        let path = journal.directory + "/" + relative
        try Data().write(to: URL(fileURLWithPath: path))
        try setModified(path, crash.addingTimeInterval(offset))
        return path
    }

    @Test func removesOnlyTheLockFilesTheDeadCommandCouldHaveLeft() throws {
        let newer = try leaveLock(".git/refs/heads/main.lock", 1)
        let older = try leaveLock(".git/config.lock", -60)
        let result = try journal.run("add", "After the crash")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "journal: warning: recovered from an interrupted journal command (pid \(deadPid)): removed .git/refs/heads/main.lock\n")
        #expect(!FileManager.default.fileExists(atPath: newer))
        #expect(FileManager.default.fileExists(atPath: older), "older than the dead command: not its own")
        #expect(try String(contentsOfFile: journal.directory + "/.git/journal/lock", encoding: .utf8).isEmpty)
        try FileManager.default.removeItem(atPath: older)
        try journal.assertClean()
        #expect(try journal.day("2025-01-15").contains("After the crash"))
    }

    /// libgit2 pushes to a remote on this machine by writing into it directly.
    @Test func aDeadSyncsLockInALocalRemoteIsRemovedToo() throws {
        let recovery = try CrashRecoveryTests(command: "sync")
        let remote = recovery.journal.sandbox.path("remote.git")
        try recovery.journal.sandbox.git("init", "-q", "--bare", "-b", "main", remote, in: recovery.journal.sandbox.root.path)
        try recovery.journal.ok("remote", "add", "origin", remote)
        let stale = remote + "/refs/heads/main.lock"
        try Data().write(to: URL(fileURLWithPath: stale))
        try recovery.setModified(stale, recovery.crash.addingTimeInterval(1))
        let result = try recovery.journal.run("sync")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("removed \(stale)"))
        #expect(try recovery.journal.sandbox.git("--git-dir", remote, "rev-parse", "main", in: recovery.journal.sandbox.root.path)
            == (try recovery.journal.git("rev-parse", "HEAD")))
    }

    @Test func keepsLockFilesWhileGitRunsInTheJournal() throws {
        let newer = try leaveLock(".git/index.lock", 1)
        // A program named git, working in the journal, as `git -C journal …` would be. A link,
        // not a copy: a copy still open for writing in a child another test forks is "busy".
        let git = journal.sandbox.path("bin/git")
        try FileManager.default.createDirectory(atPath: journal.sandbox.path("bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: git, withDestinationPath: "/bin/sleep")
        let running = try ChildProcess(["/bin/sh", "-c", "cd \"$0\" && exec \"$1\" 60", journal.directory, git], environment: [:])
        defer { running.kill() }
        let result = try journal.run("add", "While git runs")
        #expect(result.stderr.contains("journal: warning: an interrupted journal command (pid \(deadPid)) left .git/index.lock; kept, since git (pid \(running.pid)) is running there"))
        #expect(FileManager.default.fileExists(atPath: newer))
    }

    @Test func stopsAtAnObjectDamagedAroundTheCrash() throws {
        let hex = try journal.git("hash-object", "-w", "--stdin").trimmingCharacters(in: .whitespacesAndNewlines)
        let object = journal.directory + "/.git/objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: object))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: object)
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: object))
        try setModified(object, crash.addingTimeInterval(1))
        let head = try journal.git("rev-parse", "HEAD")
        for _ in 1...2 {
            let result = try journal.run("add", "After the crash")
            #expect(result.status == 1)
            #expect(result.stderr.hasSuffix("journal: error: an interrupted journal command (pid \(deadPid)) left damaged objects: object \(hex) (.git/objects/\(hex.prefix(2))/\(hex.dropFirst(2))) is truncated (its compressed data stops before the end); nothing was changed. 'journal doctor' tells how to recover\n"), "\(result.stderr)")
        }
        #expect(try journal.git("rev-parse", "HEAD") == head)
        let doctor = try journal.run("doctor")
        #expect(doctor.stdout.contains("journal command pid \(deadPid) stopped before it finished"))
        #expect(doctor.stdout.contains("object \(hex) is truncated"))
    }
}
