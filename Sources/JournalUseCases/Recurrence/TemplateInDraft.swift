import JournalModel
import JournalStore

extension Draft {
    /// The day template as this command sees it, with an id on every task (written into the
    /// template by this command where it lacked them, or shared one with a task of the days),
    /// or nil when the journal has none. A problem in it stops the command, unless it is
    /// `tolerated` (removing a task must work on a template `journal new` refuses).
    mutating func dayTemplate(toleratingProblems tolerated: Bool = false) throws -> DayTemplate? {
        guard let bytes = try bytes(at: DayTemplate.path) else { return nil }
        var template = DayTemplate(DayFile(bytes: bytes, words: committed.marker.taskWords))
        if !tolerated, let problem = template.problems.first { throw JournalError.invalidTemplate(problem.description) }
        let registry = try loadedRegistry()
        if let identified = try template.identified(isTaken: registry.contains, freshID: { try freshID(besides: $0) }) {
            writeFile(identified.bytes, at: DayTemplate.path)
            template = DayTemplate(identified)
        }
        return template
    }
}
