/// What the day files say about each task over time: the day it first appeared, how often it
/// was carried, when it was finished or dropped, and how it stands on the last day it appears.
/// A task is followed by its id; one without an id, by its text, until an id is written to it.
package struct TaskTimeline {
    package struct Life {
        package let key: String
        package var id: String?
        package var text: String
        package var tags: [String]
        /// The lines written under it, as they stand on `lastDay`.
        package var notes: [String] = []
        package var firstDay: Day
        package var lastDay: Day
        /// Its state on `lastDay`; `carried` there means it went to a day not read.
        package var state: TaskState
        package var timesCarried = 0
        /// The day it was marked done (or cancelled), while it stays so.
        package var finishedOn: Day?
        package var cancelledOn: Day?
        /// For an occurrence of a recurring task: the template task's id.
        package var occurrenceOf: String?

        /// Still to do when the days read end: open, in progress, or carried beyond them.
        package var isOpenAtEnd: Bool { state.isUnfinished || state == .carried }
    }

    package private(set) var lives: [Life] = []
    private var positions: [String: Int] = [:]

    /// `days` oldest first.
    package init(_ days: [(day: Day, file: DayFile)]) {
        for (day, file) in days {
            let tags = file.tagsWithParents
            for (index, line) in file.lines.enumerated() {
                guard let task = line.task else { continue }
                let notes = file.contentLines(ofTaskAt: index).filter { !file.lines[$0].isBlank }
                    .map { String(file.lines[$0].text.drop { $0 == " " || $0 == "\t" }) }
                record(task, tags: tags[index] ?? task.tags, notes: notes, on: day)
            }
        }
    }

    /// Takes each task's first day and times carried from the whole history where it knows
    /// them: the days read may begin after a task did, and only history knows a withdrawn carry.
    package mutating func amend(with lifetimes: [String: (firstDay: Day, timesCarried: Int)]) {
        for position in lives.indices {
            guard let id = lives[position].id, let known = lifetimes[id] else { continue }
            lives[position].firstDay = min(lives[position].firstDay, known.firstDay)
            lives[position].timesCarried = known.timesCarried
        }
    }

    package static func key(of task: TaskLine) -> String { task.id.map { "^" + $0.value } ?? task.text }

    private mutating func record(_ task: TaskLine, tags: [String], notes: [String], on day: Day) {
        let key = TaskTimeline.key(of: task)
        if positions[key] == nil, let id = task.id, let unnamed = positions[task.text], lives[unnamed].id == nil {
            // Written without an id on the days before: the same task, as history names it.
            positions[key] = unnamed
            lives[unnamed].id = id.value
        }
        guard let position = positions[key] else {
            positions[key] = lives.count
            var life = Life(key: key, id: task.id?.value, text: task.text, tags: tags, notes: notes, firstDay: day, lastDay: day, state: task.state)
            life.occurrenceOf = task.occurrenceOf?.value
            life.note(task.state, on: day, previous: nil)
            lives.append(life)
            return
        }
        let previous = lives[position].state
        lives[position].text = task.text
        lives[position].tags = tags
        lives[position].notes = notes
        lives[position].lastDay = day
        lives[position].state = task.state
        lives[position].note(task.state, on: day, previous: previous)
    }
}

private extension TaskTimeline.Life {
    mutating func note(_ state: TaskState, on day: Day, previous: TaskState?) {
        if state == .carried { timesCarried += 1 }
        if state == .done { finishedOn = previous == .done ? finishedOn : day } else { finishedOn = nil }
        if state == .cancelled { cancelledOn = previous == .cancelled ? cancelledOn : day } else { cancelledOn = nil }
    }
}
