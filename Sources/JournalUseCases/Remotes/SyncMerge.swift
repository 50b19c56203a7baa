import Git
import JournalModel
import JournalStore

/// The merge a sync makes when both sides changed.
extension Sync {
    /// A merge commit of HEAD and `incoming`. Day files are merged by journal alone
    /// (`JournalMerge`: by task within a day, then across days, one place per task), whatever
    /// `.gitattributes` says, and the day template by task as a day is; other files by libgit2
    /// (`git_merge_commits`), and where Git's line merge conflicts both versions are kept.
    func merge(_ incoming: Commit, into head: Commit, from remote: String, report: inout SyncReport) throws {
        var keptBoth: [String] = []
        let mergedTree = try store.repository.mergeCommits(head, incoming) { sides in
            if mergesByTask(sides.path) { return [:] }
            guard let ours = sides.ours, let theirs = sides.theirs else {
                // Deleted on one side, changed on the other: the changed version stays.
                return (sides.ours ?? sides.theirs).map { [sides.path: $0] } ?? [:]
            }
            keptBoth.append(sides.path)
            return [sides.path: ours, "\(sides.path).conflict-\(incoming.id.short)": theirs]
        }
        report.keptBoth = keptBoth.sorted()

        var draft = try Draft(repository: store.repository, state: store.state, marker: store.marker)
        draft.otherParents = [incoming]
        draft.givesCopiesFreshIDs = false
        let merged = try store.repository.tree(mergedTree)
        for path in try store.repository.changedPaths(from: try head.tree(), to: merged) where !mergesByTask(path) {
            draft.writeFile(try merged.entry(atPath: path).map { try store.repository.blobContent($0.id) }, at: path)
        }
        let repository = store.repository
        let baseTree = try repository.mergeBase(head.id, incoming.id).map { try repository.commit($0).tree() }
        try mergeTemplate(head: head, incoming: incoming, base: baseTree, into: &draft)
        let days = try mergeDays(head: head, incoming: incoming, base: baseTree)
        for (day, file) in days.days {
            guard file != (try draft.committed.file(for: day)) else { continue }
            if let file { draft.write(file, for: day) } else { draft.writeFile(nil, at: store.layout.path(for: day)) }
        }
        report.mergedDays = days.mergedByTask.map(\.iso)
        report.withdrawn = days.placement.withdrawn
        report.redirected = days.placement.redirected
        report.sameOccurrences = days.sameOccurrences

        let subject = report.mergedDays.isEmpty ? "" : ": \(counted(report.mergedDays.count, "day")) merged by task"
        let body = report.mergedDays.map { "merged \($0) task by task" } + report.keptBoth.map { "kept both versions of \($0)" }
            + report.withdrawn.map { "withdrew ^\($0.id.value) from \($0.day.iso): finished on \($0.standsOn.iso)" }
            + report.redirected.map { "^\($0.id.value) on \($0.day.iso) now points to \($0.standsOn.iso), where it stands" }
            + report.sameOccurrences.map { "^\($0.dropped.value) on \($0.day.iso) left out: the same occurrence as ^\($0.kept.value)" }
        draft.message = CommitMessage(command: .sync, subject: "sync: merge \(remote)/\(try store.branch())\(subject)", body: body)
        try store.commit(&draft)
    }

    private func mergesByTask(_ path: String) -> Bool {
        store.layout.day(at: path) != nil || path == DayTemplate.path
    }

    /// The day template merged by task as a day is, into the draft, where theirs changed it.
    private func mergeTemplate(head: Commit, incoming: Commit, base: Tree?, into draft: inout Draft) throws {
        func template(_ tree: Tree?) throws -> DayFile? {
            try DayTree(tree: tree, repository: store.repository, marker: store.marker).bytes(at: DayTemplate.path).map { DayFile(bytes: $0, words: store.marker.taskWords) }
        }
        let ours = try template(try head.tree())
        let merged = JournalMerge.mergeFile(base: try template(base), ours: ours, theirs: try template(try incoming.tree())).file
        if merged != ours { draft.writeFile(merged?.bytes, at: DayTemplate.path) }
    }

    /// The days either side changed since the merge base, merged.
    private func mergeDays(head: Commit, incoming: Commit, base baseTree: Tree?) throws -> JournalMerge.Result {
        let repository = store.repository
        let ourTree = try head.tree()
        let theirTree = try incoming.tree()
        let changed = Set(try (repository.changedPaths(from: baseTree, to: ourTree) + repository.changedPaths(from: baseTree, to: theirTree))
            .compactMap(store.layout.day(at:)))
        func days(_ tree: Tree?) throws -> TaskPlacement.Days {
            let files = DayTree(tree: tree, repository: repository, marker: store.marker)
            var result: TaskPlacement.Days = [:]
            for day in changed { result[day] = try files.file(for: day) }
            return result
        }
        return JournalMerge.merge(base: try days(baseTree), ours: try days(ourTree), theirs: try days(theirTree))
    }
}
