import Foundation
import TestSupport
import Testing

/// Git's `index.lock`, left by a crashed git or held a moment by an editor's background
/// `git status`: a command still runs once. Its commit is made exactly once, the index write that
/// fails after it is a warning naming the lock, and the next command after the lock is gone brings
/// the index up to date.
@Suite struct IndexLockTests {
    static let commands = ["add", "done", "new", "edit", "import", "undo", "sync"]

    @Test(arguments: commands)
    func aStaleIndexLockMakesOneCommitAndAWarning(command: String) throws {
        var journal = try journalReady(for: command)
        let lock = journal.directory + "/.git/index.lock"
        try Data().write(to: URL(fileURLWithPath: lock))
        let commits = try journal.commitCount()

        let result = try run(command, in: &journal)
        #expect(result.status == 0, "\(result.stderr)")
        // Sync brings the other machine's commit and makes one merge.
        let made = command == "sync" ? 2 : 1
        #expect(try journal.commitCount() == commits + made)
        #expect(result.stderr.contains("journal: warning: committed, but Git's index was not updated: \(lock) is left from a git command"))
        #expect(result.stderr.contains("remove it with: rm '\(lock)'"))
        try expectOnce(command, in: journal)

        try FileManager.default.removeItem(atPath: lock)
        try journal.ok("add", "After the lock")
        #expect(try journal.commitCount() == commits + made + 1)
        try journal.assertClean()
    }

    @Test(arguments: commands)
    func aHeldIndexLockMakesOneCommitAndNamesItsHolder(command: String) throws {
        var journal = try journalReady(for: command)
        let lock = journal.directory + "/.git/index.lock"
        let holder = try ChildProcess(["/bin/sh", "-c", "exec 3>\"$0\"; exec sleep 60", lock], environment: [:])
        defer { holder.kill() }
        for _ in 0..<3000 where !FileManager.default.fileExists(atPath: lock) { usleep(10_000) }
        try #require(FileManager.default.fileExists(atPath: lock), "the holder never made \(lock): \(holder.stderr)")
        let commits = try journal.commitCount()

        let result = try run(command, in: &journal)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try journal.commitCount() == commits + (command == "sync" ? 2 : 1))
        #expect(result.stderr.contains("committed, but Git's index was not updated: another process holds \(lock)"))
        try expectOnce(command, in: journal)

        holder.kill()
        holder.wait()
        try FileManager.default.removeItem(atPath: lock)
        try journal.ok("add", "After the lock")
        try journal.assertClean()
    }

    /// A journal where `command` has something to do: a task to finish, carry or undo, a file to
    /// import, and for sync a change on each side, so that it merges.
    private func journalReady(for command: String) throws -> JournalRunner {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("new")
        try journal.ok("add", "Written before")
        guard command == "sync" else { return journal }
        let remote = journal.sandbox.path("remote.git")
        try journal.sandbox.git("init", "-q", "--bare", "-b", "main", remote, in: journal.sandbox.root.path)
        try journal.ok("remote", "add", "origin", remote)
        try journal.ok("sync")
        var other = journal
        other.extraEnvironment["JOURNAL_DIR"] = journal.sandbox.path("other")
        try journal.sandbox.git("clone", "-q", remote, journal.sandbox.path("other"), in: journal.sandbox.root.path)
        try other.ok("add", "From the other machine")
        try other.ok("sync")
        try journal.ok("add", "Written here")
        return journal
    }

    private func run(_ command: String, in journal: inout JournalRunner) throws -> ProcessResult {
        switch command {
        case "add": return try journal.run("add", "Written once")
        case "done": return try journal.run("done", "1")
        case "new":
            journal.today = "2025-01-16"
            return try journal.run("new")
        case "edit":
            journal.extraEnvironment["EDITOR"] = try journal.editorScript("printf -- '- [ ] Written once\\n' >> \"$1\"")
            return try journal.run("edit")
        case "import":
            try journal.sandbox.write("- [ ] Written once\n", to: "notes.md")
            return try journal.run("import", journal.sandbox.path("notes.md"), "--date", "2025-01-15")
        case "undo": return try journal.run("undo")
        default: return try journal.run("sync")
        }
    }

    private func expectOnce(_ command: String, in journal: JournalRunner) throws {
        let day = try journal.day("2025-01-15")
        switch command {
        case "done": #expect(day.components(separatedBy: "- [x] Written before").count == 2)
        case "new": #expect(try journal.day("2025-01-16").components(separatedBy: "Written before").count == 2)
        case "undo": #expect(!day.contains("Written before"))
        case "sync": #expect(day.components(separatedBy: "From the other machine").count == 2)
        default: #expect(day.components(separatedBy: "Written once").count == 2, "\(day)")
        }
    }
}

