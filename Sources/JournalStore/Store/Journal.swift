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
    /// A committed file that marks a repository as a journal, so that a clone is one too.
    package static let markerPath = ".journal"
    package static let markerFormat = "day-file format 1"
    package static let markerContent = "This Git repository is a work journal kept by `journal` (\(markerFormat)).\n"
    package static let attributesPath = ".gitattributes"
    package static let attributesContent = "*.md merge=journal\n"
    package static let ignorePath = ".gitignore"
    /// What editors and systems leave beside a file: never part of the journal.
    package static let ignoreContent = """
        # Left by editors and systems beside the files they open; never part of the journal.
        *.swp
        *.swo
        *.swx
        *~
        .#*
        \\#*\\#
        4913
        .DS_Store
        Thumbs.db
        desktop.ini
        .merge_file_*

        """

    package init(repository: Repository, environment: [String: String]) throws {
        self.repository = repository
        guard let workingDirectory = repository.workingDirectory else {
            throw JournalError.notAJournal(repository.gitDirectory)
        }
        directory = workingDirectory
        files = WorkingTree(root: workingDirectory)
        state = WorkingTree(root: repository.gitDirectory + "journal/")
        self.environment = environment
        clock = Clock(environment: environment)
        try FileSystem.makeDirectory(state.root)
        // A value journal cannot use keeps the files private, the safe side; `journal config` names
        // it. Failing here would stop `journal config` from repairing it.
        if let (text, _) = try configuration().entry(Settings.Key.fileMode.rawValue), let mode = FileMode(octal: text) {
            files.mode = mode
        }
    }

    public static func open(at path: String, environment: [String: String]) throws -> Journal {
        guard FileSystem.exists(path) else { throw JournalError.noJournal(path) }
        guard FileSystem.exists(path + "/.git"), FileSystem.exists(path + "/" + markerPath),
              let repository = try? Repository.open(at: path)
        else { throw JournalError.notAJournal(path) }
        return try Journal(repository: repository, environment: environment)
    }

    /// Creates the journal in a new or empty directory, readable by its owner only unless `mode`
    /// (a `journal.fileMode`, kept in its configuration) says otherwise, with a first commit
    /// holding the marker and the merge attributes.
    public static func create(at path: String, environment: [String: String], mode: String? = nil) throws -> Journal {
        if let mode { try Settings.validate(mode, for: .fileMode, origin: nil) }
        if FileSystem.exists(path + "/.git") && FileSystem.exists(path + "/" + markerPath) {
            throw JournalError.alreadyExists(path)
        }
        guard FileSystem.isEmptyOrMissing(path) else { throw JournalError.directoryNotEmpty(path) }
        let created = !FileSystem.exists(path)
        try FileSystem.makeDirectory(path)
        do {
            let journal = try Journal(repository: try Repository.create(at: path, initialBranch: "main"), environment: environment)
            if let mode {
                try journal.store(.fileMode, mode)
                journal.files.mode = FileMode(octal: mode)!
            }
            chmod(path, journal.files.mode.folder)
            chmod(journal.repository.gitDirectory, journal.files.mode.folder)
            try journal.write { draft in
                draft.writeFile(Array(markerContent.utf8), at: markerPath)
                draft.writeFile(Array(attributesContent.utf8), at: attributesPath)
                draft.writeFile(Array(ignoreContent.utf8), at: ignorePath)
                draft.message = CommitMessage(command: .initialize, subject: "init journal")
            }
            return journal
        } catch {
            // A journal that could not make its first commit (no Git identity, say) is no journal:
            // leave nothing that would stop the next `journal init`.
            FileSystem.removeTree(path, keepingTop: !created)
            throw error
        }
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

    package func headTree() throws -> DayTree {
        DayTree(tree: try repository.headCommit()?.tree(), repository: repository)
    }

    /// The journal's first day, as committed; nil before any.
    public func firstDay() throws -> Day? { try headTree().firstDay() }

    /// The day as it is in the working tree (what the user sees in an editor), else as committed.
    package func currentFile(for day: Day) throws -> DayFile? {
        if let bytes = try files.read(DayPath.path(for: day)) { return DayFile(bytes: bytes) }
        return try headTree().file(for: day)
    }

    /// The working tree's days, as the user sees them.
    package var workingTreeDays: WorkingTreeDays { WorkingTreeDays(files) }

    /// The index, brought up to HEAD first; `progress` hears (done, total) during a long read.
    /// HEAD is resolved through refs alone, so that this handle has read no object yet and the
    /// index's own handle is the only one holding the packs while it reads history.
    package func historyIndex(progress: ((Int, Int) -> Void)?) throws -> HistoryIndex {
        let index = try HistoryIndex(path: state.absolute(HistoryIndex.fileName), gitDirectory: repository.gitDirectory)
        try index.update(to: try repository.referenceTarget("HEAD"), progress: progress)
        return index
    }
}
