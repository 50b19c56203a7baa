import Git
import Glibc
import JournalModel

/// Every task id the journal has used, with the last day it was seen on, so that a new id is
/// never one used before and a pasted copy of a task can be told from a moved one.
///
/// Kept in `.git/journal/` (never committed) as an append-only log of fixed-width records,
/// `k7f3q 2025-01-15\n`, the latest day of an id winning, and a stamp naming the commit the log
/// describes and the log's length then. Appending keeps each command's cost independent of the
/// journal's age; when HEAD moved without journal (a `git` command, a reset) the days changed
/// since the stamp are read again, and when the stamp or the log is unusable the log is rebuilt
/// from HEAD's tree. Neither is flushed on its own: a log shorter than its stamp says (records
/// lost in a crash of the machine) is unusable.
package struct IDRegistry {
    /// The log as read: scanned on each lookup, since a command asks about a handful of ids and
    /// decoding every record would cost more than those scans.
    private var log: [UInt8] = []
    /// What this process learned, also waiting to be appended.
    private var recorded: [UInt64: Int32] = [:]
    private var pending: [UInt8] = []
    private var rebuilt = false

    private static let logName = "ids"
    private static let stampName = "ids-commit"
    private static let header = Array("journal-ids 2\n".utf8)
    private static let recordLength = 17

    package static func load(from state: WorkingTree, repository: Repository, head: Commit?, marker: JournalMarker) throws -> IDRegistry {
        var registry = IDRegistry()
        guard let head else { return registry }
        let headTree = try head.tree()
        let days = DayTree(tree: headTree, repository: repository, marker: marker)
        if let log = try? state.read(logName), registry.parse(log),
           let stamp = try? state.read(stampName), let commit = ObjectID(hex: String(decoding: stamp.prefix(40), as: UTF8.self)),
           coveredLength(in: stamp).map({ $0 <= log.count }) ?? true,
           let describedTree = try? repository.commit(commit).tree() {
            if commit != head.id {
                for path in try repository.changedPaths(from: describedTree, to: headTree) {
                    guard let day = marker.layout.day(at: path) else { continue }
                    registry.record(try days.file(for: day), on: day)
                }
            }
        } else {
            registry = IDRegistry()
            registry.rebuilt = true
            for day in try days.allDays() { registry.record(try days.file(for: day), on: day) }
        }
        return registry
    }

    package func contains(_ id: TaskID) -> Bool { lastDay(of: id) != nil }

    /// The latest day the id was seen on.
    package func lastDay(of id: TaskID) -> Day? { lastDays(of: [id])[id] }

    /// The latest day each id was seen on, in one pass over the log.
    package func lastDays(of ids: Set<TaskID>) -> [TaskID: Day] {
        let wanted = Set(ids.map(IDRegistry.key))
        var latest = recorded.filter { wanted.contains($0.key) }
        // Most records fail on their first byte, before any hashing.
        var possibleFirstBytes = [Bool](repeating: false, count: 256)
        for id in ids { possibleFirstBytes[Int(id.value.utf8.first!)] = true }
        var offset = IDRegistry.header.count
        while offset < log.count {
            guard possibleFirstBytes[Int(log[offset])] else {
                offset += IDRegistry.recordLength
                continue
            }
            let key = IDRegistry.key(log[offset..<offset + TaskID.length])
            if wanted.contains(key), let day = Day(isoBytes: log[offset + 6..<offset + 16]) {
                latest[key] = max(latest[key] ?? .min, Int32(day.ordinal))
            }
            offset += IDRegistry.recordLength
        }
        var result: [TaskID: Day] = [:]
        for id in ids { if let ordinal = latest[IDRegistry.key(id)] { result[id] = Day(ordinal: Int(ordinal)) } }
        return result
    }

    package mutating func record(_ file: DayFile?, on day: Day) {
        let ids = (file?.tasks ?? []).compactMap(\.id)
        let known = lastDays(of: Set(ids))
        for id in ids where known[id].map({ $0 < day }) ?? true && recorded[IDRegistry.key(id)] != Int32(day.ordinal) {
            recorded[IDRegistry.key(id)] = Int32(day.ordinal)
            pending += Array(id.value.utf8) + [UInt8(ascii: " ")] + Array(day.iso.utf8) + [UInt8(ascii: "\n")]
        }
    }

    /// Appends what was recorded since loading, then stamps the log with `commit`.
    package mutating func save(to state: WorkingTree, describing commit: ObjectID) throws {
        if rebuilt {
            // Flushed: a stamp surviving a crash that lost this rename would vouch for the old log.
            try state.write(IDRegistry.header + pending, to: IDRegistry.logName, scratch: state.root)
            log = IDRegistry.header + pending
            recorded = [:]
        } else if !pending.isEmpty {
            try state.append(pending, to: IDRegistry.logName)
            log += pending
            recorded = [:]
        }
        pending = []
        rebuilt = false
        try state.write(Array("\(commit.hex) \(log.count)\n".utf8), to: IDRegistry.stampName, scratch: state.root, durable: false)
    }

    /// The log length a stamp says it covers; nil for a stamp of a version that wrote none.
    private static func coveredLength(in stamp: [UInt8]) -> Int? {
        let fields = String(decoding: stamp, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count == 2 else { return nil }
        return Int(fields[1]) ?? Int.max
    }

    /// Takes the log; false when it is not one this version wrote whole.
    private mutating func parse(_ bytes: [UInt8]) -> Bool {
        let body = bytes.count - IDRegistry.header.count
        guard bytes.starts(with: IDRegistry.header), body % IDRegistry.recordLength == 0,
              stride(from: bytes.count - 1, to: IDRegistry.header.count, by: -IDRegistry.recordLength)
                  .allSatisfy({ bytes[$0] == UInt8(ascii: "\n") && bytes[$0 - 11] == UInt8(ascii: " ") })
        else { return false }
        log = bytes
        return true
    }

    /// Five ASCII bytes packed into an integer: no string per entry.
    private static func key(_ id: TaskID) -> UInt64 { key(id.value.utf8) }

    private static func key(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
