import Foundation
import TestSupport
import Testing

/// Sync and clone over smart HTTP with basic authentication: credentials from Git's credential
/// helpers or a token, never written anywhere by journal, never printed.
@Suite struct HTTPTests {
    struct Setup {
        let first: JournalRunner
        var second: JournalRunner
        let server: HTTPGitServer
        let url: String
        static let password = "s3cret-Pa55word"

        init(tls: Bool = false) throws {
            first = try JournalRunner()
            second = try JournalRunner()
            let repositories = first.sandbox.path("repos")
            try FileManager.default.createDirectory(atPath: repositories, withIntermediateDirectories: true)
            try first.sandbox.git("init", "-q", "--bare", "-b", "main", repositories + "/journal.git", in: repositories)
            try first.sandbox.git("--git-dir", repositories + "/journal.git", "config", "http.receivepack", "true", in: repositories)
            server = try HTTPGitServer(directory: first.sandbox.path("http"), repositories: repositories, user: "ada",
                                       password: Setup.password, tls: tls, environment: first.sandbox.environment)
            url = server.url("journal.git")
        }

        /// Git's `store` helper, holding `password` for the server.
        func storeCredentials(_ machine: JournalRunner, password: String = Setup.password) throws {
            try machine.sandbox.git("config", "--global", "credential.helper", "store", in: machine.sandbox.root.path)
            try "\(server.certificate == nil ? "http" : "https")://ada:\(password)@127.0.0.1:\(server.port)\n".write(
                toFile: machine.sandbox.home.appendingPathComponent(".git-credentials").path, atomically: true, encoding: .utf8)
        }

        /// The password is nowhere journal printed or wrote: its output, the journal's files, its
        /// own state and Git's configuration under `.git`.
        func expectPasswordNowhere(in outputs: [ProcessResult], on machines: [JournalRunner]) throws {
            for output in outputs { #expect(!(output.stdout + output.stderr).contains(Setup.password)) }
            for machine in machines {
                let found = try ProcessResult.run("/usr/bin/env", ["grep", "-r", "-l", Setup.password, machine.directory],
                                                  in: machine.directory, environment: machine.sandbox.environment)
                #expect(found.stdout.isEmpty)
            }
        }
    }

    @Test func syncsAndClonesWithCredentialsFromGitsHelpers() throws {
        let setup = try Setup()
        try setup.storeCredentials(setup.first)
        try setup.storeCredentials(setup.second)
        try setup.first.ok("init")
        try setup.first.ok("add", "Pushed over HTTP")
        try setup.first.ok("remote", "add", "origin", setup.url)
        let outputs = [try setup.first.run("sync"), try setup.second.run("clone", setup.url, setup.second.directory)]
        #expect(outputs.allSatisfy { $0.status == 0 })
        #expect(try setup.second.day("2025-01-15").contains("- [ ] Pushed over HTTP ^"))
        try setup.expectPasswordNowhere(in: outputs, on: [setup.first, setup.second])
    }

    @Test func aTokenFromTheEnvironmentIsUsedAsThePassword() throws {
        var setup = try Setup()
        setup.second.extraEnvironment["JOURNAL_GIT_TOKEN"] = Setup.password
        try setup.storeCredentials(setup.first)
        try setup.first.ok("init")
        try setup.first.ok("remote", "add", "origin", setup.url)
        try setup.first.ok("sync")
        // The user name comes from the URL; the token is the password.
        let cloned = try setup.second.run("clone", setup.url.replacingOccurrences(of: "http://", with: "http://ada@"), setup.second.directory)
        #expect(cloned.status == 0)
        #expect(FileManager.default.fileExists(atPath: setup.second.directory + "/.journal"))
        try setup.expectPasswordNowhere(in: [cloned, try setup.second.run("sync")], on: [setup.second])
    }

    @Test func httpsTrustsTheAuthoritiesGitWouldAndRefusesAnUnknownCertificate() throws {
        var setup = try Setup(tls: true)
        let certificate = try #require(setup.server.certificate)
        setup.second.extraEnvironment["JOURNAL_GIT_TOKEN"] = Setup.password
        let url = setup.url.replacingOccurrences(of: "https://", with: "https://ada@")
        let refused = try setup.second.run("clone", url, setup.second.directory)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("journal: error: cannot fetch from 'origin': "))
        #expect(refused.stderr.contains("certificate"))
        #expect(refused.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: setup.second.directory))

