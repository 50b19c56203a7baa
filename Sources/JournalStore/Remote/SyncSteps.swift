import Git
import JournalModel

/// The store's side of a sync: how to reach a remote, fetching its main, moving main forward to
/// it, and what journal keeps of each remote (its main at the last sync, and when that ended).
extension Journal {
    /// What fetches and pushes are given: SSH keys and host-key checks, HTTP credentials, and
    /// progress in objects and bytes. HTTPS trusts the certificate authorities Git would:
    /// `GIT_SSL_CAINFO`, else `http.sslCAInfo`, else the system's.
    package func transferHandlers(url: String, http: HTTPCredentials, progress: ((RemoteProgress) -> Void)?) throws -> TransferHandlers {
        if let authorities = try environment["GIT_SSL_CAINFO"] ?? configuration().string("http.sslCAInfo") {
            try trustCertificateAuthorities(inFile: authorities)
        } else if url.lowercased().hasPrefix("https:") {
            try trustSystemCertificateAuthorities()
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

    package func markSynced(_ remote: String, at commit: ObjectID) throws {
        // Moved only when it changes: moving a reference waits for the disk.
        if try repository.referenceTarget(Journal.syncedReference(remote)) != commit {
            try repository.setReference(Journal.syncedReference(remote), to: commit, logMessage: ReflogMessage.synced)
        }
        let now = clock.now()
        try state.write(Array("\(now.seconds) \(now.offsetMinutes)\n".utf8), to: "last-sync-\(remote)", scratch: state.root, durable: false)
    }

    /// When the last successful sync with `remote` ended, in its local time, if there was one.
    package func lastSync(_ remote: String) -> String? {
        guard let bytes = try? state.read("last-sync-\(remote)") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int64($0) }
        guard parts.count == 2 else { return nil }
        return CommitInfo(id: "", time: parts[0], offsetMinutes: Int(parts[1]), author: "", command: nil, subject: "").localTime
    }

    /// Fetches the remote's main into its remote-tracking ref and returns it; refuses when it does
    /// not descend from what the last sync saw there (history rewritten on the remote).
    package func fetchMain(of remote: String, handlers: TransferHandlers) throws -> ObjectID? {
        let tracking = "refs/remotes/\(remote)/\(try branch())"
        try faults.check(.fetch)
        try repository.fetch(remote, refspecs: ["+refs/heads/\(try branch()):\(tracking)"], handlers: handlers)
        let fetched = try repository.referenceTarget(tracking)
        if let synced = try repository.referenceTarget(Journal.syncedReference(remote)), let fetched, fetched != synced,
           try !repository.isDescendant(fetched, of: synced) {
            throw JournalError.remoteRewritten(remote, branch: try branch(), directory: String(directory.dropLast()))
        }
        return fetched
    }

    /// Points the remote-tracking ref back at what the last sync saw, so that nothing refused keeps a
    /// ref (its objects are then unreachable, and `git gc` drops them).
    package func forgetFetched(_ remote: String) throws {
        let tracking = "refs/remotes/\(remote)/\(try branch())"
        if let synced = try repository.referenceTarget(Journal.syncedReference(remote)) {
            try repository.setReference(tracking, to: synced, logMessage: ReflogMessage.refusedFetch)
        } else {
            try repository.removeReference(tracking)
        }
    }

    /// Names the commit a sync is about to push: the push sends this ref, not `main`, which a
    /// command may move meanwhile (the network steps run without the write lock).
    package func markOutgoing(_ commit: ObjectID) throws -> String {
        let reference = "refs/journal/outgoing"
        try repository.setReference(reference, to: commit, logMessage: ReflogMessage.outgoing)
        return reference
    }

    /// Whether `remote`'s main was seen by an earlier sync.
    package func hasSynced(_ remote: String) throws -> Bool {
        try repository.referenceTarget(Journal.syncedReference(remote)) != nil
    }

    /// Why a push to `remote` failed when a push killed half-way left a lock on main in it (a
    /// remote on this machine's disk): the lock, with its age. Nothing, otherwise.
    package func refuseIfStaleLock(in remote: String, at url: String) throws {
        guard let path = LocalRemote.gitFolder(of: url).map({ $0 + "refs/heads/\((try? branch()) ?? "main").lock" }),
              let modified = FileSystem.modificationTime(path) else { return }
        throw JournalError.staleRemoteLock(remote, path: path, ageSeconds: max(0, clock.now().seconds - modified))
    }

    /// Moves main to `incoming`, which has all of HEAD: the changed files first, then the branch,
    /// then the index, so that a crash in between leaves the new content as a hand edit, not a loss.
    package func fastForward(from head: Commit?, to incoming: Commit) throws {
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
                    // A new file has nothing to lose: the flush before the branch moves takes it
                    // to disk with the rest (a clone writes thousands).
                    try files.write(bytes, to: path, scratch: state.root, executable: entry.isExecutable, durable: previous != nil)
                } else {
                    replaced.append((path, previous, nil))
                    try files.remove(path)
                }
                try faults.check(.fastForwardFile)
            }
            try faults.check(.swapBranch)
            try repository.updateReference(try repository.headBranchName(), to: incoming.id, expecting: head?.id,
                                           logMessage: ReflogMessage.syncFastForward)
        } catch {
            // The branch did not move: the files go back, so that no command takes them for a hand edit.
            putBack(replaced)
            throw error
        }
        refreshIndex(paths, head: incoming.id)
        flushCommitted()
    }
}
