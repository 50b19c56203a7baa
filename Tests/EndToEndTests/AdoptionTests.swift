import Foundation
import TestSupport
import Testing

/// Bringing notes people already keep: a Git repository of days, an Obsidian vault, a Logseq
/// graph, made a journal in place with one command, history and file names kept.
@Suite struct AdoptionTests {
    /// Ten days of a plain Git repository on `master`, made with the `git` command line: a
    /// postmortem written on the first day and carried by hand every day after, a vendor call
    /// done on the third.
    /// A clone of `first` in `second`, through a bare repository beside it that `first` synced to.
    func secondMachine(of first: JournalRunner) throws -> JournalRunner {
        let remote = first.sandbox.path("remote.git")
        try first.sandbox.git("init", "-q", "--bare", remote, in: first.sandbox.root.path)
        try first.ok("remote", "add", "origin", remote)
        try first.ok("sync")
        var second = first
        second.extraEnvironment["JOURNAL_DIR"] = first.sandbox.path("second")
        try second.ok("clone", remote)
        return second
    }

    func plainRepository(_ journal: JournalRunner) throws {
        let sandbox = journal.sandbox
        try sandbox.git("init", "-q", "-b", "master", journal.directory, in: sandbox.root.path)
        for day in 1...10 {
            let iso = String(format: "2025-01-%02d", day)
            if day > 1 {
                let previous = String(format: "2025-01-%02d", day - 1)
                let text = try journal.day(previous).replacingOccurrences(of: "- [ ] Write the postmortem", with: "- [>] Write the postmortem → \(iso)")
                try journal.writeDay(previous, text)
            }
            let vendor = day == 1 ? "- [ ] Call the vendor\n" : ""
            try journal.writeDay(iso, "# \(iso)\n\n- [ ] Write the postmortem\n\(vendor)")
            if day == 3 {
                try journal.writeDay("2025-01-01", try journal.day("2025-01-01").replacingOccurrences(of: "- [ ] Call the vendor", with: "- [x] Call the vendor"))
            }
            try journal.git("add", "-A")
            try journal.git("-c", "user.name=Ann", "-c", "user.email=ann@example.org", "commit", "-qm", "notes of \(iso)", "--date", "\(iso)T18:00:00Z")
        }
    }

    @Test func aPlainGitRepositoryOfDaysBecomesAJournalAndKeepsItsHistory() throws {
        var journal = try JournalRunner()
        try plainRepository(journal)
        let before = try (1...10).map { try journal.day(String(format: "2025-01-%02d", $0)) }
        let output = try journal.ok("init")
        #expect(output.contains("10 days kept as YYYY/MM/YYYY-MM-DD.md"))
        #expect(output.contains("check: no problems in 10 day files"))
        // Nothing rewritten, history and branch kept, one commit added.
        #expect(try (1...10).map { try journal.day(String(format: "2025-01-%02d", $0)) } == before)
        #expect(try journal.commitCount() == 11)
        #expect(try journal.git("symbolic-ref", "--short", "HEAD") == "master\n")
        #expect(try journal.git("log", "-1", "--format=%s") == "init journal\n")

        journal.today = "2025-01-11"
        try journal.ok("new")
        #expect(try journal.day("2025-01-11").contains("- [ ] Write the postmortem ^"))
        let log = try journal.ok("log", "postmortem")
        #expect(log.contains("created on 2025-01-01 as [ ]"))
        #expect(log.contains("carried 2025-01-09 → 2025-01-10"))
        #expect(log.contains("carried 2025-01-10 → 2025-01-11"))
        #expect(log.contains("carried 10 times"))
        #expect(log.contains("(Ann)"))
        try journal.assertClean()
    }

