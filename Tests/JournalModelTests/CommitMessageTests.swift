@testable import JournalModel
import Testing

/// Commit messages are stored in repositories and read back by later versions: their trailer
/// keys and command names must never change.
@Suite struct CommitMessageTests {
    @Test func writesTheTrailersLaterCommandsRead() {
        let message = CommitMessage(command: .newWithoutCarry, subject: "new 2025-01-15", day: Day(iso: "2025-01-15"),
                                    tasks: [TaskID("k7f3q")!])
        #expect(message.text == """
            new 2025-01-15

            Journal-Command: new --no-carry
            Journal-Day: 2025-01-15
            Journal-Task: k7f3q

            """)
        #expect(message.command == .newWithoutCarry)
    }

    @Test func readsBackTheCommandDayAndRestoredCommit() {
        let parsed = CommitMessage.Parsed("undo: add x\n\nJournal-Command: undo\nJournal-Day: 2025-01-15\nJournal-Restores: abc\n")
        #expect(parsed.subject == "undo: add x")
        #expect(parsed.commandName == .undo)
        #expect(parsed.day == Day(iso: "2025-01-15"))
        #expect(parsed.restores == "abc")
        #expect(CommitMessage.Parsed("x\n\nJournal-Command: from-the-future\n").commandName == nil)
    }

    @Test func namesEachStateCommand() {
        #expect(TaskState.allCases.map { CommandName(settingStateTo: $0).rawValue } == ["reopen", "start", "done", "cancel", "reopen"])
    }
}
