/// The steps of writing a commit and of syncing, named so that tests can make the store fail at
/// each one in process: a real failure there needs a full disk, a held lock or a dying server at
/// just the right moment.
package enum StoreStep: String, CaseIterable, Sendable {
    /// Commit: blobs, trees and the commit object; each working-tree file replaced; the branch
    /// swap; Git's index; the list of used ids.
    case writeObjects, replaceFile, swapBranch, writeIndex, saveIDs
    /// Sync: the fetch; the files of a fast-forward; the push.
    case fetch, fastForwardFile, push
}

/// Which steps fail, and what runs just before the branch swap (a test moves the branch there,
/// as a `git commit` racing the command would). Empty outside tests.
package struct FaultInjection {
    package var failing: [StoreStep: any Error] = [:]
    package var beforeSwap: (() throws -> Void)?

    package func check(_ step: StoreStep) throws {
        if let error = failing[step] { throw error }
    }
}
