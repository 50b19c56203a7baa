import Foundation
@testable import Git
import TestSupport
import Testing

/// Loose objects read through journal's own zlib reader, damaged in the ways a crash or a bad
/// copy damages them, checked against what `git fsck` says.
@Suite struct LooseObjectTests {
    let sandbox: Sandbox
    let directory: String

    init() throws {
        sandbox = try Sandbox()
        directory = sandbox.path("repo")
        try sandbox.git("init", "-q", "-b", "main", directory, in: sandbox.root.path)
        try sandbox.write("- [ ] one\n", to: "repo/day.md")
        try sandbox.write("- [ ] two\n", to: "repo/other.md")
        try sandbox.git("add", ".", in: directory)
        try sandbox.git("commit", "-q", "-m", "first", in: directory)
    }

    func objectFile(_ revision: String) throws -> (ObjectID, String) {
        let hex = try sandbox.git("rev-parse", revision, in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        return (ObjectID(hex: hex)!, directory + "/.git/objects/" + hex.prefix(2) + "/" + hex.dropFirst(2))
    }

    func replace(_ path: String, with bytes: Data) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    @Test func readsWhatGitWrote() throws {
        let repository = try Repository.open(at: directory)
        #expect(repository.damagedLooseObjects().isEmpty)
        let (blob, _) = try objectFile("HEAD:day.md")
        #expect(try repository.blobContent(blob) == Array("- [ ] one\n".utf8))
        #expect(try repository.headCommit()?.tree().entries.map(\.name) == ["day.md", "other.md"])
    }

    @Test func aTruncatedObjectIsAnErrorNamingItNotAHang() throws {
        let (blob, path) = try objectFile("HEAD:day.md")
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try replace(path, with: whole.prefix(whole.count - 4))
        #expect(throws: (any Error).self) { try sandbox.git("fsck", "--strict", in: directory) }
        let repository = try Repository.open(at: directory)
        let error = try #require(throws: GitError.self) { try repository.blobContent(blob) }
        #expect(error.indicatesDamage)
        #expect(error.message.contains(blob.hex) && error.message.contains("truncated"))
        #expect(repository.damagedLooseObjects().map(\.damage) == [.truncated])
    }

    @Test func contentUnderTheWrongNameIsFound() throws {
        let (_, path) = try objectFile("HEAD:day.md")
        let (_, otherPath) = try objectFile("HEAD:other.md")
        try replace(path, with: try Data(contentsOf: URL(fileURLWithPath: otherPath)))
        let repository = try Repository.open(at: directory)
        #expect(repository.damagedLooseObjects().map(\.damage) == [.wrongHash])
    }

    @Test func aMissingBlobIsReportedWithItsPath() throws {
        let (blob, path) = try objectFile("HEAD:other.md")
        try FileManager.default.removeItem(atPath: path)
        let repository = try Repository.open(at: directory)
        let head = try #require(try repository.headCommit())
        let walk = try repository.unreadableObjects(reachableFrom: head.id)
        #expect(walk.commits == 1)
        #expect(walk.objects.map { "\($0.kind) \($0.path) \($0.id == blob) \($0.isMissing)" } == ["blob other.md true true"])
    }
}
