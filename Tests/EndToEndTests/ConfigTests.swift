import Foundation
import TestSupport
import Testing

@Suite struct ConfigTests {
    @Test func configListsEachSettingWithWhereItCameFrom() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("config", "journal.weekStart", "sunday")
        try journal.ok("config", "--global", "journal.editor", "nano -w")
        journal.extraEnvironment = ["PAGER": "more"]
        let listed = try journal.ok("config")
        #expect(listed == """
            journal.dir            \(journal.directory)  ($JOURNAL_DIR)
            journal.editor         nano -w  (global)
            journal.carry          on  (default)
            journal.weekStart      sunday  (local)
            journal.hookTimeout    60  (default)
            journal.pager          more  ($PAGER)
            journal.color          auto  (default)
            journal.fileMode       0600  (default)
            journal.defaultRemote  origin  (default)
            journal.syncTimeout    30  (default)
            journal.autoSync       fetch  (default)
            journal.carryHeading   (none)  (default)
            journal.doneDate       off  (default)

            """)
        // Stored where Git keeps them, readable by plain git.
        #expect(try journal.git("config", "journal.weekStart") == "sunday\n")
        #expect(try journal.sandbox.read("home/.gitconfig").contains("editor = nano -w"))
        journal.extraEnvironment = ["NO_COLOR": "1", "VISUAL": "vim"]
        #expect(try journal.ok("config", "journal.color") == "never\n")
        let values = try #require(try JSONSerialization.jsonObject(with: Data(try journal.ok("config", "--json").utf8)) as? [[String: String]])
        #expect(values.first { $0["key"] == "journal.editor" } == ["key": "journal.editor", "value": "nano -w", "origin": "global"])
    }

    @Test func aValueJournalCannotUseIsRefusedAndNamed() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        let refused = try journal.run("config", "journal.carry", "maybe")
        #expect(refused.status == 1 && refused.stderr == "journal: error: invalid journal.carry 'maybe': give on or off\n")
        #expect((try? journal.git("config", "journal.carry")) == nil)
        #expect(try journal.run("config", "journal.colour").status == 2)
        // Set behind journal's back: the command that needs it names it and its origin.
        _ = try journal.git("config", "journal.weekStart", "someday")
        let report = try journal.run("report", "--week")
        #expect(report.status == 1 && report.stderr == "journal: error: invalid journal.weekStart 'someday' (from local): give a weekday, for example monday\n")
        // A bad value never stops its own repair.
        _ = try journal.git("config", "journal.color", "yes")
        #expect(try journal.run("show").stderr.contains("invalid journal.color 'yes' (from local)"))
        try journal.ok("config", "journal.color", "never")
        let dir = try journal.run("config", "journal.dir", "/elsewhere")
        #expect(dir.status == 1 && dir.stderr.contains("use --global"))
    }

    @Test func carryOffStartsEmptyDaysUnlessAskedAndDirFindsTheJournal() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.today = "2025-01-13"
        try journal.ok("add", "Draft the roadmap")
        try journal.ok("config", "journal.carry", "off")
        journal.today = "2025-01-14"
        #expect(try journal.ok("new").hasPrefix("started 2025-01-14 Tuesday: nothing to carry"))
        journal.today = "2025-01-15"
        #expect(try journal.ok("new", "--carry").hasPrefix("started 2025-01-15 Wednesday: carried 1 task from 2025-01-13"))

        // journal.dir in the user's configuration, when neither --dir nor JOURNAL_DIR says.
        try journal.ok("config", "--global", "journal.dir", "~/journal")
        var environment = journal.environment
        environment["JOURNAL_DIR"] = nil
        let shown = try ProcessResult.run(JournalRunner.binary, ["show"], in: journal.sandbox.root.path, environment: environment)
        #expect(shown.status == 1 && shown.stderr.contains("no journal at \(journal.sandbox.path("home"))/journal;"))
    }
}
