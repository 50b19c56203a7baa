import Git
import JournalModel
import JournalStore

public struct StartDay {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public struct StartedDay: Equatable {
        public let day: Day
        /// False when the day already had a file (run twice, or tasks added ahead of time).
        public let created: Bool
        public let carried: [Day: [TaskID]]
        public let alreadyPresent: Int
        public var carriedCount: Int { carried.values.reduce(0) { $0 + $1.count } }
    }

    /// `journal new`: starts `day` and, unless `carry` is false, carries forward every unfinished
    /// task of the days before it, marking each `[>] … → day` where it was. One commit.
    public func run(_ day: Day, carry: Bool) throws -> StartedDay {
        try store.write { draft in
            let existing = try draft.file(for: day)
            var target = existing ?? DayFile.new(for: day)
            var result = CarryForward.Result(target: target)
            if carry {
                let sources = try carrySources(before: day, in: draft)
                result = CarryForward.carry(from: sources, into: target, on: day)
                target = result.target
                for (sourceDay, file) in result.changedSources { draft.write(file, for: sourceDay) }
            }
            if existing == nil || result.target != existing {
                draft.write(target, for: day)
                draft.message = CommitMessage(command: carry ? .new : .newWithoutCarry, subject: StartDay.startSubject(day, result), day: day, tasks: result.carried.values.flatMap { $0 })
            }
            return StartedDay(day: day, created: existing == nil, carried: result.carried, alreadyPresent: result.alreadyPresent)
        }
    }

    /// After `journal new` has shown the day: the post-new hook, given the date and, in
    /// `JOURNAL_FILE`, the day's file.
    public func announce(_ day: Day) {
        store.announceLater(.postNew, arguments: [day.iso], environment: ["JOURNAL_FILE": store.files.absolute(DayPath.path(for: day))])
        store.announcePending()
    }

    private static func startSubject(_ day: Day, _ result: CarryForward.Result) -> String {
        let sources = result.carried.keys.sorted()
        guard let latest = sources.last else { return "new \(day.iso)" }
        let older = sources.count > 1 ? " and \(sources.count - 1) older day\(sources.count > 2 ? "s" : "")" : ""
        return "new \(day.iso): carried \(result.carriedCount) from \(latest.iso)\(older)"
    }

    /// The days whose unfinished tasks `journal new` must carry: the latest day before `day`,
    /// and every older day that still has an unfinished task. To avoid reading ten years of files,
    /// it starts from the last `journal new` that carried (which left no unfinished task before its
    /// day) and reads only the days changed since, or not covered by it.
    func carrySources(before day: Day, in draft: Draft) throws -> [(day: Day, file: DayFile)] {
        let days = draft.committed
        guard let latest = try days.latestDay(before: day) else { return [] }
        var candidates: Set<Day> = [latest]
        if let (checkpoint, checkpointDay) = try lastCarry(from: draft.head) {
            let changed = try store.repository.changedPaths(from: try checkpoint.tree(), to: days.tree)
            candidates.formUnion(changed.compactMap(DayPath.day(at:)).filter { $0 < latest })
            if checkpointDay < latest {
                candidates.formUnion(try days.allDays().filter { $0 >= checkpointDay && $0 < latest })
            }
        } else {
            candidates.formUnion(try days.allDays().filter { $0 < latest })
        }
        return try candidates.sorted().compactMap { candidate in
            guard let file = try draft.file(for: candidate), file.tasks.contains(where: { $0.state.isUnfinished }) else { return nil }
            return (candidate, file)
        }
    }

    /// The newest commit of a carrying `journal new` among recent first-parent history, with its day.
    private func lastCarry(from head: Commit?, searching limit: Int = 500) throws -> (Commit, Day)? {
        guard let head else { return nil }
        var found: (Commit, Day)?
        var seen = 0
        try store.repository.walkFirstParents(from: head.id) { commit in
            let message = CommitMessage.Parsed(commit.message)
            if message.commandName == .new, let day = message.day { found = (commit, day) }
            seen += 1
            return found == nil && seen < limit
        }
        return found
    }
}
