import Foundation
import JournalModel
@testable import JournalStore
import JournalUseCases
import TestSupport
import Testing

/// Undo goes through the same two phases as every command; recovery after a dead lock holder
/// removes only what that holder could have left.
@Suite struct UndoAndRecoveryTests {
    @Test(arguments: [StoreStep.writeObjects, .replaceFile, .swapBranch])
    func anUndoThatFailsBeforeTheBranchMovesTakesNothingBack(step: StoreStep) throws {
        let store = try StoreHarness()
        _ = try AddTask(store.journal).run("Keep me", tags: [], to: StoreHarness.day("2025-01-15"))
        _ = try AddTask(store.journal).run("Take me back", tags: [], to: StoreHarness.day("2025-01-15"))
        let head = try store.head
        let day = store.file("2025-01-15")
        store.journal.faults.failing[step] = InjectedFault()

        #expect(throws: InjectedFault.self) { try Undo(store.journal).run(confirmSync: { _ in false }) }
        #expect(try store.head == head)
        #expect(store.file("2025-01-15") == day)
        #expect(try store.status == "")

        store.journal.faults = FaultInjection()
        #expect(try Undo(store.journal).run(confirmSync: { _ in false }).item.commit.subject.hasSuffix("Take me back (2025-01-15)"))
        #expect(try !store.committed("2025-01-15").contains("Take me back"))
        #expect(try store.committed("2025-01-15").contains("Keep me"))
    }

    /// An undo whose index write fails after the commit took back one change, not six.
    @Test func anUndoWhoseIndexWriteFailsTakesBackOneChange() throws {
        let store = try StoreHarness()
        for text in ["First", "Second", "Third"] { _ = try AddTask(store.journal).run(text, tags: [], to: StoreHarness.day("2025-01-15")) }
        store.journal.faults.failing[.writeIndex] = InjectedFault()
        _ = try Undo(store.journal).run(confirmSync: { _ in false })
        let day = try store.committed("2025-01-15")
        #expect(day.contains("First") && day.contains("Second") && !day.contains("Third"))
        #expect(store.warnings.count == 1)
    }

    /// The lock record of a process that died mid-command, and lock files from before and after it
    /// took the lock: the next write removes the later one only, and says so.
    @Test func recoveryRemovesOnlyWhatTheDeadHolderLeft() throws {
        let store = try StoreHarness()
        _ = try AddTask(store.journal).run("Before the crash", tags: [], to: StoreHarness.day("2025-01-15"))
        let dead = try ChildProcess(["/bin/true"], environment: [:])
        dead.wait()
        let git = store.directory + "/.git/"
        let crash = Date(timeIntervalSince1970: 1_736_930_000)
        try "journal-lock \(dead.pid) 1 add\n".write(toFile: git + "journal/lock", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: crash], ofItemAtPath: git + "journal/lock")
        for (name, offset) in [("index.lock", 1.0), ("config.lock", -1.0)] {
            #expect(FileManager.default.createFile(atPath: git + name, contents: nil))
            try FileManager.default.setAttributes([.modificationDate: crash.addingTimeInterval(offset)], ofItemAtPath: git + name)
        }

        _ = try AddTask(store.journal).run("After the crash", tags: [], to: StoreHarness.day("2025-01-15"))
        #expect(!FileManager.default.fileExists(atPath: git + "index.lock"))
        #expect(FileManager.default.fileExists(atPath: git + "config.lock"))
        #expect(store.warnings == ["recovered from an interrupted journal command (pid \(dead.pid)): removed .git/index.lock"])
        #expect(try store.committed("2025-01-15").contains("After the crash"))
        #expect(try store.status == "")
    }
}
