import Foundation
import TestSupport
import Testing

/// Sync and clone through a real sshd: key files from ~/.ssh, host keys from ~/.ssh/known_hosts.
@Suite struct SSHTests {
    struct Setup {
        let first: JournalRunner
        let second: JournalRunner
        let server: SSHServer
        let url: String

        init() throws {
            first = try JournalRunner()
            second = try JournalRunner()
            for machine in [first, second] {
                let ssh = machine.sandbox.home.appendingPathComponent(".ssh").path
                try FileManager.default.createDirectory(atPath: ssh, withIntermediateDirectories: true)
                let keygen = try ProcessResult.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", ssh + "/id_ed25519"],
                                                   in: ssh, environment: machine.sandbox.environment)
                guard keygen.status == 0 else { throw ProcessFailure(description: keygen.stderr) }
            }
            let keys = try [first, second].map { try String(contentsOfFile: $0.sandbox.home.appendingPathComponent(".ssh/id_ed25519.pub").path, encoding: .utf8) }
            server = try SSHServer(directory: first.sandbox.path("sshd"), authorizedKey: keys.joined(), environment: first.sandbox.environment)
            let repository = first.sandbox.path("server/journal.git")
            try first.sandbox.git("init", "-q", "--bare", "-b", "main", repository, in: first.sandbox.root.path)
            url = server.url(repository)
        }

        func trustServer(_ machine: JournalRunner, line: String? = nil) throws {
            try (line ?? server.knownHostsLine).appending("\n").write(toFile: machine.sandbox.home.appendingPathComponent(".ssh/known_hosts").path, atomically: true, encoding: .utf8)
        }
    }

    @Test func syncsAndClonesWithAKeyFileAndAKnownHost() throws {
        let setup = try Setup()
        try setup.trustServer(setup.first)
        try setup.trustServer(setup.second)
        try setup.first.ok("init")
        try setup.first.ok("add", "Pushed over ssh")
        try setup.first.ok("remote", "add", "origin", setup.url)
        #expect(try setup.first.ok("sync") == "synced with origin: pushed\n")
        try setup.second.ok("clone", setup.url, setup.second.directory)
        #expect(try setup.second.day("2025-01-15").contains("- [ ] Pushed over ssh ^"))
        try setup.second.ok("done", "1")
        try setup.second.ok("sync")
        try setup.first.ok("sync")
        #expect(try setup.first.day("2025-01-15").contains("- [x] Pushed over ssh ^"))
    }

    @Test func refusesAnUnknownHostAndSaysHowToAddIt() throws {
        let setup = try Setup()
        let result = try setup.second.run("clone", setup.url, setup.second.directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("[127.0.0.1]:\(setup.server.port) is not a known host"))
        #expect(result.stderr.contains("ssh-keyscan -p \(setup.server.port) 127.0.0.1 >> "))
        #expect(!FileManager.default.fileExists(atPath: setup.second.directory + "/.git"))
    }

    @Test func refusesAChangedHostKey() throws {
        let setup = try Setup()
        let otherKey = setup.first.sandbox.path("other_key")
        _ = try ProcessResult.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", otherKey], in: setup.first.sandbox.root.path,
                                  environment: setup.first.sandbox.environment)
        let other = try String(contentsOfFile: otherKey + ".pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        try setup.trustServer(setup.second, line: "[127.0.0.1]:\(setup.server.port) \(other)")
        let result = try setup.second.run("clone", setup.url, setup.second.directory)
        #expect(result.stderr.contains("has CHANGED since"))
        #expect(result.stderr.contains("ssh-keygen -R '[127.0.0.1]:\(setup.server.port)'"))
    }

    @Test func asksForAKeysPassphraseOnTheTerminalAndFailsClearlyWithoutOne() throws {
        let setup = try Setup()
        try setup.trustServer(setup.first)
        let key = setup.first.sandbox.home.appendingPathComponent(".ssh/id_ed25519").path
        let protect = try ProcessResult.run("/usr/bin/ssh-keygen", ["-q", "-p", "-P", "", "-N", "correct horse", "-f", key],
                                            in: setup.first.sandbox.root.path, environment: setup.first.sandbox.environment)
        #expect(protect.status == 0)
        try setup.first.ok("init")
        try setup.first.ok("add", "Pushed with a passphrase")
        try setup.first.ok("remote", "add", "origin", setup.url)

        let piped = try setup.first.run("sync")
        #expect(piped.status == 1)
        #expect(piped.stderr == "journal: error: cannot fetch from 'origin': the SSH key \(key) is protected by a passphrase and there is no terminal to ask for it; add it to ssh-agent with: ssh-add \(key)\n")

        // A wrong passphrase is asked again, as ssh does; the right one is asked once for the
        // whole sync, its fetch and its push.
        let terminal = try TerminalSession(JournalRunner.binary, ["sync"], in: setup.first.sandbox.root.path, environment: setup.first.environment)
        try terminal.waitFor("Enter passphrase for key '\(key)': ")
        terminal.type("battery staple\n")
        try terminal.waitFor("Wrong passphrase? Enter passphrase for key '\(key)': ")
        terminal.type("correct horse\n")
        #expect(try terminal.finish() == 0)
        #expect(terminal.screen.hasSuffix("synced with origin: pushed\r\n"))
        #expect(terminal.screen.components(separatedBy: "Enter passphrase").count == 3)
        // Typed with echo off: no passphrase is ever shown.
        #expect(!terminal.screen.contains("correct horse") && !terminal.screen.contains("battery staple"))
        #expect(try setup.first.sandbox.git("--git-dir", setup.first.sandbox.path("server/journal.git"), "log", "-1", "--format=%s", "main",
                                            in: setup.first.sandbox.root.path).contains("Pushed with a passphrase"))
    }
}
