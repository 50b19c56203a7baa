import JournalModel
import JournalStore

/// How a user names a task: its number in a day's list, or its id (`k7f3q` or `^k7f3q`).
public enum TaskReference: Equatable {
    case number(Int)
    case id(TaskID)
    /// Five digits without `^` or a leading zero: a task number, or the id of a task from a journal
    /// made before ids always held a letter. Whichever of the two exists is meant; both is ambiguous.
    case numberOrID(Int, TaskID)

    public init?(_ text: String) {
        let id = TaskID(reference: text)
        if let id, !text.hasPrefix("^"), id.isAllDigits, !text.hasPrefix("0"), let number = Int(text) {
            self = .numberOrID(number, id)
        } else if let id {
            self = .id(id)
        } else if let number = Int(text), number > 0 {
            self = .number(number)
        } else {
            return nil
        }
    }

    /// The single reading that names something, from a check of each: both readings is an error
    /// that shows them, neither is the error of the number reading.
    static func choose<T>(_ text: String, number: () throws -> T, id: () throws -> T?, describe: (T) -> String) throws -> T {
        let asNumber = Result { try number() }
        guard let asID = try id() else { return try asNumber.get() }
        guard case .success(let numbered) = asNumber else { return asID }
        throw JournalError.ambiguousReference(text, asNumber: describe(numbered), asID: describe(asID))
    }
}

/// Finds the task a user names, for the commands that change or show one.
struct TaskFinder {
    let store: Journal

    init(_ store: Journal) {
        self.store = store
    }

    /// Where each named task stands, each once, resolved on the files as they are before any
    /// change: numbers mean what `journal show` printed, and one that names no task stops the
    /// command before anything is written.
    func locateAll(_ references: [TaskReference], near day: Day, in draft: inout Draft) throws -> [(day: Day, entry: DayFile.Entry)] {
        var targets: [(day: Day, entry: DayFile.Entry)] = []
        for reference in references {
            let (taskDay, entry) = try locate(reference, near: day, in: &draft)
            if !targets.contains(where: { $0.day == taskDay && $0.entry.lineIndex == entry.lineIndex }) {
                targets.append((taskDay, entry))
            }
        }
        return targets
    }

    /// Refuses a number that names another task than the one journal last printed under it for
    /// that day (a task added above it, or removed, since): both are shown, and the ids work.
    private func checkShown(_ number: Int, on day: Day, now entry: DayFile.Entry, in file: DayFile) throws {
        guard let shown = ShownListings.load(from: store.state).listing(for: day), number <= shown.count,
              let shownID = shown[number - 1], shownID != entry.task.id else { return }
        let then = file.entry(for: shownID).map { "^\(shownID.value) \($0.task.description)" } ?? "^\(shownID.value), since gone from \(day.iso)"
        let now = "^\(entry.task.id?.value ?? "?") \(entry.task.description)"
        throw JournalError.refusedRequest(
            "task \(number) of \(day.iso) was \(then) when the list was last shown; it is \(now) now. Give the id, or 'journal show' the list again")
    }

    /// Where a task stands now: its day and its line there. A task named by id is looked for in
    /// `day` first, then on the day it was last seen; a carried copy leads to where it went.
    func locate(_ reference: TaskReference, near day: Day, in draft: inout Draft) throws -> (Day, DayFile.Entry) {
        switch reference {
        case .numberOrID(let number, let id):
            let text = id.value
            return try TaskReference.choose(
                text, number: { try locate(.number(number), near: day, in: &draft) },
                id: {
                    do { return try locate(.id(id), near: day, in: &draft) } catch JournalError.noSuchTask { return nil }
                },
                describe: { "^\($0.1.task.id?.value ?? "?") \($0.1.task.text) (\($0.0.iso))" })
        case .number(let number):
            guard let file = try draft.file(for: day) else { throw JournalError.noSuchDay(day) }
            let entries = file.entries
            guard number <= entries.count else {
                throw JournalError.taskNumberOutOfRange(number, day, count: entries.count)
            }
            let entry = entries[number - 1]
            try checkShown(number, on: day, now: entry, in: file)
            // A carried line is a record; the task itself is on the day it was carried to.
            if entry.task.state == .carried, let id = entry.task.id, let next = entry.task.carriedTo {
                return try locate(.id(id), near: next, in: &draft)
            }
            return (day, entry)
        case .id(let id):
            var candidates = [day]
            if let seen = try draft.lastDay(of: id) { candidates.append(seen) }
            for candidate in candidates {
                guard var entry = try draft.file(for: candidate)?.entry(for: id) else { continue }
                var current = candidate
                var visited: Set<Day> = [candidate]
                while entry.task.state == .carried, let next = entry.task.carriedTo, visited.insert(next).inserted,
                      let forward = try draft.file(for: next)?.entry(for: id) {
                    entry = forward
                    current = next
                }
                return (current, entry)
            }
            throw JournalError.noSuchTask("^" + id.value, nil)
        }
    }
}
