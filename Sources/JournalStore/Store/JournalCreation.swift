import Git
import Glibc
import JournalModel

/// A journal starts in an empty folder, or in the notes someone already keeps: a Git repository
/// of day files, or a folder of Markdown that is no repository yet.
extension Journal {
    package static let attributesPath = ".gitattributes"
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

    /// The `.gitattributes` lines that send day files (and the day template) to the merge driver.
    /// The standard layout's `*.md` is what every journal had before layouts; another layout
    /// names its day files alone, so that the notes beside them merge as Git merges text.
    package static func attributeLines(for layout: DayLayout) -> [String] {
        guard layout != .standard else { return ["*.md merge=journal"] }
        return ["\(layout.glob) merge=journal", "\(DayTemplate.path) merge=journal"]
    }

    /// Creates the journal in a new or empty directory, readable by its owner only unless `mode`
    /// (a `journal.fileMode`, kept in its configuration) says otherwise, with a first commit
    /// holding the marker and the merge attributes.
    public static func create(at path: String, environment: [String: String], mode: String? = nil,
                              marker: JournalMarker = JournalMarker()) throws -> Journal {
        if let mode { try Settings.validate(mode, for: .fileMode, origin: nil) }
        try refuseIfJournal(path)
        guard FileSystem.isEmptyOrMissing(path) else { throw JournalError.directoryNotEmpty(path) }
        let created = !FileSystem.exists(path)
        try FileSystem.makeDirectory(path)
        do {
            let repository = try Repository.create(at: path, initialBranch: "main")
            let journal = try Journal(repository: repository, environment: environment, marker: marker)
            if let mode {
                try journal.store(.fileMode, mode)
                journal.files.mode = FileMode(octal: mode)!
            }
            chmod(path, journal.files.mode.folder)
            chmod(journal.repository.gitDirectory, journal.files.mode.folder)
            try journal.writeMarker()
            return journal
        } catch {
            // A journal that could not make its first commit (no Git identity, say) is no journal:
            // leave nothing that would stop the next `journal init`.
            FileSystem.removeTree(path, keepingTop: !created)
            throw error
        }
    }

    /// Makes a journal of the notes at `path`, in place. A Git repository keeps its branch and
    /// its history, and must be clean; a folder that is no repository becomes one, its files
    /// (those a `.gitignore` there does not leave out) committed as they are first. Then one
    /// commit adds the marker and the merge attributes. No file is changed: tasks get their ids
    /// from the next command that writes their day, as a hand edit's do. Refused in one line,
    /// with nothing written, when a file is a link or Markdown that is not UTF-8.
    public static func adopt(at path: String, environment: [String: String], marker: JournalMarker) throws -> Journal {
        let top = path.hasSuffix("/") ? String(path.dropLast()) : path
        try refuseIfJournal(top)
        if let enclosing = FileSystem.nearestFolder(from: top, holding: [".git"], above: true) {
            throw JournalError.cannotAdopt(top, "it is inside the Git repository \(enclosing); run 'journal init' at that repository's top")
        }
        if FileSystem.exists(top + "/" + DayTemplate.path) {
            throw JournalError.cannotAdopt(top, "\(DayTemplate.path) is where journal keeps its day template; rename that file first")
        }
        let journal = FileSystem.exists(top + "/.git")
            ? try adoptRepository(at: top, environment: environment, marker: marker)
            : try adoptFolder(at: top, environment: environment, marker: marker)
        try journal.writeMarker()
        return journal
    }

    private static func adoptRepository(at path: String, environment: [String: String], marker: JournalMarker) throws -> Journal {
        guard FileSystem.isDirectory(path + "/.git") else {
            throw JournalError.cannotAdopt(path, "its .git is not a folder (a worktree or a submodule); adopt the repository it belongs to")
        }
        let repository = try Repository.open(at: path)
        guard (try? repository.headBranchName()) != nil else {
            throw JournalError.cannotAdopt(path, "its HEAD is detached; check out the branch the journal is to be kept on first")
        }
        if case .unfinished(let operation, let gitMarker, let abort) = GitActivity.unfinishedOperation(gitDirectory: repository.gitDirectory) {
            throw JournalError.gitOperationUnfinished(operation, marker: gitMarker, abort: abort)
        }
        let uncommitted = try repository.status().map(\.path)
        guard uncommitted.isEmpty else {
            let shown = uncommitted.prefix(3).joined(separator: ", ") + (uncommitted.count > 3 ? ", …" : "")
            throw JournalError.cannotAdopt(path, "its working tree has uncommitted changes (\(shown)); commit them, or stash them with 'git stash -u', first")
        }
        if let tree = try repository.headCommit()?.tree() {
            for file in try repository.changedPaths(from: nil, to: tree) {
                guard let entry = try tree.entry(atPath: file) else { continue }
                guard entry.kind == .blob else {
                    throw JournalError.cannotAdopt(path, "\(file) is a \(entry.kind == .symlink ? "symbolic link" : "submodule"); a journal holds regular files only (every other machine's sync would refuse it)")
                }
                if file.hasSuffix(".md") { try refuseUnlessUTF8(try repository.blobContent(entry.id), at: path, file: file) }
            }
        }
        return try Journal(repository: repository, environment: environment, marker: marker)
    }

