import Git
import JournalStore

public struct ManageRemotes {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public func add(_ name: String, url: String) throws {
        guard try store.repository.remoteURL(name) == nil else { throw JournalError.remoteExists(name) }
        try store.repository.addRemote(name, url: url)
    }

    /// A remote on this machine must exist: libgit2 would call a missing path an unsupported protocol.
    static func checkLocalRemote(_ url: String) throws {
        let path = LocalRemote.path(of: url)
        if (path.hasPrefix("/") || path.hasPrefix(".")) && !FileSystem.exists(path) { throw JournalError.noRepositoryAt(url) }
    }

    public func remove(_ name: String) throws {
        guard try store.repository.remoteURL(name) != nil else {
            throw JournalError.noSuchRemote(name, existing: try store.repository.remotes().map(\.name))
        }
        try store.repository.removeRemote(name)
    }

    public func list() throws -> [(name: String, url: String)] { try store.repository.remotes() }

    /// Clones a journal into a new or empty directory: a new repository, the remote as `origin`,
    /// and its main fetched, checked like anything a sync receives, and checked out. A remote that
    /// is not a journal leaves nothing behind.
    public static func clone(_ url: String, to path: String, branch: String = "main", environment: [String: String],
                             progress: ((RemoteProgress) -> Void)? = nil) throws -> Journal {
        guard FileSystem.isEmptyOrMissing(path) else { throw JournalError.directoryNotEmpty(path) }
        try checkLocalRemote(url)
        let created = !FileSystem.exists(path)
        try FileSystem.makeDirectory(path)
        let http = HTTPCredentials(environment: environment)
        do {
            let journal = try Journal(repository: try Repository.create(at: path, initialBranch: branch), environment: environment)
            try journal.repository.addRemote("origin", url: url)
            try journal.lock.withLock {
                guard let main = try journal.fetchMain(of: "origin", handlers: try journal.transferHandlers(url: url, http: http, progress: progress)) else {
                    throw JournalError.noSuchBranch(url, branch)
                }
                let incoming = try journal.repository.commit(main)
                guard let markerEntry = try incoming.tree().entry(atPath: JournalMarker.path) else { throw JournalError.notAJournal(url) }
                guard let marker = try JournalMarker(bytes: try journal.repository.blobContent(markerEntry.id)) else {
                    throw JournalError.refusedIncoming(JournalMarker.path, "names no day-file format this version of journal reads")
                }
                try IncomingCheck.refuseUnsafe(journal.repository, marker: marker, from: nil, to: try incoming.tree())
                try journal.fastForward(from: nil, to: incoming)
                try journal.markSynced("origin", at: main)
                try journal.trackRemoteBranch("origin")
            }
            http.approve()
            // Opened again, to read the layout the journal's own marker names.
            return try Journal(repository: journal.repository, environment: environment)
        } catch {
            FileSystem.removeTree(path, keepingTop: !created)
            http.rejectIfRefused(error)
            throw error
        }
    }
}
