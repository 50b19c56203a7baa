/// Two versions of the journal's days compared task by task (by id), not line by line.
public struct DayComparison: Equatable {
    public struct Item: Equatable {
        public let id: String?
        public let text: String
        public let state: TaskState
        /// For a reworded task: the description before, and the change marked word by word; for a
        /// changed one, its fields' changes.
        public var before: String?
        public var words: String?
        /// For a re-nested task: the id of its parent before and after (nil: top level).
        public var parentBefore: String?
        public var parentAfter: String?
        /// For a moved task: the day it stands on now.
        public var day: String?

        package init(_ task: TaskLine) {
            id = task.id?.value
            text = task.text
            state = task.state
        }
    }

    /// Where a task that left the compared day went: the latest day it stands on, and its state there.
    public struct Whereabouts: Equatable {
        public let day: Day
        public let state: TaskState
        /// Deleted on purpose (`journal rm`): neither dropped nor anywhere.
        public var removed = false

        public init(day: Day, state: TaskState) {
            self.day = day
            self.state = state
        }

        /// A task `journal rm` deleted, last seen on `day` in `state`.
        public static func removed(from day: Day, state: TaskState) -> Whereabouts {
            var whereabouts = Whereabouts(day: day, state: state)
            whereabouts.removed = true
            return whereabouts
        }
    }

    public let from: String
    public let to: String
    /// Finished (done) in TO, or on a day between FROM and TO (`day` says which).
    public var done: [Item] = []
    /// First appears in TO.
    public var new: [Item] = []
    /// Came from FROM unfinished, carried forward; or, comparing one day with itself, carried away
    /// to a later day (`day` says which).
    public var carried: [Item] = []
    /// Unfinished in both, not by a carry (the same day twice, or a task left standing).
    public var stillOpen: [Item] = []
    /// Unfinished in FROM, and neither carried nor finished anywhere later: fell through the cracks
    /// (a task deleted with `journal rm` did not: it is in no section).
    public var dropped: [Item] = []
    /// Cancelled in TO, or on a day between FROM and TO (`day` says which).
    public var cancelled: [Item] = []
    /// Same id, other text.
    public var reworded: [Item] = []
    /// Same id, a field changed (`due 2025-01-24 → 2025-01-29` in `words`).
    public var changed: [Item] = []
    /// Same id, other parent.
    public var renested: [Item] = []
    /// Left FROM's day and stands unfinished on another day after TO.
    public var moved: [Item] = []

    /// The kinds of change, in the order a comparison is shown.
    public enum Section: CaseIterable, Sendable {
        case done, new, carried, stillOpen, dropped, cancelled, reworded, changed, renested, moved
    }

    public func items(in section: Section) -> [Item] {
        switch section {
        case .done: return done
        case .new: return new
        case .carried: return carried
        case .stillOpen: return stillOpen
        case .dropped: return dropped
        case .cancelled: return cancelled
        case .reworded: return reworded
        case .changed: return changed
        case .renested: return renested
        case .moved: return moved
        }
    }

    /// Compares two files. `TO`'s tasks are matched to `FROM`'s by id; a task of FROM that TO lacks
    /// is judged by `whereabouts`, which says where it stands now (nil: nowhere after FROM).
    public init(from: String, to: String, before: DayFile, after: DayFile, toDay: Day,
                whereabouts: (TaskID) throws -> Whereabouts?) rethrows {
        self.from = from
        self.to = to
        let old = DayComparison.index(before)
        let new = DayComparison.index(after)
        for (task, parent) in after.entries.map({ ($0.task, DayComparison.parentID($0, in: after)) }) {
            guard let id = task.id, let (previous, previousParent) = old[id] else {
                if task.state == .done { done.append(Item(task)) } else if task.state == .cancelled { cancelled.append(Item(task)) } else { self.new.append(Item(task)) }
                continue
            }
            switch (previous.state, task.state) {
            case (let was, .done) where was != .done: done.append(Item(task))
            case (let was, .cancelled) where was != .cancelled: cancelled.append(Item(task))
            case (.carried, let now) where now.isUnfinished: carried.append(Item(task))
            case (let was, .carried) where was.isUnfinished:
                var item = Item(task)
                item.day = task.carriedTo?.iso
                carried.append(item)
            case (let was, let now) where was.isUnfinished && now.isUnfinished: stillOpen.append(Item(task))
            default: break
            }
            if previous.description != task.description {
                var item = Item(task)
                item.before = previous.description
                item.words = WordDiff.marked(from: previous.description, to: task.description)
                reworded.append(item)
            }
            let fieldChanges = TaskFields.changes(from: previous.fields, to: task.fields)
            if !fieldChanges.isEmpty {
                var item = Item(task)
                item.words = fieldChanges.map { "\($0.name) \($0.from ?? "(none)") → \($0.to ?? "(none)")" }.joined(separator: ", ")
                changed.append(item)
            }
            if previousParent != parent {
                var item = Item(task)
                item.parentBefore = previousParent?.value
                item.parentAfter = parent?.value
                renested.append(item)
            }
        }
        for entry in before.entries {
            guard let id = entry.task.id, new[id] == nil, entry.task.state.isUnfinished || entry.task.state == .carried else { continue }
            let now = try whereabouts(id)
            if now?.removed == true { continue }
            if let now, now.state.isFinished, now.day <= toDay {
                // Finished on a day between the two: what got done since FROM.
                var task = entry.task
                task.setState(now.state)
                var item = Item(task)
                item.day = now.day.iso
                if now.state == .done { done.append(item) } else { cancelled.append(item) }
            } else if let now, now.day > toDay, now.state.isUnfinished || now.state == .carried {
                var item = Item(entry.task)
                item.day = now.day.iso
                moved.append(item)
            } else if now.map({ $0.state.isUnfinished || $0.state == .carried }) ?? true {
                dropped.append(Item(entry.task))
            }
        }
    }

    private static func index(_ file: DayFile) -> [TaskID: (TaskLine, TaskID?)] {
        var result: [TaskID: (TaskLine, TaskID?)] = [:]
        for entry in file.entries {
            if let id = entry.task.id, result[id] == nil { result[id] = (entry.task, parentID(entry, in: file)) }
        }
        return result
    }

    private static func parentID(_ entry: DayFile.Entry, in file: DayFile) -> TaskID? {
        entry.parentLineIndex.flatMap { file.lines[$0].task?.id }
    }
}
