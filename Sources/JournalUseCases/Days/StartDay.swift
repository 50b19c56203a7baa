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
        /// Tasks that stood in two places (two machines carried them apart) and were put right first.
        public let placement: TaskPlacement.Result
        /// Occurrences of the day template's tasks added to the day.
        public let occurrences: Int
        /// Unfinished occurrences of earlier days closed as missed.
        public let missed: Int
        public var carriedCount: Int { carried.values.reduce(0) { $0 + $1.count } }
    }

    /// `journal new`: starts `day` from the day template (its lines, and its tasks whose rule
    /// names the day) and, unless `carry` is false, carries forward every unfinished task of the
    /// days before it, marking each `[>] … → day` where it was, under `carryHeading` if given.
    /// Unfinished occurrences are closed as missed instead. One commit.
    public func run(_ day: Day, carry: Bool, carryHeading: String? = nil) throws -> StartedDay {
        try store.write { draft in
            let existing = try draft.file(for: day)
            let template = try draft.dayTemplate()
            var sources: [(day: Day, file: DayFile)] = []
            var placement = TaskPlacement.Result()
            if carry {
                sources = try identified(try carrySources(before: day, in: draft), in: &draft)
                placement = try placeTasks(of: sources, startingOn: day, in: &draft)
                sources = sources.map { ($0.day, placement.changed[$0.day] ?? $0.file) }
            }
            let carriedTasks = template?.carriedTasks ?? []
            // An unfinished occurrence of a `when done` rule comes by carry; the template adds none then.
            let carriedIn = Set(sources.flatMap { $0.file.tasks.filter { $0.state.isUnfinished }.compactMap(\.occurrenceOf) })
                .intersection(carriedTasks)
            var target = template?.start(existing, on: day, skipping: carriedIn) ?? existing ?? DayFile.new(for: day, words: store.marker.taskWords)
            let occurrences = StartDay.occurrences(in: target) - (existing.map(StartDay.occurrences(in:)) ?? 0)
            var result = CarryForward.Result(target: target)
            if carry {
                result = CarryForward.carry(from: sources, into: target, on: day, carriedTemplateTasks: carriedTasks, underHeading: carryHeading)
                target = result.target
                for (sourceDay, file) in result.changedSources { draft.write(file, for: sourceDay) }
            }
            if existing == nil || result.target != existing || !placement.changed.isEmpty {
                draft.write(target, for: day)
                let repairs = placement.redirected.map { "^\($0.id.value) stood on \($0.day.iso) and \($0.standsOn.iso): now only on \($0.standsOn.iso)" }
                    + placement.withdrawn.map { "^\($0.id.value) withdrawn from \($0.day.iso): finished on \($0.standsOn.iso)" }
                    + result.missed.sorted { $0.key < $1.key }.flatMap { day, ids in ids.map { "^\($0.value) missed on \(day.iso)" } }
                draft.message = CommitMessage(command: carry ? .new : .newWithoutCarry, subject: StartDay.startSubject(day, result), day: day,
                                              tasks: result.carried.values.flatMap { $0 }, body: repairs)
            }
            return StartedDay(day: day, created: existing == nil, carried: result.carried, alreadyPresent: result.alreadyPresent,
                              placement: placement, occurrences: occurrences, missed: result.missed.values.reduce(0) { $0 + $1.count })
        }
    }

    /// After `journal new` has shown the day: the post-new hook, given the date and, in
    /// `JOURNAL_FILE`, the day's file.
    public func announce(_ day: Day) {
        store.announceLater(.postNew, arguments: [day.iso], environment: ["JOURNAL_FILE": store.files.absolute(store.layout.path(for: day))])
        store.announcePending()
    }

    private static func occurrences(in file: DayFile) -> Int {
        file.tasks.filter { $0.occurrenceOf != nil }.count
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
    /// day) and reads only the days changed since, or not covered by it. Notes adopted by
    /// `journal init` count as carried up to their latest day: the boxes left unticked in years
    /// of notes kept by hand are history, not today's work.
    func carrySources(before day: Day, in draft: Draft) throws -> [(day: Day, file: DayFile)] {
        let days = draft.committed
        guard let latest = try days.latestDay(before: day) else { return [] }
        var candidates: Set<Day> = [latest]
        if let (checkpoint, checkpointDay) = try lastCarry(from: draft.head) {
            let changed = try store.repository.changedPaths(from: try checkpoint.tree(), to: days.tree)
            candidates.formUnion(changed.compactMap(store.layout.day(at:)).filter { $0 < latest })
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

    /// The sources with an id on every task: one committed without (by plain `git`) must have it
    /// before it is copied, or the arrow and the copy would each get an id of their own.
    private func identified(_ sources: [(day: Day, file: DayFile)], in draft: inout Draft) throws -> [(day: Day, file: DayFile)] {
        let lacking = sources.filter { $0.file.tasks.contains { $0.id == nil } }
        guard !lacking.isEmpty else { return sources }
        for (day, file) in lacking { draft.write(file, for: day) }
        try draft.assignIDs()
        return try sources.map { ($0.day, try draft.file(for: $0.day) ?? $0.file) }
    }

    /// Tasks of the sources that also stand on another day (a sync of an older journal, or a
    /// plain `git pull`, left them in two places): put right before carrying, so that a task
    /// finished elsewhere is not carried again and none is carried twice. The other day is the
    /// latest one the id log has seen the task on.
    private func placeTasks(of sources: [(day: Day, file: DayFile)], startingOn day: Day, in draft: inout Draft) throws -> TaskPlacement.Result {
        var days = TaskPlacement.Days(uniqueKeysWithValues: sources.map { ($0.day, $0.file) })
        let unfinished = Set(sources.flatMap { $0.file.tasks.filter(\.state.isUnfinished).compactMap(\.id) })
        guard !unfinished.isEmpty else { return TaskPlacement.Result() }
        for (_, other) in try draft.loadedRegistry().lastDays(of: unfinished) where other != day && days[other] == nil {
            days[other] = try draft.file(for: other)
        }
        let placement = TaskPlacement.repair(days)
        for (changedDay, file) in placement.changed { draft.write(file, for: changedDay) }
        return placement
    }

    /// The newest commit of a carrying `journal new` among recent first-parent history, with its day.
    func lastCarry(from head: Commit?, searching limit: Int = 500) throws -> (Commit, Day)? {
        guard let head else { return nil }
        var found: (Commit, Day)?
        var seen = 0
        try store.repository.walkFirstParents(from: head.id) { commit in
            let message = CommitMessage.Parsed(commit.message)
            if message.commandName == .new, let day = message.day { found = (commit, day) }
            if message.commandName == .initialize, found == nil {
                let adopted = try DayTree(tree: try commit.tree(), repository: store.repository, marker: store.marker).lastDay()
                found = (commit, adopted ?? .earliest)
            }
            seen += 1
            return found == nil && seen < limit
        }
        return found
    }
}