    @Test func anObsidianDailyFolderBecomesAJournalAndItsOtherNotesStayAsTheyAre() throws {
        var journal = try JournalRunner()
        let sandbox = journal.sandbox
        try sandbox.write("# 2025-01-14\n\n- [ ] Draft the migration plan\n- [x] Stand-up\n", to: "journal/Daily/2025-01-14.md")
        try sandbox.write("- [ ] Review the vendor contract #legal\n", to: "journal/Daily/2025-01-15.md")
        try sandbox.write("# Ideas\n\n- [ ] not a day's task\n", to: "journal/Ideas.md")
        try sandbox.write("# {{date}}\n", to: "journal/Templates/Daily.md")
        try sandbox.write("{\"folder\":\"Daily\"}\n", to: "journal/.obsidian/daily-notes.json")

        let output = try journal.ok("init")
        #expect(output.contains("2 days kept as Daily/YYYY-MM-DD.md (the layout most of its files follow"))
        #expect(output.contains("3 other files left untouched"))
        #expect(try journal.commitCount() == 2)
        #expect(try sandbox.read("journal/.journal").contains("Day files: Daily/YYYY-MM-DD.md"))

        journal.today = "2025-01-16"
        try journal.ok("new")
        // What the latest day left open is carried; a box left unticked on an older day is history.
        let today = try sandbox.read("journal/Daily/2025-01-16.md")
        #expect(today.contains("- [ ] Review the vendor contract #legal ^"))
        #expect(!today.contains("migration plan"))
        #expect(try sandbox.read("journal/Daily/2025-01-14.md") == "# 2025-01-14\n\n- [ ] Draft the migration plan\n- [x] Stand-up\n")
        #expect(try sandbox.read("journal/Daily/2025-01-15.md").contains("- [>] Review the vendor contract #legal → 2025-01-16 ^"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("journal/2025")))
        // Notes beside the days are neither tasks nor days.
        #expect(try sandbox.read("journal/Ideas.md") == "# Ideas\n\n- [ ] not a day's task\n")
        #expect(try sandbox.read("journal/Templates/Daily.md") == "# {{date}}\n")
        #expect(try journal.ok("diff", "2025-01-15", "2025-01-16").contains("carried"))
        try journal.assertClean()
    }

