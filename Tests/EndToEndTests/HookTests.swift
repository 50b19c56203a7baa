import Foundation
import TestSupport
import Testing

extension JournalRunner {
    /// Installs `script` as the journal's hook `name`, executable.
    func installHook(_ name: String, _ script: String, in folder: String? = nil) throws {
        let hooks = folder ?? directory + "/.git/hooks"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        try writeExecutable(script, to: hooks + "/" + name)
    }

    /// Installs, for each hook name, a script that records how it was called in `log`: its
    /// arguments, whether it ran at the journal's top with JOURNAL_DIR set, JOURNAL_FILE,
    /// JOURNAL_COMMAND, and its standard input.
    func installRecorders(_ names: [String], log: String) throws {
        for name in names {
            try installHook(name, """
                #!/bin/sh
                {
                  printf '%s' '\(name)'
                  for argument in "$@"; do printf ' <%s>' "$argument"; done
                  [ "$(pwd -P)" = "$(cd "$JOURNAL_DIR" && pwd -P)" ] && printf ' at-top'
                  [ -n "$JOURNAL_FILE" ] && printf ' file=%s' "${JOURNAL_FILE#$JOURNAL_DIR/}"
                  [ -n "$JOURNAL_COMMAND" ] && printf ' command=%s' "$JOURNAL_COMMAND"
                  [ '\(name)' = pre-commit ] && printf ' staged=%s' "$(git diff --cached --name-only | tr '\\n' ' ')"
                  [ '\(name)' = pre-push ] && printf ' stdin=%s' "$(cat)"
                  echo
                } >> '\(log)'

                """)
        }
    }

    func commitMessages() throws -> [String] {
        try git("log", "--format=%s").split(separator: "\n").map(String.init)
    }
}

@Suite struct HookTests {
    static let gitHooks = ["pre-commit", "commit-msg", "post-commit", "pre-push", "post-merge", "post-new", "post-sync"]

