/// The hooks journal runs: Git's own, at the moments Git runs them, and journal's events.
public enum Hook: String, CaseIterable, Sendable {
    case preCommit = "pre-commit"
    case commitMsg = "commit-msg"
    case postCommit = "post-commit"
    case prePush = "pre-push"
    case postMerge = "post-merge"
    case postNew = "post-new"
    case postSync = "post-sync"

    /// The hooks `--no-verify` skips, as `git commit --no-verify` and `git push --no-verify` do.
    var verifies: Bool { self == .preCommit || self == .commitMsg || self == .prePush }

    /// What refusing means, for the one line a user reads.
    var refusalConsequence: String {
        switch self {
        case .prePush:
            return "nothing was pushed; your commits are safe locally. Skip the hook with --no-verify"
        default:
            return "nothing was committed; the change is in the working tree. Fix what the hook reports and run the command again, or skip the hook with --no-verify"
        }
    }
}
