import Git
import Glibc
import JournalModel

/// A journal: an ordinary Git repository on `main` whose day files journal reads and commits.
public final class Journal {
    /// The working directory, with a trailing slash.
    public let directory: String
    package let repository: Repository
    /// The working tree, written with the permissions `journal.fileMode` sets.
    package var files: WorkingTree
    /// `.git/journal/`: journal's own state, never committed.
    package let state: WorkingTree
    package let environment: [String: String]
    /// What the `.journal` file says: where the days are and how their tasks are written.
    public let marker: JournalMarker
    public var layout: DayLayout { marker.layout }
    public let clock: Clock
    /// The journal command running, which hooks see as JOURNAL_COMMAND.
    public var command: CommandName?
    /// True when the user said so (the CLI's `--no-verify`): pre-commit, commit-msg and pre-push
    /// are not run.
    public var skipsRefusableHooks = false
    /// Where journal says what went wrong without stopping the command.
    public var warn: (String) -> Void = { _ in }
    package var pendingAnnouncements: [(Hook, [String], [String: String])] = []
    /// Failures tests inject at named steps of a commit or a sync.
    package var faults = FaultInjection()
    package var cachedHookSettings: HookSettings?
    private var cachedConfiguration: Configuration?

    /// Where HEAD stood before the last sync that changed it, for `journal undo`.
    package static let preSyncReference = "refs/journal/pre-sync"
    package init(repository: Repository, environment: [String: String], marker: JournalMarker? = nil) throws {
        self.repository = repository
        guard let workingDirectory = repository.workingDirectory else {
            throw JournalError.notAJournal(repository.gitDirectory)
        }
        directory = workingDirectory
        files = WorkingTree(root: workingDirectory)
        state = WorkingTree(root: repository.gitDirectory + "journal/")
        self.environment = environment
        let found = FileSystem.exists(workingDirectory + JournalMarker.path)
        guard let marker = try marker ?? (found ? JournalMarker.read(atTop: workingDirectory) : JournalMarker()) else {
            throw JournalError.storage("\(workingDirectory)\(JournalMarker.path) names no day-file format this version of journal reads (\(JournalMarker.formats.joined(separator: ", ")))")
        }
        self.marker = marker
        clock = Clock(environment: environment)
        try FileSystem.makeDirectory(state.root)
        // A value journal cannot use keeps the files private, the safe side; `journal config` names
        // it. Failing here would stop `journal config` from repairing it.
        if let (text, _) = try configuration().entry(Settings.Key.fileMode.rawValue), let mode = FileMode(octal: text) {
            files.mode = mode
        }
    }

    /// The journal at `path`, or the one `path` is a folder of, as Git finds a repository.
    public static func open(at path: String, environment: [String: String]) throws -> Journal {
        guard FileSystem.exists(path) else { throw JournalError.noJournal(path) }
        guard let top = top(enclosing: path), let repository = try? Repository.open(at: top)
        else { throw JournalError.notAJournal(path) }
        return try Journal(repository: repository, environment: environment)
    }

    /// The top of the journal that `path` is, or is a folder of: the nearest folder from `path`
    /// up that holds both `.git` and the marker. Git's own folder is no folder of the journal.
    public static func top(enclosing path: String) -> String? {
        let resolved = FileSystem.resolved(path)
        guard let top = FileSystem.nearestFolder(from: resolved, holding: [".git", JournalMarker.path]) else { return nil }
        let inside = resolved.dropFirst(top.count).split(separator: "/")
        return inside.first == ".git" ? nil : top
    }

    package var lock: WriteLock { WriteLock(path: state.root + "lock", command: command?.rawValue ?? "") }

    /// Held by a sync for its network steps, which run without the write lock: one sync at a
    /// time, and the next one cleans up after a sync killed mid-transfer (in this repository and
    /// in a remote on this machine), under the write lock like any recovery.
    package func whileOnTheNetwork<T>(_ body: () throws -> T) throws -> T {
        let networkLock = WriteLock(path: state.root + "sync-lock", command: CommandName.sync.rawValue)
        return try networkLock.withLock(recover: { holder in try exclusively { try recover(from: holder) } }, body)
    }

    /// Git's configuration as this command found it, read once: identity, hooks and transfers
    /// all ask it.
    package func configuration() throws -> Configuration {
        if let cachedConfiguration { return cachedConfiguration }
        let configuration = try repository.configuration()
        cachedConfiguration = configuration
        return configuration
    }

    /// The branch the journal is on (`main` for a journal `journal init` created; an adopted
    /// repository keeps its own), which sync fetches and pushes under the same name.
    package func branch() throws -> String {
        let name = try repository.headBranchName()
        return name.hasPrefix("refs/heads/") ? String(name.dropFirst(11)) : name
    }

    package func headTree() throws -> DayTree {
        DayTree(tree: try repository.headCommit()?.tree(), repository: repository, marker: marker)
    }

    /// The journal's first day, as committed; nil before any.
    public func firstDay() throws -> Day? { try headTree().firstDay() }

    /// The day as it is in the working tree (what the user sees in an editor), else as committed.
    package func currentFile(for day: Day) throws -> DayFile? {
        if let bytes = try files.read(layout.path(for: day)) { return DayFile(bytes: bytes, words: marker.taskWords) }
        return try headTree().file(for: day)
    }

    /// The working tree's days, as the user sees them.
    package var workingTreeDays: WorkingTreeDays { WorkingTreeDays(files, marker: marker) }

    /// The index, brought up to HEAD first; `progress` hears (done, total) during a long read.
    /// HEAD is resolved through refs alone, so that this handle has read no object yet and the
    /// index's own handle is the only one holding the packs while it reads history.
    package func historyIndex(progress: ((Int, Int) -> Void)?) throws -> HistoryIndex {
        let index = try HistoryIndex(path: state.absolute(HistoryIndex.fileName), gitDirectory: repository.gitDirectory, marker: marker)
        try index.update(to: try repository.referenceTarget("HEAD"), progress: progress)
        return index
    }
}
