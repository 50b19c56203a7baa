import Foundation
import TestSupport
import Testing

@Suite struct CheckTests {
    @Test func reportsEveryProblemAsFileLineMessageAndExitsOne() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("new")
        try journal.ok("add", "Fine")
        #expect(try journal.ok("check") == "1 day file checked: no problems\n")
        try journal.writeDay("2025-01-14", "# 2025-01-13 Monday\n\n  - [ ] Orphan ^ABC\n- [?] Odd state\n- [ ] One ^aaaaa\n- [ ] Two ^aaaaa\n")
        try journal.sandbox.write("stray\n", to: "journal/2025/01/notes.md")
        let result = try journal.run("check")
        #expect(result.status == 1)
        #expect(result.stdout == """
            2025/01/2025-01-14.md:1: the heading date says 2025-01-13; expected '# 2025-01-14 …'
            2025/01/2025-01-14.md:3: '^ABC' is not a task id (^ and 5 lowercase letters or digits); journal will add an id after it
            2025/01/2025-01-14.md:4: unknown task state '[?]' (known: [ ] [/] [x] [-] [>]); kept as a note
            2025/01/2025-01-14.md:6: task id ^aaaaa is also on line 5
            2025/01/notes.md:1: not a day file: day folders hold only YYYY/MM/YYYY-MM-DD.md (sync refuses anything else)
            5 problems in 2 day files checked

            """)
        // Checking changes nothing.
        #expect(try journal.git("status", "--porcelain") == "?? 2025/01/2025-01-14.md\n?? 2025/01/notes.md\n")
        #expect(try journal.ok("check", "today") == "1 day file checked: no problems\n")
        #expect(try journal.run("check", "--changed", "--quiet").stdout.hasPrefix("2025/01/2025-01-14.md:1: "))
    }

    @Test func jsonListsTheProblemsForScripts() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.writeDay("2025-01-15", "# 2025-01-15 Wednesday\n\n- [ ] A ^aaaaa\n- [x] B ^aaaaa\n")
        let result = try journal.run("check", "today", "--json")
        #expect(result.status == 1)
        struct Check: Decodable, Equatable {
            struct Problem: Decodable, Equatable { let path: String; let line: Int; let message: String }
            let checkedFiles: Int
            let problems: [Problem]
        }
        #expect(try JSONDecoder().decode(Check.self, from: Data(result.stdout.utf8)) ==
            Check(checkedFiles: 1, problems: [.init(path: "2025/01/2025-01-15.md", line: 4, message: "task id ^aaaaa is also on line 3")]))
    }

    @Test func aMissingDayOrDatesWithChangedAreClearErrors() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        let missing = try journal.run("check", "2025-01-01")
        #expect(missing.status == 1)
        #expect(missing.stderr == "journal: error: there is no day 2025-01-01 in the journal ('journal new 2025-01-01' starts it)\n")
        let both = try journal.run("check", "today", "--changed")
        #expect(both.status == 2)
        #expect(both.stderr.contains("give DATEs or --changed, not both"))
    }
}