        // http.sslCAInfo, as git reads it, on the first machine; GIT_SSL_CAINFO on the second.
        try setup.storeCredentials(setup.first)
        try setup.first.ok("init")
        try setup.first.git("config", "http.sslCAInfo", certificate)
        try setup.first.ok("add", "Pushed over HTTPS")
        try setup.first.ok("remote", "add", "origin", setup.url)
        #expect(try setup.first.ok("sync") == "synced with origin: pushed\n")
        setup.second.extraEnvironment["GIT_SSL_CAINFO"] = certificate
        try setup.second.ok("clone", url, setup.second.directory)
        #expect(try setup.second.day("2025-01-15").contains("- [ ] Pushed over HTTPS ^"))
    }

    /// libgit2's initialisation no longer reads the system's certificate bundle (about 9 ms in
    /// every command): only an HTTPS transfer does, and it still refuses what the bundle does not vouch for.
    @Test func onlyAnHTTPSTransferReadsTheSystemCertificates() throws {
        var setup = try Setup(tls: true)
        try setup.first.ok("init")
        try setup.first.ok("add", "Read without certificates")
        let openedByShow = try filesOpened(by: setup.first, "show")
        #expect(openedByShow.contains { $0.hasSuffix("/2025/01/2025-01-15.md") })
        #expect(!openedByShow.contains { $0.hasPrefix("/etc/ssl/") })

        setup.second.extraEnvironment["JOURNAL_GIT_TOKEN"] = Setup.password
        let url = setup.url.replacingOccurrences(of: "https://", with: "https://ada@")
        let openedByClone = try filesOpened(by: setup.second, "clone", url, setup.second.directory, status: 1)
        #expect(openedByClone.contains { $0.hasPrefix("/etc/ssl/") })
    }

    /// The bundle read late is the one that decides: with the server's certificate bound over the
    /// system's bundle (in a private mount namespace), a clone trusts it without GIT_SSL_CAINFO.
    @Test(.enabled(if: MountNamespace.available || MountNamespace.required, "needs a private mount namespace (unshare -m, as root)"))
    func theSystemCertificatesReadLateStillDecideWhomHTTPSTrusts() throws {
        var setup = try Setup(tls: true)
        let certificate = try #require(setup.server.certificate)
        try setup.storeCredentials(setup.first)
        try setup.first.ok("init")
        try setup.first.ok("add", "Trusted through the system's bundle")
        try setup.first.ok("remote", "add", "origin", setup.url)
        try setup.first.git("config", "http.sslCAInfo", certificate)
        try setup.first.ok("sync")

        setup.second.extraEnvironment["JOURNAL_GIT_TOKEN"] = Setup.password
        let url = setup.url.replacingOccurrences(of: "https://", with: "https://ada@")
        let bundles = try filesOpened(by: setup.second, "clone", url, setup.second.directory, status: 1).filter { $0.hasPrefix("/etc/ssl/") }
        let bundle = try #require(bundles.first)
        let environment = setup.second.environment.merging(["J": JournalRunner.binary, "URL": url, "TARGET": setup.second.directory,
                                                            "CERT": certificate, "BUNDLE": bundle]) { $1 }
        let cloned = try ProcessResult.run("/usr/bin/unshare", ["-m", "sh", "-c", "mount --bind \"$CERT\" \"$BUNDLE\" && exec \"$J\" clone \"$URL\" \"$TARGET\""],
                                           in: setup.second.sandbox.root.path, environment: environment)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(try setup.second.day("2025-01-15").contains("Trusted through the system's bundle"))
    }

    /// The files `journal ARGUMENTS` opened, as `strace` saw them.
    private func filesOpened(by machine: JournalRunner, _ arguments: String..., status: Int32 = 0) throws -> [String] {
        let trace = machine.sandbox.path("openat-\(arguments[0]).trace")
        let result = try ProcessResult.run("/usr/bin/env", ["strace", "-f", "-qq", "-e", "trace=openat", "-o", trace, JournalRunner.binary] + arguments,
                                           in: machine.sandbox.root.path, environment: machine.environment)
        #expect(result.status == status, "\(result.stderr)")
        return try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").compactMap { line in
            line.split(separator: "\"", maxSplits: 2).dropFirst().first.map(String.init)
        }
    }

    @Test func wrongCredentialsFailInOneLineAndAreRejectedFromTheHelper() throws {
        let setup = try Setup()
        try setup.storeCredentials(setup.second, password: "wrong")
        let result = try setup.second.run("clone", setup.url, setup.second.directory)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("journal: error: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!result.stderr.contains("wrong"))
        let stored = try setup.second.sandbox.read("home/.git-credentials")
        #expect(!stored.contains("wrong"))
    }
}