    /// Alive and not a zombie waiting for a parent that is gone.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.range(of: ") ", options: .backwards) else { return false }
        return stat[afterName.upperBound...].first != "Z"
    }

    func lines(_ path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func eachCommitRunsPreCommitCommitMsgAndPostCommitInGitsOrder() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        let log = journal.sandbox.path("hooks.log")
        try journal.installRecorders(HookTests.gitHooks, log: log)
        // The journal named by --dir, whatever JOURNAL_DIR said: hooks get the one in use.
        journal.extraEnvironment["JOURNAL_DIR"] = journal.sandbox.path("elsewhere")
        try journal.ok("add", "Review the design", "--dir", journal.directory)
        let message = journal.directory + "/.git/COMMIT_EDITMSG"
        // pre-commit sees the change staged, as under git commit.
        #expect(try lines(log) == ["pre-commit at-top command=add staged=2025/01/2025-01-15.md ", "commit-msg <\(message)> at-top command=add",
                                   "post-commit at-top command=add"])
    }

    @Test func newRunsPostNewWithTheDateAndTheDayFileAfterItsCommit() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        let log = journal.sandbox.path("hooks.log")
        try journal.installRecorders(["post-commit", "post-new"], log: log)
        try journal.ok("new")
        #expect(try lines(log) == ["post-commit at-top command=new", "post-new <2025-01-15> at-top file=2025/01/2025-01-15.md command=new"])
    }

    @Test func syncRunsPrePushWithGitsArgumentsAndInputThenPostMergeAndPostSync() throws {
        let machines = try TwoMachines(.gitDaemon)
        try machines.first.ok("add", "From the first machine")
        try machines.first.ok("sync")
        try machines.second.ok("add", "From the second machine")
        let log = machines.second.sandbox.path("hooks.log")
        try machines.second.installRecorders(HookTests.gitHooks, log: log)
        try machines.second.ok("sync")
        let head = try machines.second.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let theirs = try machines.second.git("rev-parse", "HEAD^2").trimmingCharacters(in: .whitespacesAndNewlines)
        // A merge runs commit-msg, as git merge does, but neither pre-commit nor post-commit; and
        // post-merge comes before pre-push, as with `git pull` then `git push`.
        #expect(try lines(log) == [
            "commit-msg <\(machines.second.directory)/.git/COMMIT_EDITMSG> at-top command=sync",
            "post-merge <0> at-top command=sync",
            "pre-push <origin> <\(machines.url)> at-top command=sync stdin=refs/heads/main \(head) refs/heads/main \(theirs)",
            "post-sync <origin> at-top command=sync",
        ])
    }

    @Test func noVerifySkipsPreCommitAndCommitMsgButNotPostCommit() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        let log = journal.sandbox.path("hooks.log")
        try journal.installRecorders(["pre-commit", "commit-msg", "post-commit"], log: log)
        try journal.ok("add", "--no-verify", "Quick note")
        #expect(try lines(log) == ["post-commit at-top command=add"])
    }

    @Test func aFailingPreCommitLeavesNoCommitAndLosesNoChange() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("new")
        try journal.installHook("pre-commit", "#!/bin/sh\necho 'pre-commit: not today' >&2\nexit 3\n")
        let commits = try journal.commitCount()
        let result = try journal.run("add", "Kept although refused")
        #expect(result.status == 1)
        #expect(result.stderr.contains("pre-commit: not today\n"))
        #expect(result.stderr.hasSuffix("journal: error: the pre-commit hook refused (exit 3): nothing was committed; the change stays in the working tree and the next journal command that writes commits it as a hand edit (so do not repeat this one). Fix what the hook reports, or skip the hook with --no-verify\n"))
        #expect(try journal.commitCount() == commits)
        #expect(try journal.day("2025-01-15").contains("- [ ] Kept although refused ^"))

        // The next command meets the hook on the waiting hand edit first, and does nothing.
        let next = try journal.run("add", "Not added while refused")
        #expect(next.stderr.hasSuffix("journal: error: the pre-commit hook refused (exit 3): the hand edits waiting in the working tree were not committed, so the command did nothing. Fix them ('journal edit' still opens the day) and run it again, or skip the hook with --no-verify\n"))
        #expect(try !journal.day("2025-01-15").contains("Not added while refused"))

        // journal edit still opens the day; once the hook lets it through, everything goes in.
        let editor = journal.sandbox.path("editor.sh")
        try writeExecutable("#!/bin/sh\nrm '\(journal.directory)/.git/hooks/pre-commit'\nprintf -- '- [ ] Typed while fixing\\n' >> \"$1\"\n", to: editor)
        var editing = journal
        editing.extraEnvironment["EDITOR"] = editor
        let edited = try editing.run("edit")
        #expect(edited.status == 0)
        #expect(edited.stderr == "pre-commit: not today\njournal: warning: a hook refused the hand edits waiting in the working tree; they stay uncommitted and go in with this edit once the hook lets them through\n")
        let committed = try journal.git("show", "HEAD:2025/01/2025-01-15.md")
        #expect(committed.contains("- [ ] Kept although refused ^") && committed.contains("- [ ] Typed while fixing ^"))
        try journal.assertClean()
    }

    @Test func commitMsgMayEditTheMessageOrRefuseTheCommit() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.installHook("commit-msg", "#!/bin/sh\nsed -i '1s/^/[journal] /' \"$1\"\n")
        try journal.ok("add", "Edited message")
        #expect(try journal.commitMessages().first == "[journal] add ^\(try journal.git("log", "-1", "--format=%(trailers:key=Journal-Task,valueonly)").trimmingCharacters(in: .whitespacesAndNewlines)) Edited message (2025-01-15)")
        try journal.installHook("commit-msg", "#!/bin/sh\n: > \"$1\"\n")
        let commits = try journal.commitCount()
        let result = try journal.run("add", "Emptied message")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("journal: error: the commit-msg hook left the commit message empty: nothing was committed"))
        #expect(try journal.commitCount() == commits)
    }

    @Test func aHookThatHangsIsStoppedAtItsTimeLimitWithWhatItStarted() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.git("config", "journal.hookTimeout", "1")
        let pids = journal.sandbox.path("pids")
        try journal.installHook("pre-commit", "#!/bin/sh\nsleep 300 &\necho $! >> '\(pids)'\necho $$ >> '\(pids)'\nwait\n")
        let commits = try journal.commitCount()
        let result = try journal.run("add", "Never committed")
        #expect(result.status == 1)
        #expect(result.stderr.contains("the pre-commit hook did not finish within 1 s and was stopped (journal.hookTimeout sets the limit): nothing was committed"))
        #expect(try journal.commitCount() == commits)
        let started = try lines(pids).compactMap { pid_t($0) }
        #expect(started.count == 2)
        for pid in started { #expect(!HookTests.isRunning(pid)) }

        // An announcing hook that hangs costs a warning, not the command.
        try FileManager.default.removeItem(atPath: journal.directory + "/.git/hooks/pre-commit")
        try journal.installHook("post-commit", "#!/bin/sh\nexec sleep 300\n")
        let announced = try journal.run("add", "Committed anyway")
        #expect(announced.status == 0)
        #expect(announced.stderr.contains("journal: warning: the post-commit hook did not finish within 1 s and was stopped"))
        #expect(try journal.commitMessages().first?.contains("Committed anyway") == true)
    }

    @Test func aRefusingPrePushStopsThePushAndKeepsTheCommits() throws {
        let machines = try TwoMachines(.path)
        try machines.first.installHook("pre-push", "#!/bin/sh\necho 'pre-push: not now' >&2\nexit 1\n")
        try machines.first.ok("add", "Stays local")
        let remoteBefore = try machines.first.sandbox.git("--git-dir", machines.remotePath, "rev-parse", "main", in: machines.first.sandbox.root.path)
        let result = try machines.first.run("sync")
        #expect(result.status == 1)
        #expect(result.stderr.contains("pre-push: not now\n"))
        #expect(result.stderr.hasSuffix("journal: error: the pre-push hook refused (exit 1): nothing was pushed; your commits are safe locally. Skip the hook with --no-verify\n"))
        #expect(try machines.first.sandbox.git("--git-dir", machines.remotePath, "rev-parse", "main", in: machines.first.sandbox.root.path) == remoteBefore)
        try machines.first.ok("sync", "--no-verify")
        #expect(try machines.first.sandbox.git("--git-dir", machines.remotePath, "log", "-1", "--format=%s", "main", in: machines.first.sandbox.root.path).contains("Stays local"))
    }

    @Test func hooksInCoreHooksPathOutsideTheJournalRun() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        let folder = journal.sandbox.path("my-hooks")
        let log = journal.sandbox.path("hooks.log")
        try journal.installHook("post-commit", "#!/bin/sh\necho ran >> '\(log)'\n", in: folder)
        try journal.git("config", "core.hooksPath", folder)
        try journal.ok("add", "With my hooks")
        #expect(try lines(log) == ["ran"])
    }

    /// A hook that arrives with the journal's files (by sync or clone) never runs, even where
    /// Git would run it because core.hooksPath points there.
    @Test func aHookCommittedInsideTheJournalNeverRunsAfterCloneOrSync() throws {
        let machines = try TwoMachines(.gitDaemon)
        let marker = machines.second.sandbox.path("hook-ran")
        let hook = "#!/bin/sh\ntouch '\(marker)'\n"
        for folder in [".githooks", "hooks"] {
            try machines.first.installHook("post-commit", hook, in: machines.first.directory + "/" + folder)
            try machines.first.installHook("pre-commit", hook, in: machines.first.directory + "/" + folder)
        }
        try machines.first.git("add", ".githooks", "hooks")
        try machines.first.git("commit", "-q", "-m", "hooks for everyone")
        try machines.first.ok("sync")

        try machines.second.ok("sync")
        try machines.second.ok("add", "After the sync")
        // Synced with its mode, which no later commit changes.
        #expect(try machines.second.git("ls-tree", "HEAD", ".githooks/post-commit").hasPrefix("100755 blob "))
        #expect(FileManager.default.isExecutableFile(atPath: machines.second.directory + "/.githooks/post-commit"))
        let clone = try JournalRunner()
        try clone.ok("clone", machines.url, clone.directory)
        try clone.ok("add", "After the clone")
        #expect(!FileManager.default.fileExists(atPath: marker))

        // Named by core.hooksPath, where Git would run it.
        try machines.second.git("config", "core.hooksPath", ".githooks")
        let result = try machines.second.run("add", "Refused hooks folder")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("journal: error: core.hooksPath '.githooks' is among the journal's files, where sync and clone write: journal runs no hook from there."))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func hooksListShowsTheReadySetAndInstallRefusesToOverwriteWithoutForce() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        let listed = try journal.ok("hooks", "list")
        #expect(listed.contains("  pre-commit   available  Refuses a commit whose day files `journal check` finds invalid.\n"))
        #expect(try journal.ok("hooks", "install", "pre-commit").hasPrefix("installed pre-commit as "))
        #expect(try journal.ok("hooks", "install", "pre-commit").hasPrefix("pre-commit is already installed as "))
        try journal.installHook("post-new", "#!/bin/sh\necho mine\n")
        #expect(try journal.ok("hooks").contains("  post-new     installed (differs from the ready one)"))
        let refused = try journal.run("hooks", "install", "post-new")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasSuffix("/.git/hooks/post-new exists and differs from the ready hook; nothing was changed (--force replaces it)\n"))
        #expect(try String(contentsOfFile: journal.directory + "/.git/hooks/post-new", encoding: .utf8) == "#!/bin/sh\necho mine\n")
        #expect(try journal.ok("hooks", "install", "post-new", "--force").hasPrefix("replaced "))
        #expect(try journal.ok("hooks").contains("  post-new     installed  "))
        let unknown = try journal.run("hooks", "install", "pre-rebase")
        #expect(unknown.stderr == "journal: error: no ready hook 'pre-rebase' (there are: post-commit, post-new, pre-commit)\n")
    }
}
