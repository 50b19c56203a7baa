import Git
import JournalModel
import JournalStore

public struct Sync {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    static let syncAttempts = 3

    /// Commits hand edits, fetches `remote`'s main, fast-forwards or merges it task by task, and
    /// pushes. If the remote moves between fetch and push, all of it again, a bounded number of
    /// times. History rewritten on the remote is never merged: sync stops and changes nothing.
    /// Only the merge holds the journal's write lock: a command typed while sync waits on the
    /// network goes ahead, and the remote's own ref check decides a race (fetch, merge, push again).
    /// Each network step (a fetch, a push) stops after `timeout` seconds with nothing changed.
    /// Without `pushes`, only what the remote has comes in (what `journal new` does first).
    public func run(remote: String, dryRun: Bool, timeout: Double, pushes: Bool = true,
                    progress: ((RemoteProgress) -> Void)? = nil) throws -> SyncReport {
        guard let url = try store.repository.remoteURL(remote) else { throw JournalError.noRemote(remote) }
        try ManageRemotes.checkLocalRemote(url)
        let http = HTTPCredentials(environment: store.environment)
        let handlers = try store.transferHandlers(url: url, http: http, progress: progress)
        let report: SyncReport
        do {
            if !dryRun { try store.exclusively { try store.commitHandEdits() } }
            let network = Network(remote: remote, url: url, handlers: handlers, timeout: timeout)
            report = try store.whileOnTheNetwork { try exchange(over: network, dryRun: dryRun, pushes: pushes) }
        } catch {
            http.rejectIfRefused(error)
            throw error
        }
        http.approve()
        return report
    }

    /// The remote and how it is reached, each step within the time limit.
    private struct Network {
        let remote: String
        let url: String
        let handlers: TransferHandlers
        let timeout: Double

        func limited<T>(_ step: String, _ body: () throws -> T) throws -> T {
            do {
                return try NetworkDeadline.run(limit: timeout, body)
            } catch is NetworkDeadline.Passed {
                throw JournalError.syncTimedOut(remote, step: step, seconds: timeout)
            }
        }
    }

    private func exchange(over network: Network, dryRun: Bool, pushes: Bool) throws -> SyncReport {
        let remote = network.remote
        let fetch = { try network.limited("fetching") { try store.fetchMain(of: remote, handlers: network.handlers) } }
        var report = SyncReport(remote: remote)
        var before: ObjectID?
        for _ in 1...Sync.syncAttempts {
            report = SyncReport(remote: remote, outcomes: report.outcomes)
            let theirs = try fetch()
            if dryRun { return try preview(theirs, report: report) }
            let now = try store.exclusively { try integrate(theirs, from: remote, before: &before, report: &report) }
            guard let now, now != theirs, pushes else {
                if report.outcomes.isEmpty { report.outcomes.append(.upToDate) }
                if let theirs { try store.exclusively { try store.markSynced(remote, at: theirs) } }
                return report
            }
            guard let (reference, reason) = try push(now, over: theirs, over: network) else {
                report.outcomes.append(.pushed)
                try store.exclusively { try store.markSynced(remote, at: now) }
                return report
            }
            // Another machine pushed first (whatever words the server chose): its main moved
            // since the fetch, so merge again. If it did not move, the refusal is the server's.
            if try fetch() == theirs {
                try store.refuseIfStaleLock(in: remote, at: network.url)
                throw JournalError.pushRefused(remote, reference, reason)
            }
        }
        throw JournalError.remoteKeptMoving(remote, Sync.syncAttempts)
    }

    /// With `--dry-run`: what would come in and go out, task by task.
    private func preview(_ theirs: ObjectID?, report: SyncReport) throws -> SyncReport {
        var report = report
        let head = try store.repository.headCommit()?.id
        report.incoming = try subjects(from: theirs, notIn: head)
        report.outgoing = try subjects(from: head, notIn: theirs)
        let base = try theirs.flatMap { theirs in try head.flatMap { try store.repository.mergeBase($0, theirs) } }
        report.incomingDays = try dayChanges(from: base, to: theirs)
        report.outgoingDays = try dayChanges(from: base, to: head)
        return report
    }

    /// Under the write lock: brings what was fetched into main (fast-forward or merge) and returns
    /// the commit main then names.
    private func integrate(_ theirs: ObjectID?, from remote: String, before: inout ObjectID?, report: inout SyncReport) throws -> ObjectID? {
        guard let head = try store.repository.headCommit() else { throw JournalError.storage("the journal has no commit yet") }
        report.incoming = try subjects(from: theirs, notIn: head.id)
        report.outgoing = try subjects(from: head.id, notIn: theirs)
        report.remoteMainWasGone = try theirs == nil && store.hasSynced(remote)
        guard let theirs, theirs != head.id, try !store.repository.isDescendant(head.id, of: theirs) else { return head.id }
        let incoming = try store.repository.commit(theirs)
        do {
            try IncomingCheck.refuseUnsafe(store.repository, marker: store.marker, from: try head.tree(), to: try incoming.tree())
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
        return try store.repository.referenceTarget("HEAD")
    }

    /// Pushes `now` (main when the merge ended; a command may have moved main since) over the
    /// remote's `theirs`, after the same checks the other machines will make and the pre-push
    /// hook; the server's refusal, if it refused.
    private func push(_ now: ObjectID, over theirs: ObjectID?, over network: Network) throws -> (String, String)? {
        let (remote, url) = (network.remote, network.url)
        try IncomingCheck.refuseToSend(store.repository, marker: store.marker, from: try theirs.map { try store.repository.commit($0).tree() },
                                       to: try store.repository.commit(now).tree())
        let remoteTip = theirs?.hex ?? String(repeating: "0", count: 40)
        let branch = "refs/heads/" + (try store.branch())
        let update = "\(branch) \(now.hex) \(branch) \(remoteTip)\n"
        try store.runRefusableHook(.prePush, arguments: [remote, url], input: update, consequence: .push)
        do {
            try store.faults.check(.push)
            let outgoing = try store.markOutgoing(now)
            return try network.limited("pushing") {
                try store.repository.push(remote, refspecs: ["\(outgoing):\(branch)"], handlers: network.handlers).first
            }
        } catch let error as GitError where error.code == .nonFastForward {
            return (branch, error.message)
        } catch {
            try store.refuseIfStaleLock(in: remote, at: url)
            throw error
        }
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
            guard let day = store.layout.day(at: path) else { return nil }
            func file(_ tree: Tree?) throws -> DayFile {
                try DayTree(tree: tree, repository: store.repository, marker: store.marker).file(for: day) ?? DayFile(bytes: [], words: store.marker.taskWords)
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
}
