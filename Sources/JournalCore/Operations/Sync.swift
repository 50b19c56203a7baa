import Git
import JournalModel

/// What `journal sync` did, or with `--dry-run` would do.
public struct SyncReport: Encodable, Equatable {
    public enum Outcome: String, Encodable { case upToDate = "up to date", fastForward = "fast-forward", merged, pushed }

    public let remote: String
    /// Subjects of the commits that came in, newest first.
    public var incoming: [String] = []
    /// Subjects of the commits that went out (or would), newest first.
    public var outgoing: [String] = []
    /// With `--dry-run`: what the incoming and outgoing commits change in each day, task by task.
    public var incomingDays: [DayComparison] = []
    public var outgoingDays: [DayComparison] = []
    public var outcomes: [Outcome] = []
    /// Days merged task by task.
    public var mergedDays: [String] = []
    /// Files Git could not merge, kept in both versions: ours at its path, theirs beside it.
    public var keptBoth: [String] = []
}

extension Journal {
    static let syncAttempts = 3
    static let preSyncReference = "refs/journal/pre-sync"

    /// Commits hand edits, fetches `remote`'s main, fast-forwards or merges it task by task, and
    /// pushes. If the remote moves between fetch and push, all of it again, a bounded number of
    /// times. History rewritten on the remote is never merged: sync stops and changes nothing.
    public func sync(remote: String, dryRun: Bool, progress: ((RemoteProgress) -> Void)? = nil) throws -> SyncReport {
        guard let url = try repository.remoteURL(remote) else { throw JournalError.noRemote(remote) }
        try Journal.checkLocalRemote(url)
        let http = HTTPCredentials(environment: environment)
        let handlers = try transferHandlers(url: url, http: http, progress: progress)
        let report: SyncReport
        do {
            report = try exclusively { () throws -> SyncReport in
            if !dryRun { try commitHandEdits() }
            var report = SyncReport(remote: remote)
            var before: ObjectID?
            for _ in 1...Journal.syncAttempts {
                report.mergedDays = []
                report.keptBoth = []
                let theirs = try fetchMain(of: remote, handlers: handlers)
                guard let head = try repository.headCommit() else { throw JournalError.storage("the journal has no commit yet") }
                report.incoming = try subjects(from: theirs, notIn: head.id)
                report.outgoing = try subjects(from: head.id, notIn: theirs)
                if dryRun {
                    let base = try theirs.flatMap { try repository.mergeBase(head.id, $0) }
                    report.incomingDays = try dayChanges(from: base, to: theirs)
                    report.outgoingDays = try dayChanges(from: base, to: head.id)
                    return report
                }
                if let theirs, theirs != head.id, try !repository.isDescendant(head.id, of: theirs) {
                    let incoming = try repository.commit(theirs)
                    try IncomingCheck.verify(repository, from: try head.tree(), to: try incoming.tree())
                    // Going back (`journal undo`) must reach the state before this sync, not a retry's merge.
                    before = before ?? head.id
                    try repository.setReference(Journal.preSyncReference, to: before!, logMessage: "journal: before sync")
                    if try repository.isDescendant(theirs, of: head.id) {
                        try fastForward(from: head, to: incoming)
                        report.outcomes.append(.fastForward)
                    } else {
                        try merge(incoming, into: head, from: remote, report: &report)
                        report.outcomes.append(.merged)
                    }
                    announceLater(.postMerge, arguments: ["0"])
                }
                guard let now = try repository.referenceTarget("HEAD"), now != theirs else {
                    if report.outcomes.isEmpty { report.outcomes.append(.upToDate) }
                    if let theirs { try markSynced(remote, at: theirs) }
                    return report
                }
                let remoteTip = theirs?.hex ?? String(repeating: "0", count: 40)
                try verify(with: .prePush, arguments: [remote, url], input: "refs/heads/main \(now.hex) refs/heads/main \(remoteTip)\n",
                           consequence: Refusal.push)
                let refusal: (String, String)?
                do {
                    try faults.check(.push)
                    refusal = try repository.push(remote, refspecs: ["refs/heads/main:refs/heads/main"], handlers: handlers).first
                } catch let error as GitError where error.code == .nonFastForward {
                    refusal = ("refs/heads/main", error.message)
                }
                guard let (reference, reason) = refusal else {
                    report.outcomes.append(.pushed)
                    try markSynced(remote, at: now)
                    return report
                }
                // Another machine pushed first (whatever words the server chose): its main moved
                // since the fetch, so merge again. If it did not move, the refusal is the server's.
                if try fetchMain(of: remote, handlers: handlers) == theirs {
                    throw JournalError.pushRefused(remote, reference, reason)
                }
            }
            throw JournalError.remoteKeptMoving(remote, Journal.syncAttempts)
            }
        } catch {
            http.rejectIfRefused(error)
            throw error
        }
        http.approve()
        return report
    }

