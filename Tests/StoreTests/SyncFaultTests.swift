import Foundation
import JournalModel
@testable import JournalStore
import JournalUseCases
import TestSupport
import Testing

/// A sync fails at each of its steps: before the branch moves nothing changed here, and the next
/// sync does the whole job once; after it, the merge stands and is pushed, never made twice.
@Suite struct SyncFaultTests {
    /// Two machines on one bare repository, each with a change of its own the other has not seen.
    func twoMachines(diverged: Bool) throws -> (laptop: StoreHarness, desktop: StoreHarness) {
        let laptop = try StoreHarness(name: "laptop")
        let remote = laptop.sandbox.path("hub.git")
        try laptop.sandbox.git("init", "-q", "--bare", "-b", "main", remote, in: laptop.sandbox.root.path)
        try ManageRemotes(laptop.journal).add("origin", url: remote)
        _ = try AddTask(laptop.journal).run("Before the split", tags: [], to: StoreHarness.day("2025-01-15"))
        _ = try Sync(laptop.journal).run(remote: "origin", dryRun: false, timeout: 30)
        try laptop.sandbox.git("clone", "-q", remote, laptop.sandbox.path("desktop"), in: laptop.sandbox.root.path)
        let desktop = try StoreHarness(opening: "desktop", in: laptop.sandbox)
        _ = try AddTask(desktop.journal).run("From the desktop", tags: [], to: StoreHarness.day("2025-01-15"))
        _ = try Sync(desktop.journal).run(remote: "origin", dryRun: false, timeout: 30)
        if diverged { _ = try AddTask(laptop.journal).run("From the laptop", tags: [], to: StoreHarness.day("2025-01-15")) }
        return (laptop, desktop)
    }

    /// A sync made to fail at `step` changes nothing here; the faults are then taken away.
    func syncFailsChangingNothing(_ laptop: StoreHarness, at step: StoreStep) throws {
        let head = try laptop.head
        let day = laptop.file("2025-01-15")
        laptop.journal.faults.failing[step] = InjectedFault()
        #expect(throws: InjectedFault.self) { try Sync(laptop.journal).run(remote: "origin", dryRun: false, timeout: 30) }
        #expect(try laptop.head == head)
        #expect(laptop.file("2025-01-15") == day)
        #expect(try laptop.status == "")
        laptop.journal.faults = FaultInjection()
    }

    @Test(arguments: [StoreStep.fetch, .fastForwardFile, .swapBranch])
    func aFastForwardThatFailsChangesNothing(step: StoreStep) throws {
        let (laptop, desktop) = try twoMachines(diverged: false)
        try syncFailsChangingNothing(laptop, at: step)
        let report = try Sync(laptop.journal).run(remote: "origin", dryRun: false, timeout: 30)
        #expect(report.outcomes == [.fastForward])
        #expect(try laptop.head == (try desktop.head))
        #expect(try laptop.status == "")
    }

    @Test(arguments: [StoreStep.writeObjects, .replaceFile, .swapBranch])
    func aMergeThatFailsBeforeTheBranchMovesChangesNothing(step: StoreStep) throws {
        let (laptop, _) = try twoMachines(diverged: true)
        try syncFailsChangingNothing(laptop, at: step)
        #expect(try Sync(laptop.journal).run(remote: "origin", dryRun: false, timeout: 30).outcomes == [.merged, .pushed])
        let merged = try laptop.committed("2025-01-15")
        #expect(["Before the split", "From the desktop", "From the laptop"].allSatisfy { merged.components(separatedBy: $0).count == 2 })
    }

    /// The merge is made, the push fails: the next sync pushes that merge and makes no other.
    @Test func aPushThatFailsAfterTheMergeIsPushedByTheNextSyncOnce() throws {
        let (laptop, _) = try twoMachines(diverged: true)
        laptop.journal.faults.failing[.push] = InjectedFault()
        #expect(throws: InjectedFault.self) { try Sync(laptop.journal).run(remote: "origin", dryRun: false, timeout: 30) }
        let merge = try laptop.head
        #expect(try laptop.git("rev-list", "--count", "--merges", "HEAD") == "1")

        laptop.journal.faults = FaultInjection()
        #expect(try Sync(laptop.journal).run(remote: "origin", dryRun: false, timeout: 30).outcomes == [.pushed])
        #expect(try laptop.head == merge)
        #expect(try laptop.git("rev-parse", "origin/main") == merge)
        #expect(try laptop.status == "")
    }

    @Test func anIndexThatCannotBeWrittenAfterAFastForwardIsAWarning() throws {
        let (laptop, desktop) = try twoMachines(diverged: false)
        laptop.journal.faults.failing[.writeIndex] = InjectedFault()
        #expect(try Sync(laptop.journal).run(remote: "origin", dryRun: false, timeout: 30).outcomes == [.fastForward])
        #expect(try laptop.head == (try desktop.head))
        #expect(laptop.warnings.count == 1)
        #expect(laptop.warnings.first?.hasPrefix("committed, but Git's index was not updated") == true)
        laptop.journal.faults = FaultInjection()
        _ = try AddTask(laptop.journal).run("After", tags: [], to: StoreHarness.day("2025-01-15"))
        #expect(try laptop.status == "")
    }
}
