/// How a user names a task: its number in a day's list, or its id (`k7f3q` or `^k7f3q`).
public enum TaskReference: Equatable {
    case number(Int)
    case id(TaskID)

    public init?(_ text: String) {
        if let number = Int(text), number > 0 {
            self = .number(number)
        } else if let id = TaskID(reference: text) {
            self = .id(id)
        } else {
            return nil
        }
    }
}

extension Journal {
    /// Where a task stands now: its day and its line there. A task named by id is looked for in
    /// `day` first, then on the day it was last seen; a carried copy leads to where it went.
    func locate(_ reference: TaskReference, near day: Day, in draft: inout Draft) throws -> (Day, DayFile.Entry) {
        switch reference {
        case .number(let number):
            guard let file = try draft.file(for: day) else { throw JournalError.noSuchDay(day) }
            let entries = file.entries
            guard number <= entries.count else {
                throw JournalError.taskNumberOutOfRange(number, day, count: entries.count)
            }
            let entry = entries[number - 1]
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