    /// After `journal sync` has reported: the post-sync hook, given the remote's name.
    public func announceSync(with remote: String) {
        announceLater(.postSync, arguments: [remote])
        announcePending()
    }

    /// What fetches and pushes are given: SSH keys and host-key checks, HTTP credentials, and
    /// progress in objects and bytes. HTTPS trusts the certificate authorities Git would:
    /// `GIT_SSL_CAINFO`, else `http.sslCAInfo`, else the system's.
    func transferHandlers(url: String, http: HTTPCredentials, progress: ((RemoteProgress) -> Void)?) throws -> TransferHandlers {
        if let authorities = try environment["GIT_SSL_CAINFO"] ?? configuration().string("http.sslCAInfo") {
            try trustCertificateAuthorities(inFile: authorities)
        }
        let ssh = SSHPolicy(environment: environment, url: url)
        return TransferHandlers(credentials: { ssh.credential(for: $0) ?? http.credential(for: $0) }, checkCertificate: ssh.verdict(on:),
                                progress: progress.map { report in
                                    { report(RemoteProgress(sending: $0.direction == .sending, objects: $0.objects, totalObjects: $0.totalObjects, bytes: $0.bytes)) }
                                })
    }

    /// The remote's main as the last successful sync left it. Only sync moves this ref (a `git
    /// fetch` by hand moves the remote-tracking ref, which therefore cannot tell a rewrite).
    private static func syncedReference(_ remote: String) -> String { "refs/journal/synced/\(remote)" }

    func markSynced(_ remote: String, at commit: ObjectID) throws {
        try repository.setReference(Journal.syncedReference(remote), to: commit, logMessage: "journal: synced")
        let now = clock.now()
        try state.write(Array("\(now.seconds) \(now.offsetMinutes)\n".utf8), to: "last-sync-\(remote)", scratch: state.root)
    }

