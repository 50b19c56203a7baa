import Foundation
import TestSupport
import Testing

/// What a new user types on the command line, and what journal answers.
@Suite struct CommandLineTests {
    func journalWithTasks(_ texts: String...) throws -> JournalRunner {
        let journal = try JournalRunner()
        try journal.ok("init")
        for text in texts { try journal.ok("add", text) }
        return journal
    }

    @Test func aTextThatStartsWithADashGetsTheHintForDoubleDash() throws {
        let journal = try journalWithTasks()
        let refused = try journal.run("add", "-1 day slip on ADR")
        #expect(refused.status == 2)
        #expect(refused.stderr.hasSuffix("hint: '-1 day slip on ADR' was read as an option; put '--' before a text that starts with '-': journal add -- '-1 day slip on ADR'\n"))
        #expect(try journal.ok("add", "--", "-1 day slip on ADR").hasPrefix("added 1 ^"))
    }

    @Test func aMistypedCommandIsRefusedWithTheNearestOne() throws {
        let journal = try journalWithTasks()
        let typo = try journal.run("shwo")
        #expect(typo.status == 2)
        #expect(typo.stderr == "journal: error: 'shwo' is not a journal command; did you mean 'show'?\n")
        let help = try journal.run("help", "nosuch")
        #expect(help.status == 2)
        #expect(help.stderr == "journal: error: 'nosuch' is not a journal command; see 'journal --help' for the commands\n")
        #expect(try journal.run("help", "show").status == 0)
    }

    @Test func multiWordDatesNeedNoQuotes() throws {
        var journal = try journalWithTasks("On Friday")
        journal.today = "2025-01-20"
        #expect(try journal.ok("show", "last", "wednesday").hasPrefix("2025-01-15 Wednesday\n"))
        #expect(try journal.ok("add", "Plan", "--date", "next", "friday").hasSuffix("(2025-01-24)\n"))
    }

    @Test func severalTasksChangeTogetherInOneCommitOrNotAtAll() throws {
        let journal = try journalWithTasks("One", "Two", "Three")
        let commits = try journal.commitCount()
        let refused = try journal.run("done", "1", "9")
        #expect(refused.status == 1)
        #expect(refused.stderr == "journal: error: no task number 9 in 2025-01-15 (it has 3 tasks)\n")
        #expect(try journal.commitCount() == commits)
        #expect(!(try journal.day("2025-01-15")).contains("[x]"))

        let done = try journal.ok("done", "1", "3", "1")
        #expect(done.split(separator: "\n").count == 2)
        #expect(try journal.commitCount() == commits + 1)
        #expect(try journal.git("log", "-1", "--format=%s").hasPrefix("done 2 tasks: ^"))
        let day = try journal.day("2025-01-15")
        #expect(day.contains("- [x] One ^") && day.contains("- [ ] Two ^") && day.contains("- [x] Three ^"))
    }

    @Test func aRefusedArgumentIsQuotedAsTyped() throws {
        let journal = try journalWithTasks("One")
        let refused = try journal.run("done", "-1")
        #expect(refused.status == 2)
        #expect(refused.stderr == "journal: error: invalid task '-1': give its number in the day's list or its 5-character id\n")
    }

    @Test func anEmptyJournalTodayIsUnset() throws {
        var journal = try journalWithTasks("One")
        journal.extraEnvironment["JOURNAL_TODAY"] = ""
        #expect(try journal.ok("show", "2025-01-15").contains("One"))
    }

    @Test func settingsAreNamedWithOrWithoutTheirPrefixAndCanBeRemoved() throws {
        let journal = try journalWithTasks()
        #expect(try journal.ok("config", "weekStart", "sunday") == "journal.weekStart = sunday (the journal's .git/config)\n")
        #expect(try journal.ok("config", "weekStart") == "sunday\n")
        #expect(try journal.ok("config", "--unset", "weekStart") == "journal.weekStart removed from the journal's .git/config\n")
        #expect(try journal.ok("config", "journal.weekStart") == "monday\n")
        #expect(try journal.ok("config", "--unset", "weekStart") == "journal.weekStart was not set in the journal's .git/config\n")
        #expect(try journal.run("config", "--unset").status == 2)
    }

    @Test func removingARemoteThatDoesNotExistListsTheRemotes() throws {
        let journal = try journalWithTasks()
        #expect(try journal.run("remote", "remove", "nosuch").stderr == "journal: error: there is no remote 'nosuch' (the journal has no remote)\n")
        try journal.ok("remote", "add", "origin", journal.sandbox.root.path)
        #expect(try journal.run("remote", "remove", "nosuch").stderr == "journal: error: there is no remote 'nosuch' (its remotes: origin)\n")
    }
}

@Suite struct SyncRemotesTests {
    @Test func syncAllReachesEveryRemoteAndTheDefaultRemoteIsASetting() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        for name in ["laptop", "backup"] {
            try journal.sandbox.git("init", "-q", "--bare", "-b", "main", journal.sandbox.path(name + ".git"), in: journal.sandbox.root.path)
            try journal.ok("remote", "add", name, journal.sandbox.path(name + ".git"))
        }
        try journal.ok("add", "Everywhere")
        let all = try journal.ok("sync", "--all")
        #expect(all.contains("synced with backup: pushed") && all.contains("synced with laptop: pushed"))
        let head = try journal.git("rev-parse", "HEAD")
        for name in ["laptop", "backup"] {
            #expect(try journal.sandbox.git("rev-parse", "main", in: journal.sandbox.path(name + ".git")) == head)
        }
        #expect(try journal.run("sync").stderr == "journal: error: no remote 'origin'; add one with: journal remote add origin URL\n")
        try journal.ok("config", "defaultRemote", "backup")
        try journal.ok("add", "To the backup only")
        #expect(try journal.ok("sync") == "synced with backup: pushed\n")
        #expect(try journal.sandbox.git("rev-parse", "main", in: journal.sandbox.path("laptop.git")) == head)
        #expect(try journal.run("sync", "--all", "--remote", "backup").status == 2)
    }
}

@Suite struct ReadyHooksLocationTests {
    /// The ready hooks are found beside a binary in a checkout's `.build/release`, and in the
    /// `share/journal/hooks` beside an installed `bin/journal`.
    @Test(arguments: [".build/release/journal", "prefix/bin/journal"])
    func readyHooksAreFoundFromWhereTheBinaryIs(_ place: String) throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        let binary = journal.sandbox.path("copy/" + place)
        let hooks = place.hasPrefix("prefix") ? journal.sandbox.path("copy/prefix/share/journal/hooks") : journal.sandbox.path("copy/hooks")
        try FileManager.default.createDirectory(atPath: (binary as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: JournalRunner.binary, toPath: binary)
        try "#!/bin/sh\n# Says hello.\n".write(toFile: hooks + "/post-new", atomically: true, encoding: .utf8)
        if !place.hasPrefix("prefix") { try "// swift-tools-version:6.0\n".write(toFile: journal.sandbox.path("copy/Package.swift"), atomically: true, encoding: .utf8) }
        let listed = try ProcessResult.run(binary, ["hooks"], in: journal.sandbox.root.path, environment: journal.environment)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("ready hooks: \(hooks)/"))
        #expect(listed.stdout.contains("post-new  available  Says hello."))
    }
}
