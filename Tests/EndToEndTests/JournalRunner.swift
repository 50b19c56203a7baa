import Foundation
import TestSupport

/// Runs the built `journal` binary in a sandbox, as a user would, on a fixed "today".
struct JournalRunner {
    let sandbox: Sandbox
    var today = "2025-01-15"
    var extraEnvironment: [String: String] = [:]

    init() throws { sandbox = try Sandbox() }

    var directory: String { sandbox.path("journal") }

    static let binary: String = {
        // The test bundle sits next to the products of the same build, `journal` among them.
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("journal").path
    }()

    var environment: [String: String] {
        var environment = sandbox.environment
        environment["JOURNAL_DIR"] = directory
        environment["JOURNAL_TODAY"] = today
        return environment.merging(extraEnvironment) { $1 }
    }

    @discardableResult
    func run(_ arguments: String..., input: String? = nil) throws -> ProcessResult {
        try ProcessResult.run(JournalRunner.binary, arguments, in: sandbox.root.path, environment: environment, input: input)
    }

    /// Runs a command that must succeed and returns what it printed.
    @discardableResult
    func ok(_ arguments: String...) throws -> String {
        let result = try ProcessResult.run(JournalRunner.binary, arguments, in: sandbox.root.path, environment: environment)
        guard result.status == 0 else {
            throw ProcessFailure(description: "journal \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// An executable shell script to use as the editor; it gets the file as $1.
    func editorScript(_ script: String) throws -> String {
        let path = sandbox.path("editor.sh")
        try writeExecutable("#!/bin/sh\n" + script + "\n", to: path)
        return path
    }

    /// Starts a command without waiting for it.
    func start(_ arguments: String...) throws -> ChildProcess {
        try ChildProcess([JournalRunner.binary] + arguments, environment: environment)
    }

    /// The lock files Git or libgit2 left in the journal's `.git`, from its top.
    func gitLockFiles() -> [String] {
        let git = directory + "/.git/"
        let found = FileManager.default.enumerator(atPath: git)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".lock") || $0.contains("tmp_object") }.map { ".git/" + $0 }
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String { try sandbox.git(arguments, in: directory) }

    func day(_ iso: String) throws -> String {
        try sandbox.read("journal/\(iso.prefix(4))/\(iso.dropFirst(5).prefix(2))/\(iso).md")
    }

    func writeDay(_ iso: String, _ text: String) throws {
        try sandbox.write(text, to: "journal/\(iso.prefix(4))/\(iso.dropFirst(5).prefix(2))/\(iso).md")
    }

    /// The journal is consistent: fsck clean and nothing left uncommitted.
    func assertClean() throws {
        _ = try git("fsck", "--strict", "--no-dangling")
        let status = try git("status", "--porcelain", "--untracked-files=all")
        guard status.isEmpty else { throw ProcessFailure(description: "git status not clean:\n\(status)") }
    }

    func commitCount() throws -> Int { Int(try git("rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))! }
}