    /// When the last successful sync with `remote` ended, in its local time, if there was one.
    func lastSync(_ remote: String) -> String? {
        guard let bytes = try? state.read("last-sync-\(remote)") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int64($0) }
        guard parts.count == 2 else { return nil }
        return CommitInfo(id: "", time: parts[0], offsetMinutes: Int(parts[1]), author: "", command: nil, subject: "").localTime
    }

    /// Fetches the remote's main into its remote-tracking ref and returns it; refuses when it does
    /// not descend from what the last sync saw there (history rewritten on the remote).
    func fetchMain(of remote: String, handlers: TransferHandlers) throws -> ObjectID? {
        let tracking = "refs/remotes/\(remote)/main"
        try faults.check(.fetch)
        try repository.fetch(remote, refspecs: ["+refs/heads/main:\(tracking)"], handlers: handlers)
        let fetched = try repository.referenceTarget(tracking)
        if let synced = try repository.referenceTarget(Journal.syncedReference(remote)), let fetched, fetched != synced,
           try !repository.isDescendant(fetched, of: synced) {
            throw JournalError.remoteRewritten(remote)
        }
        return fetched
    }

    /// Each day that differs between two commits, compared task by task.
    private func dayChanges(from base: ObjectID?, to target: ObjectID?) throws -> [DayComparison] {
        guard let target, base != target else { return [] }
        let baseTree = try base.map { try repository.commit($0).tree() }
        let targetTree = try repository.commit(target).tree()
        return try repository.changedPaths(from: baseTree, to: targetTree).compactMap { path in
            guard let day = DayPath.day(at: path) else { return nil }
            func file(_ tree: Tree?) throws -> DayFile {
                try DayTree(tree: tree, repository: repository).file(for: day) ?? DayFile(bytes: [])
            }
            return DayComparison(from: "\(day.iso) before", to: day.iso, before: try file(baseTree), after: try file(targetTree), toDay: day) { _ in nil }
        }
    }

    /// First-parent subjects from `start` back to a commit `other` has, newest first.
    private func subjects(from start: ObjectID?, notIn other: ObjectID?) throws -> [String] {
        guard let start else { return [] }
        var result: [String] = []
        try repository.walkFirstParents(from: start) { commit in
            if let other, try commit.id == other || repository.isDescendant(other, of: commit.id) { return false }
            result.append(CommitMessage.Parsed(commit.message).subject)
            return true
        }
        return result
    }

    /// Moves main to `incoming`, which has all of HEAD: the changed files first, then the branch,
    /// then the index, so that a crash in between leaves the new content as a hand edit, not a loss.
    func fastForward(from head: Commit?, to incoming: Commit) throws {
        let incomingTree = try incoming.tree()
        let headTree = try head?.tree()
        let paths = try repository.changedPaths(from: headTree, to: incomingTree)
        // As for a commit: a file an editor saved meanwhile stops everything before a write.
        for path in paths where try files.read(path) != headTree?.entry(atPath: path).map({ try repository.blobContent($0.id) }) {
            throw JournalError.changedMeanwhile(path)
        }
        var replaced: [(path: String, previous: [UInt8]?, written: [UInt8]?)] = []
        do {
            for path in paths {
                let previous = try files.read(path)
                if let entry = try incomingTree.entry(atPath: path) {
                    let bytes = try repository.blobContent(entry.id)
                    replaced.append((path, previous, bytes))
                    try files.write(bytes, to: path, scratch: state.root, executable: entry.isExecutable)
                } else {
                    replaced.append((path, previous, nil))
                    try files.remove(path)
                }
                try faults.check(.fastForwardFile)
            }
            try faults.check(.swapBranch)
            try repository.updateReference(try repository.headBranchName(), to: incoming.id, expecting: head?.id,
                                           logMessage: "journal: sync fast-forward")
        } catch {
            // The branch did not move: the files go back, so that no command takes them for a hand edit.
            putBack(replaced)
            throw error
        }
        refreshIndex(paths, head: incoming.id)
    }

    /// A merge commit of HEAD and `incoming`, made in memory by libgit2 (`git_merge_commits`):
    /// day files both sides changed go through the journal merge driver, task by task; other
    /// files through Git's line merge, and where that conflicts both versions are kept.
    private func merge(_ incoming: Commit, into head: Commit, from remote: String, report: inout SyncReport) throws {
        var finishedAfterCarry: [DayMerge.FinishedAfterCarry] = []
        var mergedDays: [String] = []
        func mergeByTask(_ sides: MergeSides) -> [UInt8]? {
            guard let day = DayPath.day(at: sides.path), let ours = sides.ours, let theirs = sides.theirs else { return nil }
            let merged = DayMerge.merge(base: sides.base.map(DayFile.init(bytes:)), ours: DayFile(bytes: ours), theirs: DayFile(bytes: theirs))
            mergedDays.append(day.iso)
            finishedAfterCarry += merged.finishedAfterCarry
            return merged.file.bytes
        }
        var keptBoth: [String] = []
        let mergedTree = try repository.mergeCommits(head, incoming, driver: mergeByTask) { sides in
            // Without `.gitattributes` (an older journal), day files still merge by task.
            if let merged = mergeByTask(sides) { return [sides.path: merged] }
            guard let ours = sides.ours, let theirs = sides.theirs else {
                // Deleted on one side, changed on the other: the changed version stays.
                return (sides.ours ?? sides.theirs).map { [sides.path: $0] } ?? [:]
            }
            keptBoth.append(sides.path)
            return [sides.path: ours, "\(sides.path).conflict-\(incoming.id.short)": theirs]
        }
        report.mergedDays = mergedDays.sorted()
        report.keptBoth = keptBoth.sorted()

        var draft = try Draft(repository: repository, state: state)
        draft.otherParents = [incoming]
        draft.givesCopiesFreshIDs = false
        // A day taken whole is still a day to the draft: later steps read it, the id log records it.
        let merged = try repository.tree(mergedTree)
        for path in try repository.changedPaths(from: try head.tree(), to: merged) {
            let content = try merged.entry(atPath: path).map { try repository.blobContent($0.id) }
            if let day = DayPath.day(at: path), let content { draft.write(DayFile(bytes: content), for: day) } else { draft.writeFile(content, at: path) }
        }
        // One machine finished what the other carried: the finish goes to the carried copy.
        for finished in finishedAfterCarry {
            guard var file = try draft.file(for: finished.day), let entry = file.entry(for: finished.id), entry.task.state.isUnfinished else { continue }
            file.updateTask(atLine: entry.lineIndex) { $0.setState(finished.state) }
            draft.write(file, for: finished.day)
        }
        let days = report.mergedDays.isEmpty ? "" : ": \(report.mergedDays.count) day\(report.mergedDays.count == 1 ? "" : "s") merged by task"
        draft.message = CommitMessage(command: "sync", subject: "sync: merge \(remote)/main\(days)",
                                      body: report.mergedDays.map { "merged \($0) task by task" } + report.keptBoth.map { "kept both versions of \($0)" })
        try commit(&draft)
    }
}
