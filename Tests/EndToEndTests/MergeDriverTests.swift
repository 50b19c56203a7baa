import Foundation
import TestSupport
import Testing

/// `journal merge-file` wired into plain Git, as the README says.
@Suite struct MergeDriverTests {
    @Test func aGitPullByHandMergesDayFilesTaskByTask() throws {
        var first = try JournalRunner()
        try first.ok("init")
        try first.ok("add", "Review the module")
        try first.ok("add", "Write the docs")
        let sandbox = first.sandbox
        let remote = sandbox.path("remote.git")
        try sandbox.git("clone", "-q", "--bare", first.directory, remote, in: sandbox.root.path)
        let second = sandbox.path("second")
        try sandbox.git("clone", "-q", remote, second, in: sandbox.root.path)
        for clone in [first.directory, second] {
            try sandbox.git("config", "merge.journal.driver", "\(JournalRunner.binary) merge-file %O %A %B", in: clone)
            try sandbox.git("config", "pull.rebase", "false", in: clone)
        }
        try sandbox.git("remote", "add", "origin", remote, in: first.directory)
        try sandbox.git("fetch", "-q", "origin", in: first.directory)
        try sandbox.git("branch", "-q", "--set-upstream-to=origin/main", in: first.directory)

        // The second machine rewords a task and pushes; the first marks the same task done.
        let path = "2025/01/2025-01-15.md"
        let text = try String(contentsOfFile: "\(second)/\(path)", encoding: .utf8)
        try text.replacingOccurrences(of: "Review the module", with: "Review the auth module").write(toFile: "\(second)/\(path)", atomically: true, encoding: .utf8)
        try sandbox.git("commit", "-qam", "reworded on the second machine", in: second)
        try sandbox.git("push", "-q", "origin", "main", in: second)
        first.today = "2025-01-15"
        try first.ok("done", "1")

        try sandbox.git("pull", "-q", "--no-edit", in: first.directory)
        let merged = try first.day("2025-01-15")
        #expect(merged.contains("- [x] Review the auth module ^"))
        #expect(merged.contains("- [ ] Write the docs ^"))
        #expect(!merged.contains("<<<<<<<"))
        try sandbox.git("fsck", "--strict", "--no-dangling", in: first.directory)
    }

    @Test func writesTheMergeOverOursAndReportsTasksChangedOnBothSides() throws {
        let journal = try JournalRunner()
        try journal.sandbox.write("- [ ] Task ^aaaaa\n", to: "base.md")
        try journal.sandbox.write("- [/] Task ^aaaaa\n", to: "ours.md")
        try journal.sandbox.write("- [x] Task ^aaaaa\n", to: "theirs.md")
        let result = try journal.run("merge-file", "base.md", "ours.md", "theirs.md")
        #expect(result.status == 0)
        #expect(try journal.sandbox.read("ours.md") == "- [x] Task ^aaaaa\n")
        #expect(result.stderr == "journal: warning: ours.md: 1 task(s) changed on both sides, merged: ^aaaaa\n")
        #expect(try journal.run("merge-file", "base.md", "missing.md", "theirs.md").stderr == "journal: error: cannot read missing.md: no such file\n")
    }
}
