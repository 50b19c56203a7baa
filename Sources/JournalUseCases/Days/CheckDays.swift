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
    /// every file in the day folders, or only those that differ from the last commit (what a
    /// pre-commit hook is about to let through). A file that is not a day file but sits in a day
    /// folder is a problem too: another machine's sync would refuse it. Without days, the day
    /// template too (a rule it cannot read stops `journal new`).
    public func run(days: [Day], changedOnly: Bool) throws -> DayCheck {
        let paths: [String]
        var checksTemplate = false
        if !days.isEmpty {
            paths = days.map(DayPath.path(for:))
        } else if changedOnly {
            let uncommitted = try store.uncommittedPaths()
            paths = uncommitted.filter(CheckDays.isInDayFolder)
            checksTemplate = uncommitted.contains(DayTemplate.path)
        } else {
            paths = dayFolderPaths()
            checksTemplate = true
        }
        var problems: [DayProblem] = []
        var checked = 0
        if checksTemplate, let template = try store.files.read(DayTemplate.path) {
            problems += DayTemplate(DayFile(bytes: template)).problems
        }
        var read: TaskPlacement.Days = [:]
        for path in paths {
            guard let day = DayPath.day(at: path) else {
                problems.append(DayProblem(path: path, line: 1, message: "not a day file: day folders hold only YYYY/MM/YYYY-MM-DD.md (sync refuses anything else)"))
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
            read[day] = DayFile(bytes: bytes)
            problems += DayProblem.find(in: read[day]!, day: day)
        }
        // A task in two places is a problem only the days together show.
        let removals = Removals(store)
        problems += try TaskPlacement.problems(in: read) { try removals.removal(of: $0) != nil }
        return DayCheck(checkedFiles: checked, problems: problems)
    }

    private static func isInDayFolder(_ path: String) -> Bool {
        guard let first = path.split(separator: "/").first else { return false }
        return first.count == 4 && first.allSatisfy(\.isNumber)
    }

    /// Every path under the `YYYY` folders of the working tree, links and all, without
    /// following links.
    private func dayFolderPaths() -> [String] {
        func below(_ folder: String) -> [String] {
            (FileSystem.names(in: store.files.absolute(folder)) ?? []).flatMap { name -> [String] in
                let path = folder + "/" + name
                return FileSystem.isDirectory(store.files.absolute(path)) ? below(path) : [path]
            }
        }
        return (FileSystem.names(in: store.directory) ?? []).filter(CheckDays.isInDayFolder)
            .filter { FileSystem.isDirectory(store.files.absolute($0)) }.flatMap(below)
    }
}
