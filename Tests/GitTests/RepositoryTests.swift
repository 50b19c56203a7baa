import Foundation
@testable import Git
import TestSupport
import Testing

/// The wrapper, in temporary repositories, checked against what the `git` command line sees.
@Suite struct RepositoryTests {
    let sandbox: Sandbox
    let repository: Repository
    let directory: String
    let ada = Signature(name: "Ada Tester", email: "ada@example.org", time: 1_736_930_000, offsetMinutes: 60)

    init() throws {
        sandbox = try Sandbox()
        directory = sandbox.path("repo")
        repository = try Repository.create(at: directory, initialBranch: "main")
    }

    func commitFile(_ path: String, _ text: String, parent: Commit?, message: String = "add\n", secondsLater: Int64 = 0) throws -> ObjectID {
        var ada = ada
        ada.time += secondsLater
        let blob = try repository.writeBlob(Array(text.utf8))
        let tree = try repository.writeTree(updating: try parent?.tree(), with: [.upsertBlob(path: path, id: blob)])
        let commit = try repository.writeCommit(tree: tree, parents: parent.map { [$0] } ?? [], message: message, author: ada, committer: ada)
        try repository.updateReference("refs/heads/main", to: commit, expecting: parent?.id, logMessage: "test")
        return commit
    }

    @Test func createsARepositoryOnMainThatGitReads() throws {
        #expect(try repository.headCommit() == nil)
        #expect(try repository.headBranchName() == "refs/heads/main")
        #expect(try sandbox.git("symbolic-ref", "HEAD", in: directory) == "refs/heads/main\n")
    }

