import JournalModel
import JournalStore

// The line a user reads for each failure, and the flags that help: the CLI's, so that the store
// and the use cases name no flag.
extension JournalError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notAJournal(let path):
            return "\(path) is not a journal (no .journal file at its top); 'journal init --dir \(Shell.quoted(path))' makes it one, keeping its files"
        case .noJournal(let path):
            return "no journal at \(path); run 'journal init' to create it, or pass --dir / set JOURNAL_DIR"
        case .alreadyExists(let path):
            return "\(path) is already a journal"
        case .directoryNotEmpty(let path):
            return "\(path) exists and is not empty; give a new or empty directory"
        case .noSuchDay(let day):
            return "there is no day \(day.iso) in the journal ('journal new \(day.iso)' starts it)"
        case .nothingBefore(let day):
            return "there is no day before \(day.iso) to compare it with"
        case .emptyPeriod(let start, let end):
            return "the period starts (\(start.iso)) after it ends (\(end.iso)); swap --since and --until"
        case .invalidSince(let text):
            return "invalid --since '\(text)' (give HH:MM today, 'YYYY-MM-DD HH:MM', or a commit)"
        case .noSuchTask(let reference, let day):
            return day.map { "no task '\(reference)' in \($0.iso)" } ?? "no task '\(reference)' in the journal"
        case .ambiguousTask(let words, _, let total):
            return "'\(words)' matches \(total) tasks; give one's id"
        case .ambiguousReference(let text, let asNumber, let asID):
            return "'\(text)' names two tasks: number \(text) in the list, \(asNumber), and the id of \(asID); give the id of the one you mean"
        case .taskNumberOutOfRange(let number, let day, let count):
            return "no task number \(number) in \(day.iso) (it has \(counted(count, "task")))"
        case .invalidTaskText(let reason):
            return "invalid task text: \(reason)"
        case .refusedRequest(let reason):
            return reason
        case .invalidTag(let tag):
            return "invalid tag '\(tag)': a tag starts with a letter, then letters, digits, '-', '_' or '/', with no spaces"
        case .unsafePath(let path, let reason):
            return "\(path): \(reason)"
        case .missingIdentity(let what):
            return "no Git identity: \(what) is not set; run: git config --global user.name \"Your Name\" && git config --global user.email you@example.org"
        case .invalidGitDate(let variable, let value):
            return "invalid \(variable) '\(value)' (use '@SECONDS +ZZZZ', 'YYYY-MM-DDTHH:MM:SS[+ZZ:ZZ]' or an RFC 2822 date)"
        case .editorFailed(let editor, let status):
            return "editor '\(editor)' exited with status \(status); the file is left as it is and will be committed by the next journal command"
        case .changedMeanwhile(let path):
            return "\(path) changed on disk while journal was working on it; nothing was committed. Run the command again"
        case .noRepositoryAt(let url):
            return "no Git repository at \(url)"
        case .noSuchRemote(let name, let existing):
            let listed = existing.isEmpty ? "the journal has no remote" : "its remotes: " + existing.joined(separator: ", ")
            return "there is no remote '\(name)' (\(listed))"
        case .noRemote(let name):
            return "no remote '\(name)'; add one with: journal remote add \(name) URL"
        case .remoteExists(let name):
            return "a remote '\(name)' exists already (journal remote remove \(name) first)"
        case .remoteRewritten(let name, let branch, let directory):
            return "the history on '\(name)' was rewritten (force-pushed) since the last sync; nothing was merged or pushed. Inspect it with: git -C \(Shell.quoted(directory)) log \(name)/\(branch)"
        case .syncTimedOut(let name, let step, let seconds):
            let limit = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            let outcome = step == "pushing" ? "the local journal is unchanged; the next sync finds out whether the push arrived"
                : "nothing was changed"
            return "'\(name)' did not answer within \(limit) seconds while \(step); \(outcome) (journal.syncTimeout sets the limit)"
        case .refusedOutgoing(let path, let reason):
            return "will not send \(path): it \(reason), and every other machine would refuse it; remove it from the journal (git rm --cached \(Shell.quoted(path)), then commit) and sync again"
        case .staleRemoteLock(let name, let path, let age):
            return "'\(name)' is locked by \(path), left \(Elapsed.words(seconds: age)) ago by a push that did not finish; if no sync is running on another machine, remove it with: rm \(Shell.quoted(path))"
        case .pushRefused(let remote, let reference, let reason):
            return "'\(remote)' refused to update \(reference): \(reason); your commits are safe locally"
        case .refusedIncoming(let path, let reason):
            return "refused what the remote sent: \(path) \(reason); the local journal is untouched"
        case .remoteKeptMoving(let name, let attempts):
            return "'\(name)' kept moving while syncing (\(attempts) attempts); run journal sync again"
        case .busy(let path):
            return "another journal command holds \(path) and did not finish in time"
        case .hookRefused(let hook, let status, let refusal):
            return "the \(hook) hook refused (exit \(status)): \(refusal.consequence)"
        case .hookStopped(let hook, let seconds, let refusal):
            return "the \(hook) hook did not finish within \(Journal.seconds(seconds)) and was stopped (\(HookSettings.timeLimitKey) sets the limit): \(refusal.consequence)"
        case .hooksAmongJournalFiles(let path, let journal):
            return "core.hooksPath '\(path)' is among the journal's files, where sync and clone write: journal runs no hook from there. Keep hooks outside them (the default is .git/hooks); see where it is set with: git -C \(journal) config --show-origin core.hooksPath"
        case .emptyCommitMessage(let refusal):
            return "the commit-msg hook left the commit message empty: \(refusal.consequence)"
        case .noHookSet(let looked):
            return "journal's ready hooks were not found (looked in \(looked.isEmpty ? "no folder" : looked.joined(separator: ", "))); pass --from DIR, the hooks/ folder of journal's source"
        case .noSuchHook(let name, let offered):
            return "no ready hook '\(name)' (there are: \(offered.joined(separator: ", ")))"
        case .hookExists(let path):
            return "\(path) exists and differs from the ready hook; nothing was changed (--force replaces it)"
        case .invalidSetting(let key, let value, let expected, let origin):
            return "invalid \(key) '\(value)'\(origin.map { " (from \($0))" } ?? ""): give \(expected)"
        case .settingBelongsToUser(let key):
            return "\(key) says where the journal is, so it is kept in your own Git configuration: use --global"
        case .importRefused(let file, let reason):
            return "\(file): \(reason); nothing was imported"
        case .noDateFound(let file):
            return "\(file): no date found; give --date (nothing was imported)"
        case .nothingToUndo:
            return "nothing to undo: no change made by a journal command since the journal began"
        case .undoConflict(let path, let subject):
            return "cannot undo '\(subject)': \(path) changed since in a way that conflicts with it; nothing was changed"
        case .undoFoundNothing(let subject):
            return "cannot undo '\(subject)': what it changed is no longer in the journal (changed back by hand?); nothing was changed"
        case .syncUndoNotConfirmed(let sync, let preSync):
            return "the last change is a sync (\(sync)); undo would go back to \(Journal.preSyncReference) (\(preSync)) as a new commit: pass --yes to do so"
        case .damagedByCrash(let pid, let objects):
            return "an interrupted journal command (pid \(pid)) left damaged objects: \(objects.joined(separator: "; ")); nothing was changed. 'journal doctor' tells how to recover"
        case .gitOperationUnfinished(let operation, let marker, let abort):
            return "git is in the middle of \(operation) (\(marker)): finish it, or abort it with '\(abort)'; "
                + "until then journal does not commit the working tree, and nothing was changed"
        case .gitAtWork(let what):
            return "\(what) and did not finish in time; journal did not take the working tree for your edit, "
                + "and nothing was changed. Run the command again when git has finished"
        case .invalidTemplate(let problem):
            return "\(problem) (fix it with 'journal edit --template')"
        case .invalidRecurrence(let reason):
            return "invalid --every: \(reason)"
        case .noSuchRule(let reference):
            return "no recurring task '\(reference)' in the day template ('journal recur list' shows them)"
        case .noSuchBranch(let url, let branch):
            return "\(url) has no branch '\(branch)'; a journal kept on another branch is cloned with --branch NAME"
        case .cannotAdopt(let path, let reason):
            return "cannot make a journal of \(path): \(reason); nothing was changed"
        case .storage(let message):
            return message
        }
    }
}

extension Refusal {
    /// What became of the change, and how to get past the hook.
    var consequence: String {
        switch self {
        case .push:
            return "nothing was pushed; your commits are safe locally. Skip the hook with --no-verify"
        case .merge:
            return "nothing was merged or pushed; the journal is as it was before the sync"
        case .handEdits:
            return "the hand edits waiting in the working tree were not committed, so the command did nothing. Fix them ('journal edit' still opens the day) and run it again, or skip the hook with --no-verify"
        case .change:
            return "nothing was committed; the change stays in the working tree and the next journal command that writes commits it as a hand edit (so do not repeat this one). Fix what the hook reports, or skip the hook with --no-verify"
        }
    }
}
