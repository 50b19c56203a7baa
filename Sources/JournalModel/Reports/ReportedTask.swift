/// A task as the reports list it.
public struct ReportedTask: Equatable, Sendable {
    public let id: String?
    public let text: String
    public let state: TaskState
    public let tags: [String]
    /// The day it first appeared.
    public let since: String
    /// The day the report speaks of: when it was finished or dropped, or where it stands now.
    public let day: String
    public let timesCarried: Int
    /// The lines written under it (a link, a sentence), on the last day it appears.
    public let notes: [String]

    package init(_ life: TaskTimeline.Life, day: Day? = nil) {
        id = life.id
        text = life.text
        state = life.state
        tags = life.tags
        since = life.firstDay.iso
        self.day = (day ?? life.lastDay).iso
        timesCarried = life.timesCarried
        notes = life.notes
    }
}
