import JournalModel

extension Journal {
    /// The day as it stands in the working tree (uncommitted edits included).
    public func view(of day: Day) throws -> DayView {
        guard let file = try currentFile(for: day) else { throw JournalError.noSuchDay(day) }
        return DayView(day: day, file: file)
    }
}
