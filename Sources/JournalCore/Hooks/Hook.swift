import JournalModel
/// The hooks journal runs: Git's own, at the moments Git runs them, and journal's events.
public enum Hook: String, CaseIterable, Sendable {
    case preCommit = "pre-commit"
    case commitMsg = "commit-msg"
    case postCommit = "post-commit"
    case prePush = "pre-push"
    case postMerge = "post-merge"
    case postNew = "post-new"
    case postSync = "post-sync"
}

/// What a refused commit or push means, for the one line a user reads.
enum Refusal {
    static let push = "nothing was pushed; your commits are safe locally. Skip the hook with --no-verify"
    static let merge = "nothing was merged or pushed; the journal is as it was before the sync"
    static let handEdits = "the hand edits waiting in the working tree were not committed, so the command did nothing. Fix them ('journal edit' still opens the day) and run it again, or skip the hook with --no-verify"
    static let change = "nothing was committed; the change stays in the working tree and the next journal command that writes commits it as a hand edit (so do not repeat this one). Fix what the hook reports, or skip the hook with --no-verify"
}
