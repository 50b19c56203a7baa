import Foundation
import Testing
import TestSupport

/// What a writing command waits on the disk for, as `strace` sees it: a handful of flushes (as
/// many as `git -c core.fsync=committed commit` does at most), every object on disk before a
/// branch names it, and the moved branch on disk before the command ends.
@Suite struct DiskFlushTests {
    /// Each day file it replaces is flushed before its rename (`new` replaces two: the new day and
    /// the day it carries from), then everything else twice: before the branch moves and after.
    @Test(arguments: [(["add", "Write the report"], 3), (["done", "1"], 3), (["new"], 4)])
    func aCommandFlushesOnceBeforeTheBranchMovesAndOnceAfter(_ arguments: [String], flushes: Int) throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("new")
        try journal.ok("add", "Call the vendor")
        if arguments == ["new"] { journal.today = "2025-01-16" }
        let trace = try FlushTrace(of: journal, arguments)
        #expect(trace.flushes == flushes, "\(trace.flushes) flushes:\n\(trace.lines.joined(separator: "\n"))")
        try trace.expectObjectsFlushedBeforeEachReferenceMoves()
        #expect(try journal.git("status", "--porcelain").isEmpty)
    }

    @Test func aSyncFlushesTheFetchedPackBeforeATrackingBranchNamesIt() throws {
        let (first, remote) = try journalSyncedWithABareRemote()
        let second = try JournalRunner()
        try second.ok("clone", remote, second.directory)
        try second.git("config", "journal.autoSync", "off")
        try first.ok("add", "Another from the first")
        try first.ok("sync")
        try second.ok("add", "From the second machine")
        let trace = try FlushTrace(of: second, ["sync"])
        #expect(trace.lines.contains { $0.contains(second.directory + "/.git/objects/pack/") },
                "the sync fetched no pack:\n\(trace.lines.joined(separator: "\n"))")
        try trace.expectObjectsFlushedBeforeEachReferenceMoves()
        #expect(try second.day("2025-01-15").contains("Another from the first"))
    }
}

@Suite struct IdleSyncFlushTests {
    @Test func aSyncWithNothingToDoDoesNotWaitForTheDisk() throws {
        let (journal, _) = try journalSyncedWithABareRemote()
        let trace = try FlushTrace(of: journal, ["sync"])
        #expect(trace.flushes == 0, "\(trace.lines.joined(separator: "\n"))")
    }
}

/// A journal with one task, synced with a bare repository beside it (`origin`).
private func journalSyncedWithABareRemote() throws -> (journal: JournalRunner, remote: String) {
    let journal = try JournalRunner()
    let remote = journal.sandbox.path("remote.git")
    try journal.sandbox.git("init", "-q", "--bare", "-b", "main", remote, in: journal.sandbox.root.path)
    try journal.ok("init")
    try journal.ok("remote", "add", "origin", remote)
    try journal.ok("add", "From the first machine")
    try journal.ok("sync")
    return (journal, remote)
}

/// The flushes, renames and links of one run of `journal`, in order.
private struct FlushTrace {
    let lines: [String]

    init(of journal: JournalRunner, _ arguments: [String]) throws {
        let file = journal.sandbox.path("flushes.trace")
        let traced = "trace=fsync,fdatasync,syncfs,sync_file_range,msync,rename,renameat,renameat2,link,linkat"
        let result = try ProcessResult.run("/usr/bin/env", ["strace", "-f", "-qq", "-e", traced, "-o", file, JournalRunner.binary] + arguments,
                                           in: journal.sandbox.root.path, environment: journal.environment)
        #expect(result.status == 0, "\(result.stderr)")
        lines = FlushTrace.joiningInterrupted(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init))
    }

    /// A call another thread interrupted is written in two lines, `PID call(args <unfinished ...>`
    /// and `PID <... call resumed>rest`: joined back into one, where it began.
    private static func joiningInterrupted(_ lines: [String]) -> [String] {
        var joined: [String] = []
        var open: [Substring: Int] = [:]
        for line in lines {
            let pid = line.prefix { $0 != " " }
            if line.hasSuffix(" <unfinished ...>") {
                open[pid] = joined.count
                joined.append(String(line.dropLast(" <unfinished ...>".count)))
            } else if let resumed = line.range(of: " resumed>"), let start = open.removeValue(forKey: pid) {
                joined[start] += line[resumed.upperBound...]
            } else {
                joined.append(line)
            }
        }
        return joined
    }

    var flushes: Int { lines.filter(FlushTrace.isFlush).count }

    /// Every reference moved after a flush that follows the last object written before it, and
    /// a flush follows the last branch moved. (journal's own mark of the last sync may stay
    /// unflushed: lost in a crash, it names an earlier sync's commit, which the remote still has.)
    func expectObjectsFlushedBeforeEachReferenceMoves() throws {
        var unflushedObject: String?
        var unflushedBranch: String?
        for line in lines {
            if FlushTrace.isFlush(line) && line.contains("syncfs") {
                unflushedObject = nil
                unflushedBranch = nil
            } else if let target = FlushTrace.createdPath(line) {
                if target.contains("/.git/objects/") { unflushedObject = target }
                if target.contains("/.git/refs/") && !target.hasSuffix(".lock") {
                    #expect(unflushedObject == nil, "\(target) moved before \(unflushedObject ?? "") was flushed")
                    if target.contains("/.git/refs/heads/") { unflushedBranch = target }
                }
            }
        }
        #expect(unflushedBranch == nil, "\(unflushedBranch ?? "") was not flushed before the command ended")
    }

    private static func isFlush(_ line: String) -> Bool {
        ["fsync(", "fdatasync(", "syncfs(", "sync_file_range(", "msync("].contains { line.contains(" " + $0) } && line.hasSuffix(" = 0")
    }

    /// The path a successful rename or link created.
    private static func createdPath(_ line: String) -> String? {
        guard ["rename", "link"].contains(where: { line.contains(" " + $0) }), line.hasSuffix(" = 0") else { return nil }
        let quoted = line.split(separator: "\"")
        return quoted.count >= 4 ? String(quoted[3]) : nil
    }
}
