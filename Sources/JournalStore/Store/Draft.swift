import Git
import JournalModel

/// The changes one command makes, on top of the commit HEAD pointed at when it began.
/// Reads see the command's own changes first, then HEAD.
package struct Draft {
    package let head: Commit?
    package let committed: DayTree
    private let state: WorkingTree
    private(set) var changedDays: [Day: DayFile] = [:]
    /// Files that are not day files (nil: removed), as written by `init` or by hand.
    private(set) var changedFiles: [String: [UInt8]?] = [:]
    private(set) var registry: IDRegistry?
    package var message: CommitMessage?
    /// Parents after HEAD: the other side of a merge.
    package var otherParents: [Commit] = []
    /// When the change was made, when that was before the commit (a file saved by hand): the
    /// commit's author date, so that history shows when the work was done.
    package var authoredAt: Int64?
    /// False for a merge, whose tasks arrive from another machine with the ids they have there.
    package var givesCopiesFreshIDs = true
    /// What the working tree held at these paths when the command read them (nil: no file), where
    /// that is not HEAD's version: hand edits being committed.
    package var readFromDisk: [String: [UInt8]?] = [:]
    /// Ids in use outside the day files (the day template's tasks, as committed or as this
    /// command changed it), which no new task may take; read when the first id is made.
    private var templateIDs: Set<TaskID>?

    package init(repository: Repository, state: WorkingTree, marker: JournalMarker) throws {
        head = try repository.headCommit()
        committed = DayTree(tree: try head?.tree(), repository: repository, marker: marker)
        self.state = state
    }

    package var isEmpty: Bool { changedDays.isEmpty && changedFiles.isEmpty }

    package func file(for day: Day) throws -> DayFile? {
        if let changed = changedDays[day] { return changed }
        return try committed.file(for: day)
    }

    package mutating func write(_ file: DayFile, for day: Day) { changedDays[day] = file }

    package mutating func writeFile(_ bytes: [UInt8]?, at path: String) {
        changedFiles[path] = bytes
        if path == DayTemplate.path { templateIDs = nil }
    }

    /// A file that is not a day file as this command left it, else as committed.
    package func bytes(at path: String) throws -> [UInt8]? {
        if let changed = changedFiles[path] { return changed }
        return try committed.bytes(at: path)
    }

    /// An id no task of the journal has ever had: a random one, or with a `seed` the first of
    /// its derived ones that is free (the same on every machine that shares this history).
    package mutating func freshID(besides taken: Set<TaskID> = [], seed: String? = nil) throws -> TaskID {
        let registry = try loadedRegistry()
        if templateIDs == nil { templateIDs = Set(try bytes(at: DayTemplate.path).map { DayFile(bytes: $0, words: committed.marker.taskWords).tasks.compactMap(\.id) } ?? []) }
        let reserved = templateIDs!
        let isTaken = { (id: TaskID) in registry.contains(id) || taken.contains(id) || reserved.contains(id) }
        guard let seed else { return TaskID.fresh(avoiding: isTaken) }
        return (0...).lazy.map { TaskID.derived(from: seed, attempt: $0) }.first { !isTaken($0) }!
    }

    /// The day a task id was last seen on, as far as the registry knows.
    package mutating func lastDay(of id: TaskID) throws -> Day? {
        try loadedRegistry().lastDay(of: id)
    }

    package mutating func loadedRegistry() throws -> IDRegistry {
        if let registry { return registry }
        let loaded = try IDRegistry.load(from: state, repository: committed.repository, head: head, marker: committed.marker)
        registry = loaded
        return loaded
    }

    /// Gives an id to every task of the changed days that has none, and a fresh one to a task
    /// whose id is already taken: twice in one file, or still standing (not carried) on another
    /// day, which is what a pasted copy looks like. A moved or carried task keeps its id. A task
    /// committed without one (notes adopted, a plain `git` commit) gets an id derived from its
    /// day, its text and which copy of that text it is, so that two machines that each name it
    /// before they sync name it alike, and their merge keeps it once.
    package mutating func assignIDs() throws {
        for day in changedDays.keys.sorted() {
            var file = changedDays[day]!
            let committedFile = try committed.file(for: day)
            let committedIDs = Set(committedFile?.tasks.compactMap(\.id) ?? [])
            let committedUnnamed = Set(committedFile?.tasks.filter { $0.id == nil }.map(\.text) ?? [])
            var copiesOfText: [String: Int] = [:]
            let arriving = Set(file.tasks.compactMap(\.id)).subtracting(committedIDs)
            let copies = givesCopiesFreshIDs ? try pastedCopies(among: arriving, arrivingOn: day) : []
            var seen = Set<TaskID>()
            var taken = Set(file.tasks.compactMap(\.id))
            for entry in file.entries {
                if let id = entry.task.id, !seen.contains(id), !copies.contains(id) {
                    seen.insert(id)
                    continue
                }
                var seed: String?
                if entry.task.id == nil, committedUnnamed.contains(entry.task.text) {
                    copiesOfText[entry.task.text, default: 0] += 1
                    seed = "\(day.iso) \(copiesOfText[entry.task.text]!) \(entry.task.text)"
                }
                let fresh = try freshID(besides: taken, seed: seed)
                file.updateTask(atLine: entry.lineIndex) { $0.id = fresh }
                seen.insert(fresh)
                taken.insert(fresh)
            }
            changedDays[day] = file
        }
    }

    /// The ids among `arriving` that still stand (not carried) on the day they were last seen.
    private mutating func pastedCopies(among arriving: Set<TaskID>, arrivingOn day: Day) throws -> Set<TaskID> {
        guard !arriving.isEmpty else { return [] }
        var copies = Set<TaskID>()
        var standingOn: [Day: Set<TaskID>] = [:]
        for (id, other) in try loadedRegistry().lastDays(of: arriving) where other != day {
            if standingOn[other] == nil {
                standingOn[other] = Set(try file(for: other)?.tasks.filter { $0.state != .carried }.compactMap(\.id) ?? [])
            }
            if standingOn[other]!.contains(id) { copies.insert(id) }
        }
        return copies
    }

    /// Every path the draft changes with its new bytes (nil: removed).
    package var changes: [(path: String, bytes: [UInt8]?)] {
        changedDays.map { (committed.layout.path(for: $0.key), Optional($0.value.bytes)) } + changedFiles.map { ($0.key, $0.value) }
    }

    package mutating func recordCommit(_ commit: ObjectID) throws {
        guard var registry else { return }
        for (day, file) in changedDays { registry.record(file, on: day) }
        try registry.save(to: state, describing: commit)
    }
}
