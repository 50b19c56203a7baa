/// The journal commands that write, as a commit's `Journal-Command` trailer, the lock's record
/// and a hook's JOURNAL_COMMAND name them. These are written into repositories: add a case, never
/// rename one.
public enum CommandName: String, Sendable {
    case initialize = "init"
    case new
    /// `journal new --no-carry`: a later `new` must not take it for the last carry.
    case newWithoutCarry = "new --no-carry"
    case add
    case start
    case done
    case cancel
    case reopen
    case edit
    /// Files edited by hand, committed by the next journal command that writes.
    case handEdit = "hand-edit"
    /// A commit whose command said nothing else.
    case change
    case `import`
    case sync
    case undo
    /// `journal recur add/remove` and `journal edit --template`: the day template changed.
    case recur
    /// `journal move`: tasks deferred to another day, `[>]` where they were.
    case move
    /// `journal rm`: tasks deleted on purpose.
    case remove = "rm"
    /// `journal edit-task`: a task's words or fields changed from the command line.
    case editTask = "edit-task"

    /// The command that puts a task in `state`.
    public init(settingStateTo state: TaskState) {
        switch state {
        case .inProgress: self = .start
        case .done: self = .done
        case .cancelled: self = .cancel
        case .open, .carried: self = .reopen
        }
    }
}

/// The trailers journal writes under a commit message, read back by later commands.
public enum TrailerKey: String, Sendable {
    case command = "Journal-Command"
    case day = "Journal-Day"
    case task = "Journal-Task"
    /// On an undo: the commit it undoes.
    case undoes = "Journal-Undoes"
    /// On an undo: the commit whose state it brings back (the undone commit's parent; for a sync,
    /// main before it), where undo looks next.
    case restores = "Journal-Restores"
}
