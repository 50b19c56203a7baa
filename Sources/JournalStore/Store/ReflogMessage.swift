/// What journal writes in the reflog when it moves a reference, and the one thing it reads back:
/// whether main was last moved by a sync (for `journal undo`).
package enum ReflogMessage {
    package static let syncFastForward = "journal: sync fast-forward"
    package static let beforeSync = "journal: before sync"
    package static let synced = "journal: synced"
    package static let refusedFetch = "journal: refused what was fetched"
    package static let outgoing = "journal: about to push"

    /// A commit: its subject. A sync's merge commit has a subject that starts with "sync".
    package static func commit(_ subject: String) -> String { "journal: " + subject }

    /// Main moved by a sync: its fast-forward, or its merge commit.
    package static func isSync(_ message: String) -> Bool { message.hasPrefix("journal: sync") }
}