    private static func adoptFolder(at path: String, environment: [String: String], marker: JournalMarker) throws -> Journal {
        guard FileSystem.isDirectory(path, followingLinks: true) else { throw JournalError.cannotAdopt(path, "it is not a folder") }
        let repository = try Repository.create(at: path, initialBranch: "main")
        do {
            let journal = try Journal(repository: repository, environment: environment, marker: marker)
            // Not `write`, which would take the files for hand edits and give their tasks ids; each
            // file is read and stored in turn, so that a vault of large attachments fits in memory.
            try journal.exclusively {
                var changes: [TreeChange] = [], paths: [String] = []
                for file in try repository.status().map(\.path) {
                    if FileSystem.linkTarget(journal.files.absolute(file)) != nil {
                        throw JournalError.cannotAdopt(path, "\(file) is a symbolic link; a journal holds regular files only (move it out, or replace it with the file it points to)")
                    }
                    guard let bytes = try journal.files.read(file) else { continue }
                    if file.hasSuffix(".md") { try refuseUnlessUTF8(bytes, at: path, file: file) }
                    changes.append(.upsertBlob(path: file, id: try repository.writeBlob(bytes)))
                    paths.append(file)
                }
                guard !changes.isEmpty else { return }
                let identity = try Identity(configuration: try journal.configuration(), environment: environment, clock: journal.clock)
                let subject = "adopt the notes already here (\(changes.count) files)"
                let commit = try repository.writeCommit(
                    tree: try repository.writeTree(updating: nil, with: changes), parents: [],
                    message: CommitMessage(command: .initialize, subject: subject).text, author: identity.author, committer: identity.committer)
                try repository.updateReference(try repository.headBranchName(), to: commit, expecting: nil, logMessage: ReflogMessage.commit(subject))
                journal.refreshIndex(paths, head: commit)
            }
            return journal
        } catch {
            // The folder is as it was: no repository, no commit.
            FileSystem.removeTree(path + "/.git")
            throw error
        }
    }

    private static func refuseIfJournal(_ path: String) throws {
        if FileSystem.exists(path + "/.git") && FileSystem.exists(path + "/" + JournalMarker.path) {
            throw JournalError.alreadyExists(path)
        }
    }

    private static func refuseUnlessUTF8(_ bytes: [UInt8], at path: String, file: String) throws {
        guard String(validating: bytes, as: UTF8.self) == nil, let line = DayFile(bytes: bytes).firstLineNotUTF8 else { return }
        throw JournalError.cannotAdopt(path, "\(file):\(line) is not valid UTF-8; journal reads Markdown as UTF-8 (convert it with iconv first)")
    }

    /// The commit that makes the repository a journal: the marker, the merge attributes (added to
    /// a `.gitattributes` already there) and, where there is none, a `.gitignore` for editors'
    /// leftovers.
    private func writeMarker() throws {
        try write { draft in
            draft.writeFile(marker.bytes, at: JournalMarker.path)
            let attributes = try draft.bytes(at: Journal.attributesPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let present = Set(attributes.split(separator: "\n").map(String.init))
            let missing = Journal.attributeLines(for: layout).filter { !present.contains($0) }
            if !missing.isEmpty {
                let separator = attributes.isEmpty || attributes.hasSuffix("\n") ? "" : "\n"
                draft.writeFile(Array((attributes + separator + missing.map { $0 + "\n" }.joined()).utf8), at: Journal.attributesPath)
            }
            if try draft.bytes(at: Journal.ignorePath) == nil {
                draft.writeFile(Array(Journal.ignoreContent.utf8), at: Journal.ignorePath)
            }
            draft.message = CommitMessage(command: .initialize, subject: "init journal")
        }
    }
}
