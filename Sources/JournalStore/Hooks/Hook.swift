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

/// What a hook's refusal stopped, which tells the user what became of their change.
public enum Refusal: Sendable {
    case push
    case merge
    /// The hand edits waiting in the working tree, before a command's own change.
    case handEdits
    case change
}
