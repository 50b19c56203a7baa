import Git
import JournalModel

/// Every way a journal command can fail. The line a user reads for each is the CLI's
/// (`ErrorMessages.swift`), which also names the flags that help.
public enum JournalError: Error, Equatable {
    case notAJournal(String)
    case noJournal(String)
    case alreadyExists(String)
    case directoryNotEmpty(String)
    case noSuchDay(Day)
    case nothingBefore(Day)
    case emptyPeriod(Day, Day)
    case invalidSince(String)
    case noSuchTask(String, Day?)
    case ambiguousTask(String, [TaskCandidate], total: Int)
    case ambiguousReference(String, asNumber: String, asID: String)
    case taskNumberOutOfRange(Int, Day, count: Int)
    case invalidTaskText(String)
    case invalidTag(String)
    case unsafePath(String, String)
    case missingIdentity(String)
    case invalidGitDate(String, String)
    case editorFailed(String, Int32)
    case busy(String)
    case noRemote(String)
    case noSuchRemote(String, existing: [String])
    case noRepositoryAt(String)
    case changedMeanwhile(String)
    case remoteExists(String)
    case remoteRewritten(String, branch: String, directory: String)
    /// The remote (first) has no branch of that name (second) to clone.
    case noSuchBranch(String, String)
    case refusedOutgoing(String, String)
    case syncTimedOut(String, step: String, seconds: Double)
    case staleRemoteLock(String, path: String, ageSeconds: Int64)
    case pushRefused(String, String, String)
    case refusedIncoming(String, String)
    case remoteKeptMoving(String, Int)
    case hookRefused(String, Int32, Refusal)
    case hookStopped(String, Double, Refusal)
    case hooksAmongJournalFiles(String, String)
    case emptyCommitMessage(Refusal)
    case noHookSet([String])
    case noSuchHook(String, [String])
    case hookExists(String)
    case invalidSetting(String, String, String, origin: String?)
    case settingBelongsToUser(String)
    case importRefused(String, String)
    case noDateFound(String)
    case nothingToUndo
    case undoConflict(String, String)
    case undoFoundNothing(String)
    case syncUndoNotConfirmed(String, String)
    case damagedByCrash(Int32, [String])
    case gitOperationUnfinished(String, marker: String, abort: String)
    case gitAtWork(String)
    case storage(String)
    /// `journal init` cannot make a journal of the folder (first) as it is: why, in words.
    case cannotAdopt(String, String)
    /// The day template cannot be used: its first problem, `templates/day.md:LINE: …`.
    case invalidTemplate(String)
    /// A recurrence rule given on the command line that journal cannot read.
    case invalidRecurrence(String)
    case noSuchRule(String)
    /// A task command that names something it cannot do to that task (a subtask under a task of
    /// another day, moving a finished task): the sentence says what and why.
    case refusedRequest(String)
}

/// One of several tasks that words matched: what tells it from the others.
public struct TaskCandidate: Equatable, Sendable {
    public let id: String
    public let text: String
    public let day: String
    public let state: String

    package init(id: String, text: String, day: String, state: String) {
        self.id = id
        self.text = text
        self.day = day
        self.state = state
    }
}

extension Error {
    /// The repository is damaged: 'journal doctor' is the next step.
    public var indicatesDamage: Bool { (self as? GitError)?.indicatesDamage ?? false }

    /// A hook said no: what the command was about to do must not happen.
    package var isHookRefusal: Bool {
        switch self as? JournalError {
        case .hookRefused, .hookStopped, .emptyCommitMessage: return true
        default: return false
        }
    }
}
