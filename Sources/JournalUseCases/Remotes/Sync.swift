import Git
import JournalModel
import JournalStore

/// What `journal sync` did, or with `--dry-run` would do.
public struct SyncReport: Equatable {
    public enum Outcome: String { case upToDate = "up to date", fastForward = "fast-forward", merged, pushed }

    public let remote: String
    /// Subjects of the commits that came in, newest first.
    public var incoming: [String] = []
    /// Subjects of the commits that went out (or would), newest first.
    public var outgoing: [String] = []
    /// With `--dry-run`: what the incoming and outgoing commits change in each day, task by task.
    public var incomingDays: [DayComparison] = []
    public var outgoingDays: [DayComparison] = []
    public var outcomes: [Outcome] = []
    /// The remote had no main although an earlier sync saw one (deleted there): ours was pushed.
    public var remoteMainWasGone = false
    /// Days merged task by task.
    public var mergedDays: [String] = []
    /// Files Git could not merge, kept in both versions: ours at its path, theirs beside it.
    public var keptBoth: [String] = []
    /// Copies of tasks withdrawn from later days, because the other machine finished the task.
    public var withdrawn: [TaskPlacement.Move] = []
    /// Copies made arrows to the day their task stands on, because the two machines carried it apart.
    public var redirected: [TaskPlacement.Move] = []
}

public struct Sync {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    static let syncAttempts = 3

    /// Commits hand edits, fetches `remote`'s main, fast-forwards or merges it task by task, and
    /// pushes. If the remote moves between fetch and push, all of it again, a bounded number of
    /// times. History rewritten on the remote is never merged: sync stops and changes nothing.
    public func run(remote: String, dryRun: Bool, progress: ((RemoteProgress) -> Void)? = nil) throws -> SyncReport {
        guard let url = try store.repository.remoteURL(remote) else { throw JournalError.noRemote(remote) }
        try ManageRemotes.checkLocalRemote(url)
        let http = HTTPCredentials(environment: store.environment)
        let handlers = try store.transferHandlers(url: url, http: http, progress: progress)
        let report: SyncReport
        do {
            report = try store.exclusively { () throws -> SyncReport in
                if !dryRun { try store.commitHandEdits() }
                var report = SyncReport(remote: remote)
                var before: ObjectID?
                for _ in 1...Sync.syncAttempts {
                    report.mergedDays = []
                    report.keptBoth = []
                    report.withdrawn = []
                    report.redirected = []
                    let theirs = try store.fetchMain(of: remote, handlers: handlers)
                    guard let head = try store.repository.headCommit() else { throw JournalError.storage("the journal has no commit yet") }
                    report.incoming = try subjects(from: theirs, notIn: head.id)
                    report.outgoing = try subjects(from: head.id, notIn: theirs)
                    if dryRun {
                        let base = try theirs.flatMap { try store.repository.mergeBase(head.id, $0) }
                        report.incomingDays = try dayChanges(from: base, to: theirs)
                        report.outgoingDays = try dayChanges(from: base, to: head.id)
                        return report
                    }
                    report.remoteMainWasGone = try theirs == nil && store.hasSynced(remote)
                    if let theirs, theirs != head.id, try !store.repository.isDescendant(head.id, of: theirs) {
                        let incoming = try store.repository.commit(theirs)
                        do {
                            try IncomingCheck.refuseUnsafe(store.repository, from: try head.tree(), to: try incoming.tree())
                        } catch {
                            try store.forgetFetched(remote)
                            throw error
                        }
                        // Going back (`journal undo`) must reach the state before this sync, not a retry's merge.
                        before = before ?? head.id
                        try store.repository.setReference(Journal.preSyncReference, to: before!, logMessage: ReflogMessage.beforeSync)
                        if try store.repository.isDescendant(theirs, of: head.id) {
                            try store.fastForward(from: head, to: incoming)
                            report.outcomes.append(.fastForward)
                        } else {
                            try merge(incoming, into: head, from: remote, report: &report)
                            report.outcomes.append(.merged)
                        }
                        store.announceLater(.postMerge, arguments: ["0"])
                    }
                    guard let now = try store.repository.referenceTarget("HEAD"), now != theirs else {
                        if report.outcomes.isEmpty { report.outcomes.append(.upToDate) }
                        if let theirs { try store.markSynced(remote, at: theirs) }
                        return report
                    }
                    try IncomingCheck.refuseToSend(store.repository, from: try theirs.map { try store.repository.commit($0).tree() },
                                                   to: try store.repository.commit(now).tree())
                    let remoteTip = theirs?.hex ?? String(repeating: "0", count: 40)
                    let update = "refs/heads/main \(now.hex) refs/heads/main \(remoteTip)\n"
                    try store.runRefusableHook(.prePush, arguments: [remote, url], input: update, consequence: .push)
                    let refusal: (String, String)?
                    do {
                        try store.faults.check(.push)
                        refusal = try store.repository.push(remote, refspecs: ["refs/heads/main:refs/heads/main"], handlers: handlers).first
                    } catch let error as GitError where error.code == .nonFastForward {
                        refusal = ("refs/heads/main", error.message)
                    } catch {
                        if let lock = store.staleLock(inRemoteAt: url) { throw JournalError.staleRemoteLock(remote, path: lock.path, ageSeconds: lock.ageSeconds) }
                        throw error
                    }
                    guard let (reference, reason) = refusal else {
                        report.outcomes.append(.pushed)
                        try store.markSynced(remote, at: now)
                        return report
                    }
                    // Another machine pushed first (whatever words the server chose): its main moved
                    // since the fetch, so merge again. If it did not move, the refusal is the server's.
                    if try store.fetchMain(of: remote, handlers: handlers) == theirs {
                        if let lock = store.staleLock(inRemoteAt: url) { throw JournalError.staleRemoteLock(remote, path: lock.path, ageSeconds: lock.ageSeconds) }
                        throw JournalError.pushRefused(remote, reference, reason)
                    }
                }
                throw JournalError.remoteKeptMoving(remote, Sync.syncAttempts)
            }
        } catch {
            http.rejectIfRefused(error)
            throw error
        }
        http.approve()
        return report
    }

