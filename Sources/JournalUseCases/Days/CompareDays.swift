import Git
import JournalModel
import JournalStore

public struct CompareDays {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// `journal diff [FROM] TO`: two days compared task by task. Without FROM, the latest day
    /// before TO. Days are read as they stand in the working tree.
    public func run(_ from: Day?, _ to: Day) throws -> DayComparison {
        guard let after = try store.currentFile(for: to) else { throw JournalError.noSuchDay(to) }
        guard let fromDay = try from ?? store.headTree().latestDay(before: to) else { throw JournalError.nothingBefore(to) }
        guard let before = try store.currentFile(for: fromDay) else { throw JournalError.noSuchDay(fromDay) }
        return try comparison(from: fromDay.iso, to: to.iso, before: before, after: after, toDay: to)
    }

    /// `journal diff DAY --since TIME|REVISION`: what changed in one day since an earlier version
    /// of its file (the one committed at that time, or at that commit).
    public func run(_ day: Day, since: String) throws -> DayComparison {
        guard let after = try store.currentFile(for: day) else { throw JournalError.noSuchDay(day) }
        let (commit, label) = try version(since: since)
        var before = try commit.map { try DayTree(tree: try $0.tree(), repository: store.repository, marker: store.marker).file(for: day) } ?? nil
        if let commit, let seconds = try SinceTime.parse(since, today: store.clock.today()) {
            before = try withOtherMachines(before, of: day, madeBy: seconds, besides: commit)
        }
        return try comparison(from: "\(day.iso) \(label)", to: "\(day.iso) now", before: before ?? DayFile(bytes: [], words: store.marker.taskWords), after: after, toDay: day)
    }

    /// The day as it stood at `seconds` on every machine, not only on this one: what another
    /// machine committed by then and a later merge brought in is merged into `file` (the version
    /// of `commit`, this machine's at that time), as sync would have merged it.
    private func withOtherMachines(_ file: DayFile?, of day: Day, madeBy seconds: Int64, besides commit: Commit) throws -> DayFile? {
        let repository = store.repository
        guard let head = try repository.headCommit() else { return file }
        let early = try repository.commitsSince(commit.id, upTo: head.id).filter { try repository.commit($0).committer.time <= seconds }
        let tips = try early.filter { id in try !early.contains { try $0 != id && repository.isDescendant($0, of: id) } }
        var merged = file
        for tip in tips {
            let base = try repository.mergeBase(commit.id, tip).map { try repository.commit($0).tree() }
            let days = { (tree: Tree?) in try DayTree(tree: tree, repository: repository, marker: store.marker).file(for: day).map { [day: $0] } ?? [:] }
            let result = JournalMerge.merge(base: try days(base), ours: merged.map { [day: $0] } ?? [:], theirs: try days(try repository.commit(tip).tree()))
            merged = result.days[day] ?? merged
        }
        return merged
    }

    private func comparison(from: String, to: String, before: DayFile, after: DayFile, toDay: Day) throws -> DayComparison {
        let registry = try IDRegistry.load(from: store.state, repository: store.repository, head: try store.repository.headCommit(), marker: store.marker)
        let removals = Removals(store)
        return try DayComparison(from: from, to: to, before: before, after: after, toDay: toDay) { id in
            if let day = registry.lastDay(of: id), let task = try store.currentFile(for: day)?.tasks.last(where: { $0.id == id }) {
                return DayComparison.Whereabouts(day: day, state: task.state)
            }
            // No day holds it: deleted by `journal rm`, or lost.
            guard let removal = try removals.removal(of: id), let day = Day(iso: removal.day) else { return nil }
            return .removed(from: day, state: removal.from.flatMap(TaskState.init(rawValue:)) ?? .open)
        }
    }

    /// The commit `since` names, by time (`HH:MM` today, `YYYY-MM-DD HH:MM`, ISO 8601) or as a revision;
    /// nil when the journal has no commit that early.
    private func version(since: String) throws -> (Commit?, String) {
        if let seconds = try SinceTime.parse(since, today: store.clock.today()) {
            guard let head = try store.repository.headCommit() else { return (nil, "at \(since)") }
            var commit: Commit?
            try store.repository.walkFirstParents(from: head.id) { candidate in
                if candidate.committer.time <= seconds { commit = candidate }
                return commit == nil
            }
            return (commit, "at \(since)" + (commit.map { " (\($0.id.short))" } ?? ""))
        }
        do {
            let commit = try store.repository.commit(revision: since)
            return (commit, "at \(commit.id.short)")
        } catch let error as GitError where error.code == .notFound || error.code == .ambiguous {
            throw JournalError.invalidSince(since)
        }
    }
}

/// The times `--since` accepts.
enum SinceTime {
    static func parse(_ text: String, today: Day) throws -> Int64? {
        let parts = text.split(separator: ":")
        if parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }) {
            guard let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else {
                throw JournalError.invalidSince(text)
            }
            return GitDate.parse("\(today.iso)T\(parts[0]):\(parts[1]):00")?.seconds
        }
        guard text.count >= 16, Day(iso: text.prefix(10)) != nil else { return nil }
        let full = text.count == 16 ? text + ":00" : text
        guard let (seconds, _) = GitDate.parse(full) else { throw JournalError.invalidSince(text) }
        return seconds
    }
}
