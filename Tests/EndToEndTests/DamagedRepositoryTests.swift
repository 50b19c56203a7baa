import Foundation
import TestSupport
import Testing

/// A journal whose repository was damaged behind journal's back: commands stop with one clear
/// line (and never hang), nothing is deleted, and `journal doctor` says what is wrong and how to
/// recover.
@Suite struct DamagedRepositoryTests {
    enum Damage: String, CaseIterable { case truncatedObject, emptyBranch, truncatedIndex, missingBlob }

    let journal: JournalRunner

    init() throws {
        journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "First task")
        try journal.ok("add", "Second task")
    }

    func objectPath(_ revision: String) throws -> String {
        let hex = try journal.git("rev-parse", revision).trimmingCharacters(in: .whitespacesAndNewlines)
        return journal.directory + "/.git/objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
    }

    func damage(_ damage: Damage) throws {
        switch damage {
        case .truncatedObject:
            let path = try objectPath("HEAD")
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        case .emptyBranch:
            try Data().write(to: URL(fileURLWithPath: journal.directory + "/.git/refs/heads/main"))
        case .truncatedIndex:
            let path = journal.directory + "/.git/index"
            try Data(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(30)).write(to: URL(fileURLWithPath: path))
        case .missingBlob:
            try FileManager.default.removeItem(atPath: try objectPath("HEAD:2025/01/2025-01-15.md"))
        }
    }

    /// Runs journal, stopping it if it has not ended within a generous limit.
    func runLimited(_ arguments: String...) throws -> (ending: ChildProcess.Ending?, stdout: String, stderr: String) {
        let process = try ChildProcess([JournalRunner.binary] + arguments, environment: journal.environment)
        let ending = process.wait(atMost: 30)
        return (ending, process.stdout, process.stderr)
    }

    func snapshot() throws -> [String: Data] {
        let paths = FileManager.default.enumerator(atPath: journal.directory)?.compactMap { $0 as? String } ?? []
        var files: [String: Data] = [:]
        for path in paths where !path.hasPrefix(".git/journal/") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: journal.directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: journal.directory + "/" + path))
            }
        }
        return files
    }

    @Test(arguments: Damage.allCases)
    func commandsStopWithOneLineAndDoctorExplains(_ damage: Damage) throws {
        try self.damage(damage)
        let before = try snapshot()

        let add = try runLimited("add", "Written on a damaged journal")
        #expect(add.ending == .exited(1), "add: \(add.stderr)")
        #expect(add.stderr.hasPrefix("journal: error: ") && add.stderr.filter { $0 == "\n" }.count == 1, "\(add.stderr)")
        #expect(add.stderr.contains("journal doctor"))
        let show = try runLimited("show")
        #expect(show.ending != nil)
        if show.ending != .exited(0) { #expect(show.stderr.filter { $0 == "\n" }.count == 1, "\(show.stderr)") }

        let doctor = try runLimited("doctor")
        #expect(doctor.ending == .exited(1), "doctor: \(doctor.stdout) \(doctor.stderr)")
        let expected: [Damage: [String]] = [
            .truncatedObject: ["is truncated", "restore it from another clone", "the last good commit seen in the reflog is"],
            .emptyBranch: ["main is empty", "the last good commit seen in the reflog is", "update-ref refs/heads/main"],
            .truncatedIndex: ["the index cannot be read", "reset -q"],
            .missingBlob: ["blob 2025/01/2025-01-15.md", "is missing", "the working tree still holds it: git -C"],
        ]
        for text in expected[damage]! { #expect(doctor.stdout.contains(text), "\(text) in \(doctor.stdout)") }
        let json = try runLimited("doctor", "--json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["healthy"] as? Bool == false)
        #expect((report["findings"] as? [[String: Any]])?.isEmpty == false)
        #expect(try snapshot() == before, "nothing deleted or changed")
    }

    @Test func followingDoctorsAdviceRepairsTheIndexAndAMissingBlob() throws {
        for damage in [Damage.truncatedIndex, .missingBlob] {
            try self.damage(damage)
            let doctor = try runLimited("doctor")
            let fix = try #require(doctor.stdout.split(separator: "\n").first { $0.contains("fix:") }?.split(separator: ": ").last)
            let repaired = try ProcessResult.run("/bin/sh", ["-c", String(fix)], in: journal.directory, environment: journal.sandbox.environment)
            #expect(repaired.status == 0, "\(fix): \(repaired.stderr)")
            #expect(try runLimited("doctor").ending == .exited(0))
            try journal.ok("add", "After repairing \(damage)")
            try journal.assertClean()
        }
    }

    @Test func aHealthyJournalAndAStaleLockFile() throws {
        let healthy = try runLimited("doctor")
        #expect(healthy.ending == .exited(0))
        #expect(healthy.stdout.contains("is healthy: 3 commits and 1 day file checked"))
        try Data().write(to: URL(fileURLWithPath: journal.directory + "/.git/index.lock"))
        let doctor = try runLimited("doctor")
        #expect(doctor.ending == .exited(1))
        #expect(doctor.stdout.contains(".git/index.lock: a lock file left by a git or journal command"))
        #expect(FileManager.default.fileExists(atPath: journal.directory + "/.git/index.lock"))
    }

    /// A damaged commit in the middle of history is an error naming it, never the end of history.
    @Test func aTruncatedOlderCommitStopsLogAndTheIndexRebuild() throws {
        try journal.ok("add", "Third task")
        let older = try journal.git("rev-parse", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines)
        let path = try objectPath("HEAD~1")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: journal.directory + "/.git/journal/history.sqlite")

        for arguments in [["log"], ["log", "Third"]] {
            let process = try ChildProcess([JournalRunner.binary] + arguments, environment: journal.environment)
            #expect(process.wait(atMost: 30) == .exited(1), "\(arguments): \(process.stdout)")
            #expect(process.stderr.hasPrefix("journal: error: cannot read the history: object \(older) "), "\(process.stderr)")
            #expect(process.stderr.hasSuffix("'journal doctor' tells what is damaged and how to recover\n"))
            #expect(process.stderr.filter { $0 == "\n" }.count == 1)
        }
        let doctor = try runLimited("doctor")
        #expect(doctor.ending == .exited(1))
        #expect(doctor.stdout.contains("is truncated"), "\(doctor.stdout)")
    }
}
