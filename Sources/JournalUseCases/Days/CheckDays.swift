import JournalModel
import JournalStore

public struct CheckDays {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public struct DayCheck: Equatable {
        public let checkedFiles: Int
        public let problems: [DayProblem]
    }

    /// `journal check`: the day files of `days` as they are in the working tree; without days,
    /// every day file and every file in a folder only days belong in (`2025/…`), or only those
    /// that differ from the last commit (what a pre-commit hook is about to let through). A file
    /// that is not a day file but sits in a day folder is a problem too: another machine's sync
    /// would refuse it. Without days, the day template too (a rule it cannot read stops
    /// `journal new`).
    public func run(days: [Day], changedOnly: Bool) throws -> DayCheck {
        let paths: [String]
        var checksTemplate = false
        if !days.isEmpty {
            paths = days.map(store.layout.path(for:))
        } else if changedOnly {
            let uncommitted = try store.uncommittedPaths()
            paths = uncommitted.filter(isChecked)
            checksTemplate = uncommitted.contains(DayTemplate.path)
        } else {
            paths = dayFolderPaths()
            checksTemplate = true
        }
        var problems: [DayProblem] = []
        var checked = 0
        if checksTemplate, let template = try store.files.read(DayTemplate.path) {
            problems += DayTemplate(DayFile(bytes: template, words: store.marker.taskWords)).problems
        }
        var read: TaskPlacement.Days = [:]
        let layout = store.layout
        let words = store.marker.taskWords
        let headingRequired = layout == .standard
        for path in paths {
            guard let day = layout.day(at: path) else {
                problems.append(DayProblem(path: path, line: 1, message: "not a day file: day folders hold only \(layout.pattern) (sync refuses anything else)"))
                continue
            }
            let bytes: [UInt8]?
            do {
                bytes = try store.files.read(path)
            } catch JournalError.unsafePath(_, let reason) {
                problems.append(DayProblem(path: path, line: 1, message: reason))
                continue
            }
            guard let bytes else {
                if !days.isEmpty { throw JournalError.noSuchDay(day) }
                continue
            }
            checked += 1
            read[day] = DayFile(bytes: bytes, words: words)
            problems += DayProblem.find(in: read[day]!, day: day, path: path, headingRequired: headingRequired)
        }
        // A task in two places is a problem only the days together show.
        let removals = Removals(store)
        problems += try TaskPlacement.problems(in: read, layout: layout) { try removals.removal(of: $0) != nil }
        return DayCheck(checkedFiles: checked, problems: problems)
    }

    private func isChecked(_ path: String) -> Bool {
        store.layout.day(at: path) != nil || store.layout.isInDayFolder(path)
    }

    /// Every day file of the working tree and every other path in a day folder, links and all,
    /// without following links; folders no day can be in are not listed.
    private func dayFolderPaths() -> [String] {
        let layout = store.layout
        return FileSystem.files(below: store.directory) { folder in
            layout.mayHoldDays(inFolder: folder) || layout.isInDayFolder(folder + "/")
        }.filter(isChecked)
    }
}