    @Test func aLogseqGraphKeepsItsTaskWordsThroughCarryAndStateChanges() throws {
        var journal = try JournalRunner()
        let sandbox = journal.sandbox
        try sandbox.write("- TODO Call the vendor\n- LATER Read the RFC\n\t- the notes under it\n- DONE Stand-up\n- a block\n", to: "journal/journals/2025_01_14.md")
        try sandbox.write("{:preferred-workflow :todo}\n", to: "journal/logseq/config.edn")
        let output = try journal.ok("init")
        #expect(output.contains("1 day kept as journals/YYYY_MM_DD.md"))
        #expect(output.contains("Logseq's words"))
        journal.today = "2025-01-15"
        try journal.ok("new")
        try journal.ok("done", "1")
        try journal.ok("start", "2")
        try journal.ok("add", "Write the summary")
        let today = try sandbox.read("journal/journals/2025_01_15.md").split(separator: "\n").map { $0.replacingOccurrences(of: #" \^[a-z0-9]{5}$"#, with: "", options: .regularExpression) }
        #expect(today == ["# 2025-01-15 Wednesday", "- DONE Call the vendor", "- NOW Read the RFC", "\t- the notes under it", "- TODO Write the summary"])
        let before = try sandbox.read("journal/journals/2025_01_14.md")
        #expect(before.contains("- [>] Call the vendor → 2025-01-15 ^") && before.contains("- DONE Stand-up ^") && before.contains("- a block\n"))
        #expect(try journal.ok("show", "--json").contains("\"state\" : \"in-progress\""))

        // The day template speaks Logseq's words too, and its tasks recur.
        try journal.ok("recur", "add", "Join the stand-up", "--every", "every weekday")
        #expect(try sandbox.read("journal/templates/day.md").hasPrefix("- TODO Join the stand-up 🔁 every weekday ^"))
        journal.today = "2025-01-16"
        try journal.ok("new")
        #expect(try sandbox.read("journal/journals/2025_01_16.md").contains("- TODO Join the stand-up 🔁 ^"))
        try journal.assertClean()
    }

    @Test(arguments: ["YYYY/MM/YYYY-MM-DD.md", "Daily/YYYY-MM-DD.md", "journals/YYYY_MM_DD.md", "YYYY-MM-DD.md"])
    func everyLayoutStartsCarriesComparesSyncsImportsAndExports(pattern: String) throws {
        var first = try JournalRunner()
        let sandbox = first.sandbox
        let path = { (iso: String) in
            pattern.replacingOccurrences(of: "YYYY", with: String(iso.prefix(4))).replacingOccurrences(of: "MM", with: String(iso.dropFirst(5).prefix(2)))
                .replacingOccurrences(of: "DD", with: String(iso.suffix(2)))
        }
        try first.ok("init", "--layout", pattern)
        first.today = "2025-01-14"
        try first.ok("add", "Prepare the design review")
        try first.ok("add", "Send the status email")
        try first.ok("done", "2")
        first.today = "2025-01-15"
        try first.ok("new")
        #expect(try sandbox.read("journal/" + path("2025-01-15")).contains("- [ ] Prepare the design review ^"))
        #expect(try first.ok("diff", "2025-01-14", "2025-01-15").contains("carried"))

        let second = try secondMachine(of: first)
        try second.ok("add", "Book the vendor call")
        try second.ok("sync")
        try first.ok("done", "1")
        try first.ok("sync")
        let merged = try sandbox.read("journal/" + path("2025-01-15"))
        #expect(merged.contains("- [x] Prepare the design review ^") && merged.contains("- [ ] Book the vendor call ^"))

        try sandbox.write("- [ ] Imported task\n", to: "notes/2025-01-20.md")
        try first.ok("import", sandbox.path("notes/2025-01-20.md"))
        #expect(try sandbox.read("journal/" + path("2025-01-20")).contains("Imported task"))
        let exported = try first.ok("export", "--format", "json")
        #expect(exported.contains("\"path\" : \"\(path("2025-01-15"))\""))
        #expect(try first.ok("check").contains("no problems"))
        try first.assertClean()
    }

    @Test func aCommandRunInsideAJournalUsesItAndDirMayComeFirst() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Review the roadmap")
        var environment = journal.environment
        environment["JOURNAL_DIR"] = nil
        let folder = journal.directory + "/2025/01"
        let inside = try ProcessResult.run(JournalRunner.binary, ["show"], in: folder, environment: environment)
        #expect(inside.status == 0 && inside.stdout.contains("Review the roadmap"))
        let dot = try ProcessResult.run(JournalRunner.binary, ["show", "--dir", "."], in: folder, environment: environment)
        #expect(dot.status == 0 && dot.stdout.contains("Review the roadmap"))
        let elsewhere = try ProcessResult.run(JournalRunner.binary, ["show"], in: journal.sandbox.root.path, environment: environment)
        #expect(elsewhere.status == 1 && elsewhere.stderr.contains("no journal at \(journal.sandbox.path("home"))/journal"))

        let first = try ProcessResult.run(JournalRunner.binary, ["--dir", journal.directory, "show"], in: journal.sandbox.root.path, environment: environment)
        #expect(first.status == 0 && first.stdout.contains("Review the roadmap"))
        let added = try ProcessResult.run(JournalRunner.binary, ["--dir=\(journal.directory)", "add", "--", "- dashes kept"],
                                          in: journal.sandbox.root.path, environment: environment)
        #expect(added.status == 0)
        #expect(try journal.day("2025-01-15").contains("- [ ] - dashes kept ^"))
    }

    @Test func twoMachinesThatEachStartTheDayOnAdoptedNotesKeepEachTaskOnce() throws {
        var first = try JournalRunner()
        let sandbox = first.sandbox
        try sandbox.write("- [ ] Prepare the design review\n- [ ] Call the vendor\n", to: "journal/Daily/2025-01-14.md")
        try first.ok("init")
        var second = try secondMachine(of: first)
        // Each machine names the tasks it carries before either syncs.
        for (machine, folder) in [(first, first.directory), (second, sandbox.path("second"))] {
            try sandbox.git("config", "journal.autoSync", "off", in: folder)
            var starting = machine
            starting.today = "2025-01-15"
            try starting.ok("new")
        }
        first.today = "2025-01-15"
        second.today = "2025-01-15"
        try first.ok("done", "1")
        try second.ok("add", "Write the summary")
        try first.ok("sync")
        try second.ok("sync")
        try first.ok("sync")
        let merged = try sandbox.read("journal/Daily/2025-01-15.md")
        #expect(merged == (try sandbox.read("second/Daily/2025-01-15.md")))
        let tasks = merged.split(separator: "\n").filter { $0.hasPrefix("- [") }
        #expect(tasks.count == 3, "\(merged)")
        #expect(tasks[0].hasPrefix("- [x] Prepare the design review ^") && tasks[1].hasPrefix("- [ ] Call the vendor ^"))
        #expect(try first.ok("check").contains("no problems"))
    }

    @Test func aGitPullMergesByTaskWhenJournalIsNotOnThePath() throws {
        var first = try JournalRunner()
        let sandbox = first.sandbox
        try first.ok("init")
        try first.ok("add", "Review the module")
        _ = try secondMachine(of: first)
        let second = sandbox.path("second")
        #expect(try sandbox.git("config", "merge.journal.driver", in: second).contains(JournalRunner.binary))

        let path = "2025/01/2025-01-15.md"
        let text = try String(contentsOfFile: "\(second)/\(path)", encoding: .utf8)
        try text.replacingOccurrences(of: "Review the module", with: "Review the auth module").write(toFile: "\(second)/\(path)", atomically: true, encoding: .utf8)
        try sandbox.git("-c", "user.name=Bo", "-c", "user.email=bo@example.org", "commit", "-qam", "reworded", in: second)
        try sandbox.git("push", "-q", "origin", "main", in: second)
        first.today = "2025-01-15"
        try first.ok("done", "1")

        var environment = sandbox.environment
        environment["PATH"] = "/usr/bin:/bin"
        // The first machine's branch follows origin's as a clone's does (the clone's own, here).
        try sandbox.git("branch", "-q", "--set-upstream-to=origin/main", in: first.directory)
        let pull = try ProcessResult.run("/usr/bin/git", ["-c", "pull.rebase=false", "pull", "-q", "--no-edit"],
                                         in: first.directory, environment: environment)
        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(pull.stderr.contains("2025/01/2025-01-15.md: 1 task(s) changed on both sides, merged: ^"), "\(pull.stderr)")
        #expect(try sandbox.git("rev-parse", "--abbrev-ref", "main@{upstream}", in: second) == "origin/main\n")
        let merged = try first.day("2025-01-15")
        #expect(merged.contains("- [x] Review the auth module ^"))
        #expect(!merged.contains("<<<<<<<"))
    }

    @Test func aCloneOfAnotherBranchIsNamedWithBranch() throws {
        let journal = try JournalRunner()
        try plainRepository(journal)
        try journal.ok("init")
        let bare = journal.sandbox.path("notes.git")
        try journal.sandbox.git("clone", "-q", "--bare", journal.directory, bare, in: journal.sandbox.root.path)
        let refused = try journal.run("clone", bare, journal.sandbox.path("elsewhere"))
        #expect(refused.status == 1)
        #expect(refused.stderr == "journal: error: \(bare) has no branch 'main'; a journal kept on another branch is cloned with --branch NAME\n")
        try journal.ok("clone", bare, journal.sandbox.path("elsewhere"), "--branch", "master")
        #expect(try journal.sandbox.git("symbolic-ref", "--short", "HEAD", in: journal.sandbox.path("elsewhere")) == "master\n")
    }

    @Test func doctorNamesAMergeDriverThatIsMissingOrWhoseProgramIsGone() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.git("config", "--unset", "merge.journal.driver")
        let unset = try journal.run("doctor")
        #expect(unset.status == 1 && unset.stdout.contains("(merge.journal.driver) is not set: a git pull would merge them line by line"))
        try journal.git("config", "merge.journal.driver", "'/nowhere/bin/journal' merge-file %O %A %B")
        let doctor = try journal.run("doctor")
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("/nowhere/bin/journal, which does not exist"))
        #expect(doctor.stdout.contains("fix: git -C \(journal.directory) config merge.journal.driver \"\(JournalRunner.binary) merge-file %O %A %B %P\""))
    }

    @Test func whatCannotBeAdoptedIsRefusedInOneLineWithNothingWritten() throws {
        let journal = try JournalRunner()
        let sandbox = journal.sandbox
        // A repository with uncommitted work.
        try sandbox.git("init", "-q", journal.directory, in: sandbox.root.path)
        try sandbox.write("- [ ] a task\n", to: "journal/2025-01-15.md")
        var result = try journal.run("init")
        #expect(result.status == 1)
        #expect(result.stderr == "journal: error: cannot make a journal of \(journal.directory): its working tree has uncommitted changes (2025-01-15.md); commit them, or stash them with 'git stash -u', first; nothing was changed\n")
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/.journal"))

        // A folder with a link, and one with Markdown that is not UTF-8: no repository is left.
        let folder = sandbox.path("notes")
        try sandbox.write("- [ ] ok\n", to: "notes/2025-01-15.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.md", withDestinationPath: "2025-01-15.md")
        var environment = journal.environment
        environment["JOURNAL_DIR"] = folder
        result = try ProcessResult.run(JournalRunner.binary, ["init"], in: sandbox.root.path, environment: environment)
        #expect(result.status == 1 && result.stderr.contains("link.md is a symbolic link"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/.git"))
        try FileManager.default.removeItem(atPath: folder + "/link.md")
        try Data([0x2D, 0x20, 0x5B, 0x20, 0x5D, 0x20, 0x6F, 0x6B, 0x0A, 0x66, 0xE9, 0x65, 0x0A]).write(to: URL(fileURLWithPath: folder + "/latin1.md"))
        result = try ProcessResult.run(JournalRunner.binary, ["init"], in: sandbox.root.path, environment: environment)
        #expect(result.stderr.contains("latin1.md:2 is not valid UTF-8"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/.git"))

        // Markdown whose days follow no known layout: no guess.
        try FileManager.default.removeItem(atPath: folder + "/latin1.md")
        try sandbox.write("- [ ] ok\n", to: "notes/Journal/15.01.2025.md")
        try FileManager.default.removeItem(atPath: folder + "/2025-01-15.md")
        result = try ProcessResult.run(JournalRunner.binary, ["init"], in: sandbox.root.path, environment: environment)
        #expect(result.status == 2 && result.stderr.contains("is named as a day in a known layout"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/.git"))

        // A layout two dates would share, or that is no path.
        for (pattern, reason) in [("Daily/YYYY-MM.md", "it has no DD"), ("/YYYY-MM-DD.md", "not an absolute one"), ("YYYY-MM-DD.txt", "must end in .md")] {
            result = try ProcessResult.run(JournalRunner.binary, ["init", "--layout", pattern], in: sandbox.root.path, environment: environment)
            #expect(result.status == 2 && result.stderr.contains(reason), "\(pattern): \(result.stderr)")
        }
    }

    @Test func aFolderIsFoundThroughLinksAndDotsAsGitFindsIt() throws {
        let journal = try JournalRunner()
        let sandbox = journal.sandbox
        try sandbox.write("- [ ] Review the budget\n", to: "vault/Daily/2025-01-15.md")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("link"), withDestinationPath: sandbox.path("vault"))
        // Run from inside an unrelated repository, naming the folder through `..` and a link.
        try sandbox.git("init", "-q", sandbox.path("code"), in: sandbox.root.path)
        var environment = journal.environment
        environment["JOURNAL_DIR"] = nil
        let adopted = try ProcessResult.run(JournalRunner.binary, ["init", "--dir", "../link"], in: sandbox.path("code"), environment: environment)
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(FileManager.default.fileExists(atPath: sandbox.path("vault/.journal")))
        let shown = try ProcessResult.run(JournalRunner.binary, ["show", "2025-01-15", "--dir", "../link/Daily"], in: sandbox.path("code"), environment: environment)
        #expect(shown.status == 0 && shown.stdout.contains("Review the budget"), "\(shown.stderr)")
    }

    @Test func aDetachedHeadOrAFileWhereTheTemplateGoesIsRefused() throws {
        let journal = try JournalRunner()
        try plainRepository(journal)
        try journal.git("checkout", "-q", "--detach", "HEAD~1")
        var result = try journal.run("init")
        #expect(result.status == 1 && result.stderr.contains("its HEAD is detached"))
        try journal.git("checkout", "-q", "master")
        try journal.sandbox.write("# {{date}}\n", to: "journal/templates/day.md")
        try journal.git("add", "-A")
        try journal.git("-c", "user.name=Ann", "-c", "user.email=ann@example.org", "commit", "-qm", "template")
        result = try journal.run("init")
        #expect(result.status == 1 && result.stderr.contains("templates/day.md is where journal keeps its day template"))
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/.journal"))
    }

    @Test func aRepositoryInTheMiddleOfAMergeIsRefused() throws {
        let journal = try JournalRunner()
        try plainRepository(journal)
        try journal.git("checkout", "-q", "-b", "side", "HEAD~1")
        try journal.writeDay("2025-01-09", "# 2025-01-09\n\n- [ ] other\n")
        try journal.git("-c", "user.name=Ann", "-c", "user.email=ann@example.org", "commit", "-qam", "side")
        try journal.git("checkout", "-q", "master")
        _ = try? journal.git("-c", "user.name=Ann", "-c", "user.email=ann@example.org", "merge", "-q", "side")
        let result = try journal.run("init")
        #expect(result.status == 1)
        #expect(result.stderr.contains("git is in the middle of a merge"))
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/.journal"))
    }
}
