import Foundation
import JournalModel
@testable import JournalStore
import JournalUseCases
import Testing

/// A commit fails at each of its steps in turn. Before the branch moves, nothing happened: HEAD,
/// the files and `git status` are as before, and the same command then works. After it, the
/// command happened once: a warning, and the next command puts the rest right.
@Suite struct CommitFaultTests {
    /// Tuesday holds a task to carry, so that starting Wednesday writes two files.
    func journalWithATaskToCarry() throws -> StoreHarness {
        let store = try StoreHarness(today: "2025-01-14")
        _ = try StartDay(store.journal).run(StoreHarness.day("2025-01-14"), carry: true)
        _ = try AddTask(store.journal).run("Carry me", tags: [], to: StoreHarness.day("2025-01-14"))
        return store
    }

    @Test(arguments: [StoreStep.writeObjects, .replaceFile, .swapBranch])
    func aFailureBeforeTheBranchMovesChangesNothing(step: StoreStep) throws {
        let store = try journalWithATaskToCarry()
        let head = try store.head
        let tuesday = store.file("2025-01-14")
        store.journal.faults.failing[step] = InjectedFault()

        #expect(throws: InjectedFault.self) { try StartDay(store.journal).run(StoreHarness.day("2025-01-15"), carry: true) }
        #expect(try store.head == head)
        #expect(store.file("2025-01-14") == tuesday)
        #expect(store.file("2025-01-15") == nil)
        #expect(try store.status == "")
        #expect(store.warnings.isEmpty)

        store.journal.faults = FaultInjection()
        let started = try StartDay(store.journal).run(StoreHarness.day("2025-01-15"), carry: true)
        #expect(started.carriedCount == 1)
        #expect(try store.commitCount == 4)
        #expect(try store.committed("2025-01-15").components(separatedBy: "Carry me").count == 2)
        #expect(try store.status == "")
    }

    /// A `git commit` lands between the command's draft and its branch swap: the swap fails, and
    /// the change is made again on top of it, once.
    @Test func aBranchMovedMeanwhileIsTheOneStepRetried() throws {
        let store = try journalWithATaskToCarry()
        var raced = false
        store.journal.faults.beforeSwap = {
            guard !raced else { return }
            raced = true
            try "Kept by git\n".write(toFile: store.directory + "/notes.txt", atomically: true, encoding: .utf8)
            _ = try store.git("add", "notes.txt")
            _ = try store.git("commit", "-q", "-m", "notes by git")
        }
        let added = try AddTask(store.journal).run("Added once", tags: [], to: StoreHarness.day("2025-01-14"))
        let id = try #require(added.task.id)
        #expect(try store.commitCount == 5)
        #expect(try store.git("log", "-2", "--format=%s") == "add ^\(id) Added once (2025-01-14)\nnotes by git")
        #expect(try store.committed("2025-01-14").components(separatedBy: "Added once").count == 2)
        #expect(store.file("2025-01-14")?.components(separatedBy: "Added once").count == 2)
        #expect(try store.status == "")
    }

    @Test func anIndexThatCannotBeWrittenAfterTheCommitIsAWarning() throws {
        let store = try journalWithATaskToCarry()
        store.journal.faults.failing[.writeIndex] = InjectedFault()
        let added = try AddTask(store.journal).run("Added once", tags: [], to: StoreHarness.day("2025-01-14"))
        #expect(added.number == 2)
        #expect(try store.commitCount == 4)
        #expect(try store.committed("2025-01-14").components(separatedBy: "Added once").count == 2)
        #expect(store.warnings.count == 1)
        #expect(store.warnings.first?.hasPrefix("committed, but Git's index was not updated") == true)
        #expect(try store.status != "")

        store.journal.faults = FaultInjection()
        _ = try AddTask(store.journal).run("Next", tags: [], to: StoreHarness.day("2025-01-14"))
        #expect(try store.commitCount == 5)
        #expect(try store.status == "")
    }

    @Test func idsThatCannotBeSavedAfterTheCommitAreAWarning() throws {
        let store = try journalWithATaskToCarry()
        store.journal.faults.failing[.saveIDs] = InjectedFault()
        let first = try AddTask(store.journal).run("First", tags: [], to: StoreHarness.day("2025-01-14"))
        #expect(store.warnings.first?.hasPrefix("committed, but the list of used ids was not saved") == true)
        store.journal.faults = FaultInjection()
        let second = try AddTask(store.journal).run("Second", tags: [], to: StoreHarness.day("2025-01-14"))
        #expect(first.task.id != second.task.id)
        // The list is complete again: the id the failed save missed is in it.
        let ids = try String(contentsOfFile: store.directory + "/.git/journal/ids", encoding: .utf8)
        #expect(ids.contains(try #require(first.task.id).value))
        #expect(try store.commitCount == 5)
        #expect(try store.status == "")
    }
}

/// Hand edits are committed outside the retried change: a branch moved under them stops the
/// command in one line, with the edit still in the working tree for the next command.
@Suite struct HandEditRaceTests {
    @Test func aBranchMovedDuringAHandEditCommitStopsWithTheEditKept() throws {
        let store = try StoreHarness()
        _ = try AddTask(store.journal).run("Before", tags: [], to: StoreHarness.day("2025-01-15"))
        let path = store.directory + "/2025/01/2025-01-15.md"
        try (store.file("2025-01-15")! + "- [ ] Typed by hand\n").write(toFile: path, atomically: true, encoding: .utf8)
        store.journal.faults.beforeSwap = {
            try "Kept by git\n".write(toFile: store.directory + "/notes.txt", atomically: true, encoding: .utf8)
            _ = try store.git("add", "notes.txt")
            _ = try store.git("commit", "-q", "-m", "notes by git")
        }
        #expect(throws: Journal.BranchMovedMeanwhile.self) {
            try AddTask(store.journal).run("After", tags: [], to: StoreHarness.day("2025-01-15"))
        }
        #expect(try store.git("log", "-1", "--format=%s") == "notes by git")
        #expect(store.file("2025-01-15")?.contains("- [ ] Typed by hand\n") == true)
        #expect(store.file("2025-01-15")?.contains("After") == false)

        store.journal.faults = FaultInjection()
        _ = try AddTask(store.journal).run("After", tags: [], to: StoreHarness.day("2025-01-15"))
        let day = try store.committed("2025-01-15")
        #expect(day.contains("- [ ] Typed by hand ^") && day.contains("- [ ] After ^"))
        #expect(try store.status == "")
    }
}
