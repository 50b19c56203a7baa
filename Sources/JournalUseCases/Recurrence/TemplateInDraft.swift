import JournalModel
import JournalStore

extension Draft {
    /// The day template as this command sees it, with an id on every task (written into the
    /// template by this command where it lacked them), or nil when the journal has none. Its ids
    /// are reserved, so that no new task takes one. A problem in it stops the command.
    mutating func dayTemplate() throws -> DayTemplate? {
        guard let bytes = try bytes(at: DayTemplate.path) else { return nil }
        var template = DayTemplate(DayFile(bytes: bytes))
        if let problem = template.problems.first { throw JournalError.invalidTemplate(problem.description) }
        reservedIDs.formUnion(template.tasks.compactMap(\.id))
        if let identified = try template.identified(freshID: { try freshID(besides: $0) }) {
            writeFile(identified.bytes, at: DayTemplate.path)
            template = DayTemplate(identified)
            reservedIDs.formUnion(template.tasks.compactMap(\.id))
        }
        return template
    }
}