/// A working tree that git is half-way through changing is not the user's edit.
@Suite struct GitOperationTests {
    /// Waits until a `git` process works in `directory` (as /proc shows it), at most 30 s.
    static func waitForGit(in directory: String) -> Bool {
        for _ in 0..<3000 {
            let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            for pid in pids where Int(pid) != nil {
                let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
                let cwd = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) ?? ""
                if name == "git\n" && cwd == directory { return true }
            }
            usleep(10_000)
        }
        return false
    }

    @Test func anUnfinishedMergeKeepsHandEditsUncommittedAndDoctorSaysSo() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Written before")
        let edited = try journal.day("2025-01-15") + "<<<<<<< HEAD\n"
        try journal.writeDay("2025-01-15", edited)
        let head = try journal.git("rev-parse", "HEAD")
        try head.write(toFile: journal.directory + "/.git/MERGE_HEAD", atomically: false, encoding: .utf8)
        let commits = try journal.commitCount()

        let refused = try journal.run("add", "Not now")
        #expect(refused.status == 1)
        #expect(refused.stderr == "journal: error: git is in the middle of a merge (\(journal.directory)/.git/MERGE_HEAD): "
            + "finish it, or abort it with 'git merge --abort'; until then journal does not commit the working tree, and nothing was changed\n")
        #expect(try journal.commitCount() == commits)
        #expect(try journal.day("2025-01-15") == edited)
        let doctor = try journal.run("doctor")
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains(".git/MERGE_HEAD: git is in the middle of a merge"))

        try FileManager.default.removeItem(atPath: journal.directory + "/.git/MERGE_HEAD")
        try journal.ok("add", "Now")
        #expect(try journal.commitCount() == commits + 2)
    }

    /// A git at work while the index is locked (a stash or a pull writing files) is waited for;
    /// the hand edit is committed once it has finished.
    @Test func aGitAtWorkWithTheIndexLockedIsWaitedFor() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Written before")
        try journal.writeDay("2025-01-15", try journal.day("2025-01-15") + "- [ ] Typed by hand\n")
        let lock = journal.directory + "/.git/index.lock"
        try Data().write(to: URL(fileURLWithPath: lock))
        // git reads for three seconds; the moment it ends, the script marks it, then unlocks the index.
        let marker = journal.sandbox.path("git-finished")
        let git = try ChildProcess(["/bin/sh", "-c", "sleep 3 | git -C \"$0\" cat-file --batch; : > \"$1\"; rm -f \"$0/.git/index.lock\"",
                                    journal.directory, marker], environment: journal.sandbox.environment)
        defer { git.kill() }
        try #require(GitOperationTests.waitForGit(in: journal.directory), "git never started")
        let added = try journal.run("add", "After git")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(FileManager.default.fileExists(atPath: marker), "journal took the working tree while git was still at work")
        #expect(git.wait() == .exited(0))
        let committed = try journal.git("show", "HEAD:2025/01/2025-01-15.md")
        #expect(committed.contains("- [ ] Typed by hand ^") && committed.contains("- [ ] After git ^"))
    }
}

/// What editors, systems and other programs leave in the journal never enters a commit.
@Suite struct StrayFileTests {
    @Test func editorDroppingsAreIgnoredAndOtherFilesInDayFoldersStayUncommitted() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        #expect(try journal.git("show", "HEAD:.gitignore").contains("*.swp\n"))
        try journal.ok("add", "Draw the diagram")
        for name in ["2025/01/.2025-01-15.md.swp", "2025/01/2025-01-15.md~", "2025/01/4913", "2025/01/diagram.png", ".merge_file_a1b2c3"] {
            try journal.sandbox.write("bytes\n", to: "journal/" + name)
        }
        let added = try journal.run("add", "Send it")
        #expect(added.status == 0)
        #expect(added.stderr == "journal: warning: left uncommitted: 2025/01/diagram.png (only day files belong in a "
            + "day folder, and Git's temporary files in none; every other machine would refuse them): move or delete\n")
        #expect(try journal.git("ls-tree", "-r", "--name-only", "HEAD") == ".gitattributes\n.gitignore\n.journal\n2025/01/2025-01-15.md\n")
        #expect(try journal.git("status", "--porcelain") == "?? 2025/01/diagram.png\n")
    }
}
