import Git
import Glibc
import JournalModel
import SQLite

/// The journal's history read once and kept as task events, so that `journal log` never walks
/// Git history again. Lives in `.git/journal/history.sqlite`: never committed, never synced.
///
/// It records the commit it has read up to. Each use brings it up to HEAD by reading only the
/// commits since, those a merge brought in included, so that each event is dated by the commit
/// that made it (its author, its time); a merge commit holds only what the merge itself decided.
/// It rebuilds from nothing when that commit is no longer in HEAD's history (a reset, a rewrite),
/// when its format is older, or when SQLite finds the file damaged.
package final class HistoryIndex {
    package static let format = "5"
    package static let fileName = "history.sqlite"
    private static let commitsPerReader = 250
    private var database: Database
    private let path: String
    private let gitDirectory: String
    /// The handle history is read through: the index's own, so that it can be replaced.
    private var repository: Repository
    private let marker: JournalMarker
    private var layout: DayLayout { marker.layout }

    /// Opens (creating if needed) the index at `path`; a file SQLite cannot read is replaced.
    package init(path: String, gitDirectory: String, marker: JournalMarker) throws {
        self.path = path
        self.marker = marker
        self.gitDirectory = gitDirectory
        repository = try Repository.open(at: gitDirectory)
        do {
            database = try HistoryIndex.open(path)
        } catch let error as SQLiteError where error.isCorruption {
            unlink(path)
            database = try HistoryIndex.open(path)
        }
    }

    /// What SQLite finds wrong in the index file at `path` (read only), or nil when it is sound.
    package static func damage(at path: String) -> String? {
        do {
            let result = try Database(path: path).prepare("PRAGMA quick_check").rows().first?.first?.text
            return result == "ok" ? nil : result ?? "no answer from SQLite"
        } catch {
            return String(describing: error)
        }
    }

    private static func open(_ path: String) throws -> Database {
        let database = try Database(path: path)
        chmod(path, 0o600)
        try database.execute("""
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS commits(seq INTEGER PRIMARY KEY, id TEXT NOT NULL, time INTEGER NOT NULL,
                offset INTEGER NOT NULL, author TEXT NOT NULL, command TEXT, subject TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS commit_days(seq INTEGER NOT NULL, day TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS commit_days_by_day ON commit_days(day, seq);
            CREATE INDEX IF NOT EXISTS commit_days_by_commit ON commit_days(seq);
            CREATE TABLE IF NOT EXISTS events(seq INTEGER NOT NULL, task TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL,
                text TEXT NOT NULL, before TEXT, after TEXT, words TEXT);
            CREATE INDEX IF NOT EXISTS events_by_task ON events(task, seq);
            CREATE TABLE IF NOT EXISTS tasks(id TEXT PRIMARY KEY, text TEXT NOT NULL, day TEXT NOT NULL, state TEXT NOT NULL);
            """)
        return database
    }

    /// Brings the index up to `head`: the commits since the indexed one when it is still in HEAD's
    /// first-parent history, else everything anew. `progress` hears (done, total) meanwhile.
    package func update(to head: ObjectID?, progress: ((Int, Int) -> Void)? = nil) throws {
        let current = try database.immediateTransaction { () -> Bool in
            guard try meta("format") == HistoryIndex.format, let indexed = try meta("commit").flatMap(ObjectID.init(hex:)),
                  let head else { return false }
            guard indexed != head else { return true }
            // Not an ancestor of HEAD: history was rewritten under the index.
            guard (try? repository.isDescendant(head, of: indexed)) == true else { return false }
            try read(try repository.commitsSince(indexed, upTo: head), into: database, progress: progress, head: head)
            return true
        }
        if !current { try rebuild(to: head, progress: progress) }
    }

    /// Reads the whole history into a new file and renames it over the old one: readers see the
    /// old index or the new, and the old one's pages need no journal while they are replaced.
    private func rebuild(to head: ObjectID?, progress: ((Int, Int) -> Void)?) throws {
        let temporary = path + ".new-\(getpid())"
        unlink(temporary)
        defer { unlink(temporary) }
        let fresh = try HistoryIndex.open(temporary)
        try fresh.immediateTransaction {
            try read(head.map { try repository.commitsSince(nil, upTo: $0) } ?? [], into: fresh, progress: progress, head: head)
        }
        guard rename(temporary, path) == 0 else {
            throw JournalError.storage("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
        database = try HistoryIndex.open(path)
    }

    private func read(_ chain: [ObjectID], into database: Database, progress: ((Int, Int) -> Void)?, head: ObjectID?) throws {
        let insertCommit = try database.prepare("INSERT INTO commits(id, time, offset, author, command, subject) VALUES(?, ?, ?, ?, ?, ?)")
        let insertDay = try database.prepare("INSERT INTO commit_days(seq, day) VALUES(?, ?)")
        let insertEvent = try database.prepare("INSERT INTO events(seq, task, day, kind, text, before, after, words) VALUES(?, ?, ?, ?, ?, ?, ?, ?)")
        let knownTask = try database.prepare("SELECT 1 FROM tasks WHERE id = ?")
        let upsertTask = try database.prepare("""
            INSERT INTO tasks(id, text, day, state) VALUES(?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET text = excluded.text, day = excluded.day, state = excluded.state
            WHERE excluded.day >= tasks.day OR (excluded.state IN ('done', 'cancelled') AND tasks.state NOT IN ('done', 'cancelled'))
            """)
        let lastSequence = try database.prepare("SELECT last_insert_rowid()")
        var files = DayFileCache(repository: repository, words: marker.taskWords)
        for (position, id) in chain.enumerated() {
            if position % 500 == 0 { progress?(position, chain.count) }
            if position > 0 && position % HistoryIndex.commitsPerReader == 0 {
                // libgit2 keeps per-pack caches of every object looked up, unbounded, for as long as
                // a handle holds the pack: a fresh handle now and then keeps a long read's memory flat.
                repository = try Repository.open(at: gitDirectory)
                files = DayFileCache(repository: repository, words: marker.taskWords)
            }
            let commit = try repository.commit(id)
            let parentTree = try commit.parentIDs.first.map { try repository.commit($0).tree() }
            let tree = try commit.tree()
            var changes: [CommitEvents.Change] = []
            for path in try repository.changedPaths(from: parentTree, to: tree) {
                guard let day = layout.day(at: path) else { continue }
                changes.append(CommitEvents.Change(day: day, before: try files.file(path, in: parentTree), after: try files.file(path, in: tree)))
            }
            let message = CommitMessage.Parsed(commit.message)
            let committer = commit.committer
            let commitDay = Day(ordinal: Int((committer.time + Int64(committer.offsetMinutes * 60)) / 86_400))
            let moving = message.command == CommandName.move.rawValue
            let events = try CommitEvents.events(in: changes, commitDay: commitDay, moving: moving) { id in
                try !knownTask.rows([.text(id.value)]).isEmpty
            }
            let recorded = commit.parentIDs.count > 1 ? try decisions(of: commit, among: events, changes: changes, files: &files) : events
            try insertCommit.run([.text(id.hex), .integer(committer.time), .integer(Int64(committer.offsetMinutes)),
                                  .text(commit.author.name), message.command.map(Statement.Value.text) ?? .null, .text(message.subject)])
            let sequence = try lastSequence.rows()[0][0]
            var states = StatesAfterCommit(changes: changes, tree: tree, layout: layout)
            for change in changes { try insertDay.run([sequence, .text(change.day.iso)]) }
            for event in recorded {
                try insertEvent.run([sequence, .text(event.task), .text(event.day), .text(event.kind.rawValue), .text(event.text),
                                     event.from.map(Statement.Value.text) ?? .null, event.to.map(Statement.Value.text) ?? .null,
                                     event.words.map(Statement.Value.text) ?? .null])
            }
            // What the merge withdrew from its other side moves the task too: to its finish.
            for event in events + recorded.filter({ $0.kind == .withdrawn && !events.contains($0) }) {
                let state = event.kind == .deleted ? "deleted" : try states.state(of: event, files: &files)
                try upsertTask.run([.text(event.task), .text(event.text), .text(event.day), .text(state)])
            }
        }
        progress?(chain.count, chain.count)
        let setMeta = try database.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)")
        try setMeta.run([.text("format"), .text(HistoryIndex.format)])
        if let head { try setMeta.run([.text("commit"), .text(head.hex)]) }
    }

    /// A merge's own events among those its first parent lacks: what the merged side's commits
    /// (read in their own right) had not made already. And the copies it withdrew from the merged
    /// side, which its first parent never had: the carry count must not depend on which machine
    /// merged.
    private func decisions(of merge: Commit, among events: [TaskEvent], changes: [CommitEvents.Change],
                           files: inout DayFileCache) throws -> [TaskEvent] {
        var otherSide: [TaskEvent] = []
        var withdrawnThere: [TaskEvent] = []
        let mergeTree = try merge.tree()
        for parent in merge.parentIDs.dropFirst() {
            let baseTree = try repository.mergeBase(merge.parentIDs[0], parent).map { try repository.commit($0).tree() }
            let parentTree = try repository.commit(parent).tree()
            let sideChanges = try changes.map { change in
                let path = layout.path(for: change.day)
                return CommitEvents.Change(day: change.day, before: try files.file(path, in: baseTree), after: try files.file(path, in: parentTree))
            }
            otherSide += CommitEvents.events(in: sideChanges, commitDay: nil) { _ in false }
            let intoMerge = try repository.changedPaths(from: parentTree, to: mergeTree).compactMap { path in
                try layout.day(at: path).map { CommitEvents.Change(day: $0, before: try files.file(path, in: parentTree), after: try files.file(path, in: mergeTree)) }
            }
            withdrawnThere += CommitEvents.events(in: intoMerge, commitDay: nil) { _ in true }.filter { $0.kind == .withdrawn }
        }
        let own = CommitEvents.decidedByMerge(events, otherSide: otherSide)
        return own + withdrawnThere.filter { there in !own.contains { $0.kind == .withdrawn && $0.task == there.task && $0.from == there.from } }
    }

    private func meta(_ key: String) throws -> String? {
        try database.prepare("SELECT value FROM meta WHERE key = ?").rows([.text(key)]).first?[0].text
    }

    // MARK: Reading

    /// Every event of a task, oldest first, each with its commit.
    package func events(of id: TaskID) throws -> [TaskEvent] {
        try database.prepare("""
            SELECT e.kind, e.task, e.day, e.text, e.before, e.after, e.words, c.id, c.time, c.offset, c.author, c.command, c.subject
            FROM events e JOIN commits c ON c.seq = e.seq WHERE e.task = ?1 OR e.task IN (\(HistoryIndex.earlierNames))
            ORDER BY e.seq, e.rowid
            """).rows([.text(id.value)]).map { row in
            TaskEvent(kind: TaskEvent.Kind(rawValue: row[0].text ?? "") ?? .state, task: row[1].text ?? "", day: row[2].text ?? "",
                      text: row[3].text ?? "", from: row[4].text, to: row[5].text, words: row[6].text,
                      commit: HistoryIndex.commitInfo(Array(row[7...])))
        }
    }

    /// Commits newest first: those that touched `day` if given, between `since` and `until` (seconds).
    package func commits(touching day: Day?, since: Int64?, until: Int64?, limit: Int?) throws -> [(CommitInfo, [String])] {
        var conditions: [String] = []
        var values: [Statement.Value] = []
        if let day {
            conditions.append("seq IN (SELECT seq FROM commit_days WHERE day = ?)")
            values.append(.text(day.iso))
        }
        if let since {
            conditions.append("time >= ?")
            values.append(.integer(since))
        }
        if let until {
            conditions.append("time < ?")
            values.append(.integer(until))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try database.prepare("""
            SELECT id, time, offset, author, command, subject,
                   (SELECT group_concat(day, ' ') FROM commit_days d WHERE d.seq = commits.seq)
            FROM commits \(filter) ORDER BY seq DESC LIMIT \(limit ?? -1)
            """).rows(values)
        return rows.map { row in
            (HistoryIndex.commitInfo(Array(row[0..<6])), (row[6].text ?? "").split(separator: " ").map(String.init))
        }
    }

    /// A task's latest text, day and state, or nil when the history never had it.
    package func task(_ id: TaskID) throws -> (text: String, day: String, state: String)? {
        try database.prepare("SELECT text, day, state FROM tasks WHERE id = ?").rows([.text(id.value)]).first
            .map { ($0[0].text ?? "", $0[1].text ?? "", $0[2].text ?? "") }
    }

    /// For each of these tasks the history knows, the first day it appeared on and how often it
    /// was carried (less the carries a merge withdrew because the task was finished before): what
    /// a few days' files cannot tell when a carry skipped days.
    package func lifetimes(of ids: [String]) throws -> [String: (firstDay: Day, timesCarried: Int)] {
        let query = try database.prepare("""
            SELECT MIN(day), MAX(0, SUM(kind = 'carried') - SUM(kind = 'withdrawn')) FROM events
            WHERE task = ?1 OR task IN (\(HistoryIndex.earlierNames))
            """)
        var found: [String: (firstDay: Day, timesCarried: Int)] = [:]
        for id in Set(ids) {
            guard let row = try query.rows([.text(id)]).first, let day = row[0].text.flatMap(Day.init(iso:)) else { continue }
            found[id] = (day, Int(row[1].integer ?? 0))
        }
        return found
    }

    /// Tasks whose latest text contains `words` (case-insensitive for ASCII), most recent day first.
    package func tasks(matching words: String) throws -> [(id: String, text: String, day: String, state: String)] {
        let pattern = "%" + words.replacingOccurrences("\\", "\\\\").replacingOccurrences("%", "\\%").replacingOccurrences("_", "\\_") + "%"
        return try database.prepare("SELECT id, text, day, state FROM tasks WHERE text LIKE ? ESCAPE '\\' AND id NOT LIKE '~%' ORDER BY day DESC, id")
            .rows([.text(pattern)]).map { ($0[0].text ?? "", $0[1].text ?? "", $0[2].text ?? "", $0[3].text ?? "") }
    }

    /// The names a task (`?1`) had in history before its id was written: a task written without
    /// one is known by `TaskID(unnamed:)` until a command names it.
    private static let earlierNames = "SELECT before FROM events WHERE task = ?1 AND kind = 'named'"

    private static func commitInfo(_ row: [Statement.Value]) -> CommitInfo {
        CommitInfo(id: row[0].text ?? "", time: row[1].integer ?? 0, offsetMinutes: Int(row[2].integer ?? 0),
                   author: row[3].text ?? "", command: row[4].text, subject: row[5].text ?? "")
    }
}

/// The state of the task an event is about, on the event's day after the commit, each day's
/// tasks looked up once: a commit that changes a day of thousands of tasks has as many events.
/// (A withdrawal's day is the finish's, which the commit may not have changed: then it is read
/// from the commit's tree.)
private struct StatesAfterCommit {
    let changes: [CommitEvents.Change]
    let tree: Tree
    let layout: DayLayout
    private var statesOfDay: [String: [String: String]] = [:]

    init(changes: [CommitEvents.Change], tree: Tree, layout: DayLayout) {
        self.changes = changes
        self.tree = tree
        self.layout = layout
    }

    mutating func state(of event: TaskEvent, files: inout DayFileCache) throws -> String {
        if let states = statesOfDay[event.day] { return states[event.task] ?? "open" }
        let changed = changes.first { $0.day.iso == event.day }?.after
        let file = try changed ?? Day(iso: event.day).flatMap { try files.file(layout.path(for: $0), in: tree) }
        var states: [String: String] = [:]
        // The last copy of a task on the day wins.
        for task in file?.tasks ?? [] { if let id = task.id { states[id.value] = task.state.rawValue } }
        statesOfDay[event.day] = states
        return states[event.task] ?? "open"
    }
}

/// Day files read from trees, remembered by blob id: consecutive commits mostly touch the same day,
/// so the version one commit wrote is the one the next commit starts from.
private struct DayFileCache {
    let repository: Repository
    private var files: [ObjectID: DayFile] = [:]

    private let words: TaskWords

    init(repository: Repository, words: TaskWords) {
        self.repository = repository
        self.words = words
    }

    mutating func file(_ path: String, in tree: Tree?) throws -> DayFile? {
        guard let entry = try tree?.entry(atPath: path), entry.kind == .blob else { return nil }
        if let cached = files[entry.id] { return cached }
        if files.count > 64 { files.removeAll(keepingCapacity: true) }
        let file = DayFile(bytes: try repository.blobContent(entry.id), words: words)
        files[entry.id] = file
        return file
    }
}