    @Test func writesCommitsThatGitShowsAndFsckAccepts() throws {
        let first = try commitFile("2025/01/2025-01-15.md", "- [ ] one\n", parent: nil, message: "first\n\nJournal-Command: add\n")
        let second = try commitFile("2025/01/2025-01-16.md", "- [ ] two\n", parent: try repository.commit(first))
        #expect(try sandbox.git("rev-parse", "HEAD", in: directory) == second.hex + "\n")
        #expect(try sandbox.git("show", "HEAD:2025/01/2025-01-15.md", in: directory) == "- [ ] one\n")
        #expect(try sandbox.git("log", "--format=%an <%ae> %at %ai|%s|%(trailers:key=Journal-Command,valueonly)", in: directory)
            == "Ada Tester <ada@example.org> 1736930000 2025-01-15 09:33:20 +0100|add|\n"
            + "Ada Tester <ada@example.org> 1736930000 2025-01-15 09:33:20 +0100|first|add\n\n")
        #expect(try sandbox.git("ls-tree", "-r", "--name-only", "HEAD", in: directory) == "2025/01/2025-01-15.md\n2025/01/2025-01-16.md\n")
        try sandbox.git("fsck", "--strict", "--no-dangling", in: directory)
    }

    @Test func readsTreesAndBlobsAsGitWroteThem() throws {
        try sandbox.write("a\n", to: "repo/notes/a.md")
        try sandbox.git("add", ".", in: directory)
        try sandbox.git("commit", "-qm", "by git", in: directory)
        let head = try #require(try repository.headCommit())
        #expect(head.message == "by git\n")
        let entry = try #require(try head.tree().entry(atPath: "notes/a.md"))
        #expect(entry.kind == .blob)
        #expect(try repository.blobContent(entry.id) == Array("a\n".utf8))
        #expect(try head.tree().entry(atPath: "notes/missing.md") == nil)
        #expect(try head.tree().subtree(atPath: "notes")?.entries.map(\.name) == ["a.md"])
    }

    @Test func refusesToMoveABranchThatMovedMeanwhile() throws {
        let first = try commitFile("a.md", "1\n", parent: nil)
        let base = try repository.commit(first)
        _ = try commitFile("a.md", "2\n", parent: base)
        // A second writer that still believes the branch is at `first`:
        let tree = try repository.writeTree(updating: try base.tree(), with: [.remove(path: "a.md")])
        let late = try repository.writeCommit(tree: tree, parents: [base], message: "late\n", author: ada, committer: ada)
        let error = #expect(throws: GitError.self) {
            try repository.updateReference("refs/heads/main", to: late, expecting: first, logMessage: "late")
        }
        #expect(error?.code == .modified)
        #expect(try sandbox.git("show", "HEAD:a.md", in: directory) == "2\n")
    }

    @Test func carriesLibgit2sMessageInItsErrors() throws {
        let error = #expect(throws: GitError.self) { try Repository.open(at: sandbox.path("nowhere")) }
        #expect(error?.description.hasPrefix("cannot open Git repository at \(sandbox.path("nowhere")): ") == true)
        #expect(error?.code == .notFound)
        #expect(error?.message.isEmpty == false)
    }

    @Test func findsChangedAndUntrackedPathsLikeGitStatus() throws {
        _ = try commitFile("a.md", "1\n", parent: nil)
        try sandbox.git("reset", "-q", "--hard", in: directory)
        #expect(try repository.status().isEmpty)
        try sandbox.write("changed\n", to: "repo/a.md")
        try sandbox.write("new\n", to: "repo/2025/01/2025-01-15.md")
        #expect(try repository.status().map(\.path) == ["2025/01/2025-01-15.md", "a.md"])
        #expect(try sandbox.git("status", "--porcelain", "-uall", in: directory) == " M a.md\n?? 2025/01/2025-01-15.md\n")
    }

    @Test func stagesSoThatGitStatusIsClean() throws {
        let first = try commitFile("a.md", "1\n", parent: nil)
        try sandbox.write("1\n", to: "repo/a.md")
        let index = try repository.index()
        try index.add(path: "a.md")
        try index.write()
        #expect(try sandbox.git("status", "--porcelain", in: directory) == "")
        #expect(try sandbox.git("rev-parse", "HEAD", in: directory) == first.hex + "\n")
    }

    @Test func followsFirstParentsAsGitRevListDoes() throws {
        var parent: Commit?
        for number in 1...5 {
            parent = try repository.commit(try commitFile("a.md", "\(number)\n", parent: parent, message: "c\(number)\n", secondsLater: Int64(number)))
        }
        var walked: [String] = []
        try repository.walkFirstParents(from: parent!.id) { walked.append($0.id.hex); return true }
        #expect(walked.joined(separator: "\n") + "\n" == (try sandbox.git("rev-list", "--first-parent", "HEAD", in: directory)))
        var visited = 0
        try repository.walkFirstParents(from: parent!.id) { _ in visited += 1; return visited < 2 }
        #expect(visited == 2)

        // A damaged commit in the middle is an error, not the end of history.
        let middle = try sandbox.git("rev-parse", "HEAD~2", in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        let object = directory + "/.git/objects/" + middle.prefix(2) + "/" + middle.dropFirst(2)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: object)
        try Data("not an object".utf8).write(to: URL(fileURLWithPath: object))
        let reopened = try Repository.open(at: directory)
        #expect(throws: GitError.self) { try reopened.walkFirstParents(from: parent!.id) { _ in true } }
    }

    /// A shallow clone's history ends where Git cut it, without an error.
    @Test func aShallowCloneEndsItsFirstParentsWhereGitCutThem() throws {
        var parent: Commit?
        for number in 1...4 {
            parent = try repository.commit(try commitFile("a.md", "\(number)\n", parent: parent, message: "c\(number)\n", secondsLater: Int64(number)))
        }
        try sandbox.git("update-ref", "refs/heads/main", parent!.id.hex, in: directory)
        let shallow = sandbox.path("shallow")
        try sandbox.git("clone", "-q", "--depth", "2", "--branch", "main", "file://" + directory, shallow, in: sandbox.root.path)
        let clone = try Repository.open(at: shallow)
        var walked: [String] = []
        try clone.walkFirstParents(from: parent!.id) { walked.append($0.id.hex); return true }
        #expect(walked.joined(separator: "\n") + "\n" == (try sandbox.git("rev-list", "--first-parent", "HEAD", in: shallow)))
        #expect(walked.count == 2)
    }

    /// What `git rev-list` lists, merged branches included, each commit after its parents.
    @Test func listsTheCommitsSinceAnotherParentsFirst() throws {
        let root = try repository.commit(try commitFile("a.md", "0\n", parent: nil, message: "root\n", secondsLater: 1))
        let left = try repository.commit(try commitFile("a.md", "1\n", parent: root, message: "left\n", secondsLater: 2))
        try repository.updateReference("refs/heads/main", to: root.id, expecting: left.id, logMessage: "test")
        let right = try repository.commit(try commitFile("b.md", "1\n", parent: root, message: "right\n", secondsLater: 3))
        let merge = try sandbox.git("-c", "user.name=T", "-c", "user.email=t@e", "commit-tree", right.id.hex + "^{tree}",
                                    "-p", left.id.hex, "-p", right.id.hex, "-m", "merge", in: directory)
        let head = ObjectID(hex: String(merge.prefix(40)))!
        let listed = try repository.commitsSince(root.id, upTo: head)
        let expected = try sandbox.git("rev-list", "\(root.id.hex)..\(head.hex)", in: directory).split(separator: "\n").map(String.init)
        #expect(Set(listed.map(\.hex)) == Set(expected) && listed.count == 3)
        #expect(listed.last == head)
        #expect(try repository.commitsSince(nil, upTo: head).first == root.id)
    }

    @Test func listsThePathsTwoTreesDifferIn() throws {
        let first = try repository.commit(try commitFile("a/1.md", "1\n", parent: nil))
        let second = try repository.commit(try commitFile("b/2.md", "2\n", parent: first))
        let changed = try repository.changedPaths(from: try first.tree(), to: try second.tree())
        #expect(changed == ["b/2.md"])
        #expect(try sandbox.git("diff", "--name-only", first.id.hex, second.id.hex, in: directory) == "b/2.md\n")
    }

    @Test func readsConfigurationFromTheRepository() throws {
        try sandbox.git("config", "journal.test", "yes", in: directory)
        let configuration = try repository.configuration()
        #expect(try configuration.string("journal.test") == "yes")
        #expect(try configuration.string("journal.absent") == nil)
    }

    /// Two branches from one base: each writes its own version of every path given.
    func divergingCommits(base: [String: String], ours: [String: String], theirs: [String: String]) throws -> (Commit, Commit) {
        func commit(_ files: [String: String], on parent: Commit?) throws -> Commit {
            var changes: [TreeChange] = []
            for (path, text) in files.sorted(by: { $0.key < $1.key }) { changes.append(.upsertBlob(path: path, id: try repository.writeBlob(Array(text.utf8)))) }
            let tree = try repository.writeTree(updating: try parent?.tree(), with: changes)
            return try repository.commit(try repository.writeCommit(tree: tree, parents: parent.map { [$0] } ?? [], message: "c\n", author: ada, committer: ada))
        }
        let root = try commit(base, on: nil)
        return (try commit(ours, on: root), try commit(theirs, on: root))
    }

    @Test func linesMergeWhereGitattributesSelectTheJournalDriverAndConflictsGoToResolve() throws {
        try sandbox.write("*.md merge=journal\n", to: "repo/.gitattributes")
        let (ours, theirs) = try divergingCommits(
            base: ["day.md": "base\n", "notes.txt": "one\n", "gone.txt": "kept\n", "clean.md": "a\nb\nc\nd\n"],
            ours: ["day.md": "ours\n", "notes.txt": "ours\n", "gone.txt": "changed\n", "clean.md": "A\nb\nc\nd\n"],
            theirs: ["day.md": "theirs\n", "notes.txt": "theirs\n", "clean.md": "a\nb\nc\nD\n"])
        // Their side deletes gone.txt, which ours changed.
        let theirTree = try repository.writeTree(updating: try theirs.tree(), with: [.remove(path: "gone.txt")])
        let theirsWithout = try repository.commit(try repository.writeCommit(tree: theirTree, parents: [theirs], message: "rm\n", author: ada, committer: ada))

        var resolved: [String] = []
        let tree = try repository.mergeCommits(ours, theirsWithout) { sides in
            resolved.append(sides.path)
            return sides.theirs == nil ? [sides.path: sides.ours!] : [sides.path: sides.ours!, sides.path + ".theirs": sides.theirs!]
        }
        #expect(resolved.sorted() == ["day.md", "gone.txt", "notes.txt"])
        let show = { (path: String) in try self.sandbox.git("cat-file", "-p", "\(tree.hex):\(path)", in: self.directory) }
        #expect(try show("day.md") == "ours\n")
        #expect(try show("day.md.theirs") == "theirs\n")
        #expect(try show("clean.md") == "A\nb\nc\nD\n")
        #expect(try show("notes.txt") == "ours\n")
        #expect(try show("notes.txt.theirs") == "theirs\n")
        #expect(try show("gone.txt") == "changed\n")
        try sandbox.git("fsck", "--strict", "--no-dangling", in: directory)
    }

    @Test func aLineMergedFileKeepsItsExecutableBit() throws {
        try sandbox.write("*.md merge=journal\n", to: "repo/.gitattributes")
        let git = { (arguments: [String]) in
            try self.sandbox.git(["-c", "user.name=Ada", "-c", "user.email=ada@example.org"] + arguments, in: self.directory)
        }
        try sandbox.write("a\nb\nc\nd\n", to: "repo/run.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.path("repo/run.md"))
        _ = try git(["add", "-A"])
        _ = try git(["commit", "-qm", "base"])
        _ = try git(["checkout", "-qb", "theirs"])
        try sandbox.write("a\nb\nc\nD\n", to: "repo/run.md")
        _ = try git(["commit", "-qam", "theirs"])
        _ = try git(["checkout", "-q", "-"])
        try sandbox.write("A\nb\nc\nd\n", to: "repo/run.md")
        _ = try git(["commit", "-qam", "ours"])
        let commit = { (name: String) in try self.repository.commit(ObjectID(hex: try git(["rev-parse", name]).trimmingCharacters(in: .whitespacesAndNewlines))!) }

        let tree = try repository.mergeCommits(try commit("HEAD"), try commit("theirs")) { _ in
            Issue.record("no conflict expected")
            return [:]
        }
        #expect(try sandbox.git("ls-tree", tree.hex, "run.md", in: directory).hasPrefix("100755 blob"))
        #expect(try sandbox.git("cat-file", "-p", "\(tree.hex):run.md", in: directory) == "A\nb\nc\nD\n")
    }
}
