import Foundation
import TestSupport
import Testing

/// A full disk and a read-only journal, made with a small tmpfs and a read-only bind mount in a
/// private mount namespace (`unshare -m`), which needs root (CAP_SYS_ADMIN); as root, changing
/// permissions alone would not stop a write.
@Suite(.enabled(if: MountNamespace.available || MountNamespace.required,
                "needs a private mount namespace (unshare -m, as root) for a full tmpfs and a read-only bind mount"))
struct StorageFailureTests {
    /// Runs `script` with sh in a private mount namespace; `$J` is journal, `$D` the journal.
    func inNamespace(_ journal: JournalRunner, _ script: String) throws -> ProcessResult {
        let environment = journal.environment.merging(["J": JournalRunner.binary, "D": journal.directory]) { $1 }
        return try ProcessResult.run("/usr/bin/unshare", ["-m", "sh", "-c", script], in: journal.sandbox.root.path, environment: environment)
    }

    /// `journal add` on a disk with no room left, and then with one, two… pages free, so that the
    /// write fails at every step of a commit in turn. Each time: the command succeeds or fails with
    /// one line naming the error and the path; the day is wholly old or wholly new; HEAD is
    /// unchanged, or holds the day as it was on disk before (hand edits, committed first), or the
    /// new task; and once space is freed, Git finds nothing wrong.
    @Test func aFullDiskLeavesNothingHalfWritten() throws {
        var journal = try JournalRunner()
        let disk = journal.sandbox.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        journal.extraEnvironment["JOURNAL_DIR"] = disk + "/journal"
        let day = "$D/2025/01/2025-01-15.md"
        let (old, error) = (journal.sandbox.path("old-day"), journal.sandbox.path("error"))
        let result = try inNamespace(journal, """
            set -u
            D="$JOURNAL_DIR"
            mount -t tmpfs -o size=600k tmpfs \(disk) || exit 90
            "$J" init >/dev/null && "$J" add "Before the disk filled" >/dev/null || exit 91
            for free in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
              head=$(git -C "$D" rev-parse HEAD); cp \(day) \(old)
              dd if=/dev/zero of=\(disk)/filler bs=4k 2>/dev/null
              truncate -s -$((free * 4096)) \(disk)/filler
              "$J" add "Added with $free pages free" 2>\(error) >/dev/null; status=$?
              if cmp -s \(day) \(old); then file=old
              elif [ "$(head -n -1 \(day))" = "$(cat \(old))" ] && tail -n 1 \(day) | grep -q "Added with $free pages free ^"; then file=new
              else file=other; fi
              committed=$(git -C "$D" show HEAD:2025/01/2025-01-15.md)
              if [ "$(git -C "$D" rev-parse HEAD)" = "$head" ]; then moved=no
              elif [ "$committed" = "$(cat \(old))" ]; then moved=old
              elif [ "$committed" = "$(cat \(day))" ] && [ $file = new ]; then moved=new
              else moved=other; fi
              rm -f \(disk)/filler
              git -C "$D" fsck --strict --no-dangling >/dev/null 2>&1 && fsck=clean || fsck=damaged
              echo "free=$free status=$status file=$file head=$moved fsck=$fsck error=$(cat \(error) | tr '\\n' '|')"
            done
            "$J" add "After the disk was freed" >/dev/null || exit 92
            echo "porcelain=$(git -C "$D" status --porcelain | wc -l) locks=$(find "$D/.git" -name '*.lock' | wc -l)"
            git -C "$D" fsck --strict --no-dangling >/dev/null 2>&1 || exit 93
            """)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let levels = result.stdout.split(separator: "\n").filter { $0.hasPrefix("free=") }
        #expect(levels.count == 17)
        var failures = 0
        for level in levels {
            #expect(level.contains("fsck=clean") && !level.contains("file=other") && !level.contains("head=other"), "\(level)")
            if level.contains("status=0") { continue }
            failures += 1
            #expect(level.contains("status=1 "), "\(level)")
            #expect(level.contains("error=journal: error: ") && level.contains("No space left on device") && level.contains(disk), "\(level)")
            #expect(level.components(separatedBy: "|").count == 2, "one line: \(level)")
            // HEAD moved to the hand edits waiting from the level before, or to the new task; a day
            // left holding it uncommitted is committed by the next command.
            #expect(!level.contains("file=old head=new"), "\(level)")
        }
        #expect(failures > 0)
        #expect(result.stdout.contains("porcelain=0 locks=0"))
    }

    /// A journal on a read-only file system: writing fails with one line, reading works, and
    /// nothing changed.
    @Test func aReadOnlyJournalIsReadButNotWritten() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Written before")
        let head = try journal.git("rev-parse", "HEAD")
        let result = try inNamespace(journal, """
            mount --bind "$D" "$D" && mount -o remount,bind,ro "$D" || exit 90
            "$J" add "Written on a read-only journal"; echo "add=$?"
            "$J" show >/dev/null; echo "show=$?"
            """)
        #expect(result.stdout.contains("add=1") && result.stdout.contains("show=0"), "\(result.stdout)")
        #expect(result.stderr.hasPrefix("journal: error: ") && result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(result.stderr.contains("Read-only file system") && result.stderr.contains(journal.directory))
        #expect(try journal.git("rev-parse", "HEAD") == head)
        try journal.assertClean()
        try journal.ok("add", "Written once writable again")
    }
}

enum MountNamespace {
    /// CI has root and namespaces: there the suite runs, and fails where they are missing, never skips.
    static let required = ProcessInfo.processInfo.environment["CI"] != nil

    /// A tmpfs can be mounted in a private mount namespace here.
    static let available: Bool = {
        guard let result = try? ProcessResult.run("/usr/bin/unshare", ["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                                                  in: "/", environment: ProcessInfo.processInfo.environment) else { return false }
        return result.status == 0
    }()
}
