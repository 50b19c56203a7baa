import Git

/// Every task id the journal has used, with the last day it was seen on, so that a new id is
/// never one used before and a pasted copy of a task can be told from a moved one.
/// Kept in `.git/journal/ids` (never committed), stamped with the commit it describes, and
/// brought up to date from the trees that changed since whenever HEAD moved without it.
struct IDRegistry {
    private(set) var lastSeen: [TaskID: Day]
    private static let header = "journal-ids 1 "

    private static let fileName = "ids"

    static func load(from state: WorkingTree, repository: Repository, head: Commit?) throws -> IDRegistry {
        var registry = IDRegistry(lastSeen: [:])
        guard let head else { return registry }
        let headTree = try head.tree()
        if let bytes = try? state.read(fileName), let (commit, entries) = parse(bytes),
           let describedTree = try? repository.commit(commit).tree() {
            registry.lastSeen = entries
            for path in try repository.changedPaths(from: describedTree, to: headTree) {
                guard let day = DayPath.day(at: path) else { continue }
                registry.record(try DayTree(tree: headTree, repository: repository).file(for: day), on: day)
            }
        } else {
            let days = DayTree(tree: headTree, repository: repository)
            for day in try days.allDays() { try registry.record(days.file(for: day), on: day) }
        }
        return registry
    }

    func contains(_ id: TaskID) -> Bool { lastSeen[id] != nil }

    mutating func record(_ file: DayFile?, on day: Day) {
        for task in file?.tasks ?? [] {
            guard let id = task.id else { continue }
            if let seen = lastSeen[id], seen > day { continue }
            lastSeen[id] = day
        }
    }

    func save(to state: WorkingTree, describing commit: ObjectID) throws {
        var text = IDRegistry.header + commit.hex + "\n"
        for (id, day) in lastSeen.sorted(by: { $0.key < $1.key }) { text += id.value + " " + day.iso + "\n" }
        try state.write(Array(text.utf8), to: IDRegistry.fileName, scratch: state.root)
    }

    private static func parse(_ bytes: [UInt8]) -> (ObjectID, [TaskID: Day])? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard let first = lines.first, first.hasPrefix(header), let commit = ObjectID(hex: String(first.dropFirst(header.count)))
        else { return nil }
        var entries: [TaskID: Day] = [:]
        for line in lines.dropFirst() {
            guard let id = TaskID(line.prefix(5)), let day = Day(iso: line.dropFirst(6)) else { return nil }
            entries[id] = day
        }
        return (commit, entries)
    }
}
