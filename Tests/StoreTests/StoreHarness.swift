import Foundation
import Git
import JournalModel
@testable import JournalStore
import JournalUseCases
import TestSupport

/// A journal in a temporary directory, driven in process: no binary, no child process but the
/// `git` command line that checks what the store left. The store reads Git configuration only
/// from a home of the tests' own, which gives it an identity.
final class StoreHarness {
    let sandbox: Sandbox
    let directory: String
    var journal: Journal
    /// What the store told without stopping (`journal: warning: …` on a terminal).
    private(set) var warnings: [String] = []

    /// A home of this test process's own, holding only an identity; libgit2 reads no other.
    static let configurationHome: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-store-tests-\(getpid())").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "[user]\n\tname = Ada Tester\n\temail = ada@example.org\n".write(
                toFile: folder + "/.gitconfig", atomically: true, encoding: .utf8)
            try Git.readConfiguration(onlyFrom: folder)
        } catch {
            fatalError("the store tests cannot keep libgit2 from the user's configuration: \(error)")
        }
        return folder
    }()

    init(today: String = "2025-01-15", in sandbox: Sandbox? = nil, name: String = "journal") throws {
        self.sandbox = try sandbox ?? Sandbox()
        directory = self.sandbox.path(name)
        journal = try Journal.create(at: directory, environment: StoreHarness.environment(self.sandbox, today: today))
        journal.warn = { [unowned self] in warnings.append($0) }
    }

    /// A harness for a journal that exists already (a clone made with `git`).
    init(opening name: String, in sandbox: Sandbox, today: String = "2025-01-15") throws {
        self.sandbox = sandbox
        directory = sandbox.path(name)
        journal = try Journal.open(at: directory, environment: StoreHarness.environment(sandbox, today: today))
        journal.warn = { [unowned self] in warnings.append($0) }
    }

    static func environment(_ sandbox: Sandbox, today: String) -> [String: String] {
        _ = configurationHome
        return sandbox.environment.merging(["JOURNAL_TODAY": today, "HOME": configurationHome]) { $1 }
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    func git(_ arguments: String...) throws -> String {
        try sandbox.git(arguments, in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var head: String { get throws { try git("rev-parse", "HEAD") } }
    var commitCount: Int { get throws { Int(try git("rev-list", "--count", "HEAD"))! } }
    var status: String { get throws { try git("status", "--porcelain", "--untracked-files=all") } }

    /// A day file as it is on disk, nil when there is none.
    func file(_ iso: String) -> String? {
        try? String(contentsOfFile: "\(directory)/\(iso.prefix(4))/\(iso.dropFirst(5).prefix(2))/\(iso).md", encoding: .utf8)
    }

    /// The same day as HEAD holds it.
    func committed(_ iso: String) throws -> String {
        try git("show", "HEAD:\(iso.prefix(4))/\(iso.dropFirst(5).prefix(2))/\(iso).md")
    }
}

/// The error a test injects.
struct InjectedFault: Error, Equatable {}