    /// After `journal sync` has reported: the post-sync hook, given the remote's name.
    public func announce(with remote: String) {
        store.announceLater(.postSync, arguments: [remote])
        store.announcePending()
    }

    /// Each day that differs between two commits, compared task by task.
    private func dayChanges(from base: ObjectID?, to target: ObjectID?) throws -> [DayComparison] {
        guard let target, base != target else { return [] }
        let baseTree = try base.map { try store.repository.commit($0).tree() }
        let targetTree = try store.repository.commit(target).tree()
        return try store.repository.changedPaths(from: baseTree, to: targetTree).compactMap { path in
            guard let day = DayPath.day(at: path) else { return nil }
            func file(_ tree: Tree?) throws -> DayFile {
                try DayTree(tree: tree, repository: store.repository).file(for: day) ?? DayFile(bytes: [])
            }
            return DayComparison(from: "\(day.iso) before", to: day.iso, before: try file(baseTree), after: try file(targetTree), toDay: day) { _ in nil }
        }
    }

    /// First-parent subjects from `start` back to a commit `other` has, newest first.
    private func subjects(from start: ObjectID?, notIn other: ObjectID?) throws -> [String] {
        guard let start else { return [] }
        var result: [String] = []
        try store.repository.walkFirstParents(from: start) { commit in
            if let other, try commit.id == other || store.repository.isDescendant(other, of: commit.id) { return false }
            result.append(CommitMessage.Parsed(commit.message).subject)
            return true
        }
        return result
    }

    /// A merge commit of HEAD and `incoming`. Day files are merged by journal alone
    /// (`JournalMerge`: by task within a day, then across days, one place per task), whatever
    /// `.gitattributes` says; other files by libgit2 (`git_merge_commits`), and where Git's line
    /// merge conflicts both versions are kept.
    private func merge(_ incoming: Commit, into head: Commit, from remote: String, report: inout SyncReport) throws {
        var keptBoth: [String] = []
        let mergedTree = try store.repository.mergeCommits(head, incoming) { sides in
            if DayPath.day(at: sides.path) != nil { return [:] }
            guard let ours = sides.ours, let theirs = sides.theirs else {
                // Deleted on one side, changed on the other: the changed version stays.
                return (sides.ours ?? sides.theirs).map { [sides.path: $0] } ?? [:]
            }
            keptBoth.append(sides.path)
            return [sides.path: ours, "\(sides.path).conflict-\(incoming.id.short)": theirs]
        }
        report.keptBoth = keptBoth.sorted()

        var draft = try Draft(repository: store.repository, state: store.state)
        draft.otherParents = [incoming]
        draft.givesCopiesFreshIDs = false
        let merged = try store.repository.tree(mergedTree)
        for path in try store.repository.changedPaths(from: try head.tree(), to: merged) where DayPath.day(at: path) == nil {
            draft.writeFile(try merged.entry(atPath: path).map { try store.repository.blobContent($0.id) }, at: path)
        }
        let days = try mergeDays(head: head, incoming: incoming)
        for (day, file) in days.days {
            guard file != (try draft.committed.file(for: day)) else { continue }
            if let file { draft.write(file, for: day) } else { draft.writeFile(nil, at: DayPath.path(for: day)) }
        }
        report.mergedDays = days.mergedByTask.map(\.iso)
        report.withdrawn = days.placement.withdrawn
        report.redirected = days.placement.redirected

        let subject = report.mergedDays.isEmpty ? "" : ": \(counted(report.mergedDays.count, "day")) merged by task"
        let body = report.mergedDays.map { "merged \($0) task by task" } + report.keptBoth.map { "kept both versions of \($0)" }
            + report.withdrawn.map { "withdrew ^\($0.id.value) from \($0.day.iso): finished on \($0.standsOn.iso)" }
            + report.redirected.map { "^\($0.id.value) on \($0.day.iso) now points to \($0.standsOn.iso), where it stands" }
        draft.message = CommitMessage(command: .sync, subject: "sync: merge \(remote)/main\(subject)", body: body)
        try store.commit(&draft)
    }

    /// The days either side changed since the merge base, merged.
    private func mergeDays(head: Commit, incoming: Commit) throws -> JournalMerge.Result {
        let repository = store.repository
        let baseTree = try repository.mergeBase(head.id, incoming.id).map { try repository.commit($0).tree() }
        let ourTree = try head.tree()
        let theirTree = try incoming.tree()
        let changed = Set(try (repository.changedPaths(from: baseTree, to: ourTree) + repository.changedPaths(from: baseTree, to: theirTree))
            .compactMap(DayPath.day(at:)))
        func days(_ tree: Tree?) throws -> TaskPlacement.Days {
            let files = DayTree(tree: tree, repository: repository)
            var result: TaskPlacement.Days = [:]
            for day in changed { result[day] = try files.file(for: day) }
            return result
        }
        return JournalMerge.merge(base: try days(baseTree), ours: try days(ourTree), theirs: try days(theirTree))
    }
}
