import Foundation
import TestSupport
import Testing

/// What a person at a terminal sees: colours and the pager on a pseudo-terminal, plain text
/// through a pipe, and `journal edit` in a real editor typed into.
@Suite struct TerminalTests {
    private func journalWithHistory() throws -> JournalRunner {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("new")
        try journal.ok("add", "Review the incident timeline")
        try journal.ok("done", "1")
        journal.extraEnvironment = ["JOURNAL_PAGER": "tee paged.txt; echo \"LESS=$LESS\" > pager-env.txt"]
        return journal
    }

    @Test func onATerminalLongOutputIsPagedInColour() throws {
        let journal = try journalWithHistory()
        let terminal = try TerminalSession(JournalRunner.binary, ["log"], in: journal.sandbox.root.path, environment: journal.environment)
        #expect(try terminal.finish() == 0)
        let paged = try journal.sandbox.read("paged.txt")
        #expect(paged.contains("\u{1B}[33m") && paged.contains("done ^"))
        #expect(terminal.screen.contains("Review the incident timeline"))
        // As Git does: less quits on a short page and passes colours, unless LESS says otherwise.
        #expect(try journal.sandbox.read("pager-env.txt") == "LESS=FRX\n")

        // `show` is short and never paged, but coloured: done in green.
        let shown = try TerminalSession(JournalRunner.binary, ["show"], in: journal.sandbox.root.path, environment: journal.environment)
        #expect(try shown.finish() == 0)
        #expect(shown.screen.contains("\u{1B}[32m[x] Review the incident timeline\u{1B}[0m"))
    }

    @Test func noColorAndNeverTurnColourOffAndAPipeGetsPlainUnpagedText() throws {
        var journal = try journalWithHistory()
        journal.extraEnvironment["NO_COLOR"] = "1"
        let terminal = try TerminalSession(JournalRunner.binary, ["log"], in: journal.sandbox.root.path, environment: journal.environment)
        #expect(try terminal.finish() == 0)
        #expect(!(try journal.sandbox.read("paged.txt")).contains("\u{1B}["))
        journal.extraEnvironment["NO_COLOR"] = nil
        let never = try TerminalSession(JournalRunner.binary, ["show", "--color", "never"], in: journal.sandbox.root.path, environment: journal.environment)
        #expect(try never.finish() == 0)
        #expect(!never.screen.contains("\u{1B}[") && never.screen.contains("[x] Review the incident timeline"))

        try FileManager.default.removeItem(atPath: journal.sandbox.path("paged.txt"))
        let piped = try journal.ok("log")
        #expect(!piped.contains("\u{1B}[") && piped.contains("done ^"))
        #expect(!FileManager.default.fileExists(atPath: journal.sandbox.path("paged.txt")))
        #expect(try journal.ok("show", "--color", "always").contains("\u{1B}[32m[x] Review"))
    }

    /// A search that finds nothing says so at a terminal (exit 1 as through a pipe, where it stays silent).
    @Test func aSearchWithoutMatchesSaysSoAtATerminal() throws {
        let journal = try journalWithHistory()
        let terminal = try TerminalSession(JournalRunner.binary, ["search", "nothing-like-this"], in: journal.sandbox.root.path,
                                           environment: journal.environment)
        #expect(try terminal.finish() == 1)
        #expect(terminal.screen.contains("no matches"))
    }

    /// vim on a terminal, typed into as a person would: the added task is committed on exit.
    @Test func editInARealEditorCommitsWhatWasTyped() throws {
        let journal = try journalWithHistory()
        let environment = journal.environment.merging(["EDITOR": "vim -u NONE -i NONE -N", "TERM": "xterm"]) { $1 }
        let terminal = try TerminalSession(JournalRunner.binary, ["edit"], in: journal.sandbox.root.path, environment: environment)
        try terminal.waitFor("Review the incident timeline")
        terminal.type("Go- [ ] Write the follow-up actions\u{1B}")
        terminal.type(":wq\r")
        #expect(try terminal.finish() == 0)
        #expect(terminal.screen.contains("committed 2025-01-15"))
        #expect(try journal.git("show", "HEAD:2025/01/2025-01-15.md").contains("\n- [ ] Write the follow-up actions ^"))
        #expect(try journal.git("log", "-1", "--format=%(trailers:key=Journal-Command,valueonly)").hasPrefix("edit"))
        try journal.assertClean()
    }
}
