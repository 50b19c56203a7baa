/// Where each task stands across the journal's days, and how the days are put right when two
/// machines moved one task differently (each carried it to a day of its own, or one carried
/// what the other finished). The per-day merge cannot see this: each day file is right alone.
///
/// A task stands on the earliest day it was finished, or else on the latest day it is
/// unfinished. Every other copy of it is an arrow to that day when earlier; when later than a
/// finish (a carry the finish made moot) it is withdrawn, or, when lines are nested under it,
/// kept as an arrow back to the finish so that they keep their place. Whatever either side
/// changed in the task (state, wording), on whichever copy it had, is applied to the copy that
/// stands.
public enum TaskPlacement {
    public typealias Days = [Day: DayFile]

    public struct Result: Equatable, Sendable {
        /// The days whose files change, as they must now read.
        public var changed: Days = [:]
        /// Copies withdrawn because the task was finished on an earlier day.
        public var withdrawn: [Move] = []
        /// Copies made arrows to the day the task stands on.
        public var redirected: [Move] = []

        public init() {}
    }

    /// A copy of a task on `day`, and the day the task stands on.
    public struct Move: Equatable, Sendable {
        public let id: TaskID
        public let day: Day
        public let standsOn: Day
    }

    /// Puts right days that hold a task in two places, with no history to go on: what a plain
    /// `git pull`, or an older journal's sync, may have left.
    public static func repair(_ days: Days) -> Result {
        merge(days, base: days, ours: days, theirs: days)
    }

    /// Each copy that puts a task in a second place, and each arrow to a day (among `days`)
    /// that does not have the task, as `FILE:LINE` problems. `journal check` asks this of every
    /// day of the journal: it keeps a `Mark` per task line, not a `Copy` with the task's text
    /// (with copies, `check` on ten years took 1.45× its time before; with marks, 1.26–1.28×).
    public static func problems(in days: Days, layout: DayLayout) -> [DayProblem] { problems(in: days, layout: layout) { _ in false } }

    /// The same, where `isRemoved` says whether a task was deleted on purpose (`journal rm`), its
    /// carried records left where they were: an arrow to it is then no problem.
    public static func problems(in days: Days, layout: DayLayout, isRemoved: (TaskID) throws -> Bool) rethrows -> [DayProblem] {
        var marks: [TaskID: [Mark]] = [:]
        for day in days.keys.sorted() {
            for (index, line) in days[day]!.lines.enumerated() {
                guard let task = line.task, let id = task.id else { continue }
                marks[id, default: []].append(Mark(day: day, line: index + 1, state: task.state, carriedTo: task.carriedTo))
            }
        }
        var problems: [DayProblem] = []
        for (id, copies) in marks where copies.count > 1 || copies[0].carriedTo != nil {
            func report(_ mark: Mark, _ message: String) {
                problems.append(DayProblem(path: layout.path(for: mark.day), line: mark.line, message: "task ^\(id.value) " + message))
            }
            for mark in copies {
                if let target = mark.carriedTo, days[target] != nil, !copies.contains(where: { $0.day == target }), try !isRemoved(id) {
                    report(mark, "is carried to \(target.iso), which does not have it (deleted there by hand?)")
                }
            }
            // The same rule as `Copy.standing`.
            guard let standing = copies.first(where: \.state.isFinished) ?? copies.last(where: \.state.isUnfinished) else { continue }
            for mark in copies where mark.day != standing.day && mark.state != .carried {
                if mark.state.isFinished {
                    report(mark, "is also finished on \(standing.day.iso): delete one of the two lines")
                } else if standing.state.isFinished {
                    report(mark, "was finished on \(standing.day.iso), yet stands unfinished here: delete this line, or mark it [>] → \(standing.day.iso)")
                } else {
                    report(mark, "also stands unfinished on \(standing.day.iso): the next 'journal new' makes this copy an arrow to it")
                }
            }
        }
        return problems.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    }

    /// Where a task line is and what its box says: all `problems` needs of it.
    private struct Mark {
        let day: Day
        let line: Int
        let state: TaskState
        let carriedTo: Day?
    }

    /// After the per-day merge, across days: `merged`, `base`, `ours` and `theirs` hold the days
    /// either side changed (a day absent from a version has no file there).
    public static func merge(_ merged: Days, base: Days, ours: Days, theirs: Days) -> Result {
        let mergedCopies = Copy.all(in: merged)
        let baseCopies = Copy.all(in: base)
        let ourCopies = Copy.all(in: ours)
        let theirCopies = Copy.all(in: theirs)
        var edits = Edits()
        var result = Result()
        for id in mergedCopies.keys.sorted(by: { $0.value < $1.value }) {
            let copies = mergedCopies[id]!
            let outcome = decide(base: Copy.standing(baseCopies[id]), ours: Copy.standing(ourCopies[id]),
                                 theirs: Copy.standing(theirCopies[id]))
            switch outcome {
            case .undecided:
                continue
            case .deleted(let side):
                let kept = side == .ours ? ourCopies[id] : theirCopies[id]
                for copy in copies where !(kept ?? []).contains(where: { $0.day == copy.day }) {
                    edits.remove(copy)
                }
            case .stands(let place):
                place.apply(to: copies, in: merged, edits: &edits, result: &result)
                if place.notes.isEmpty { dropRewordingNotes(under: copies, in: merged, writtenIn: [ours, theirs], edits: &edits) }
            }
        }
        result.changed = edits.applied(to: merged)
        return result
    }

    /// Within one day the merge may have seen two rewordings where, across days, one side only
    /// carried: the note it added under a copy then says nothing true. A note either side wrote stays.
    private static func dropRewordingNotes(under copies: [Copy], in days: Days, writtenIn sides: [Days], edits: inout Edits) {
        for copy in copies {
            let file = days[copy.day]!
            for index in file.contentLines(ofTaskAt: copy.lineIndex) {
                let note = file.lines[index].text
                let written = sides.contains { $0[copy.day]?.lines.contains { $0.text == note } == true }
                if DayMerge.isNote(note, under: copy.task), !written { edits.removeLine(index, of: copy.day) }
            }
        }
    }

    private enum Side { case ours, theirs }

    private enum Outcome {
        case undecided
        /// Deleted by one side and left as it was by the other (or deleted by both: then `ours`).
        /// The copies the deleting side still has (an old day's arrow) stay; those it has not go.
        case deleted(by: Side)
        case stands(Place)
    }

    private static func decide(base: Copy?, ours: Copy?, theirs: Copy?) -> Outcome {
        guard let ours, let theirs else {
            guard let kept = ours ?? theirs else { return base == nil ? .undecided : .deleted(by: .ours) }
            if let base, base.task.text == kept.task.text, base.task.state == kept.task.state {
                return .deleted(by: ours == nil ? .ours : .theirs)
            }
            return .stands(Place(day: kept.day, state: kept.task.state, text: kept.task.text))
        }
        let state = TaskTextMerge.threeWay(base?.task.state, ours.task.state, theirs.task.state)
            ?? (DayMerge.rank(theirs.task.state) > DayMerge.rank(ours.task.state) ? theirs.task.state : ours.task.state)
        // A finish stays on its day, whichever finish (done or cancelled) gives the state.
        let finishedOn = state.isFinished ? [ours, theirs].filter(\.task.state.isFinished).map(\.day).min() : nil
        let text = TaskTextMerge.merge(base: base?.task.text, ours: ours.task.text, theirs: theirs.task.text)
        var place = Place(day: finishedOn ?? max(ours.day, theirs.day), state: state, text: text.text)
        place.notes = text.notes.map { DayMerge.note(under: ours.task, $0) }
        return .stands(place)
    }

    /// The day a task stands on after the merge, and what it reads there.
    private struct Place {
        let day: Day
        let state: TaskState
        var text: String
        var notes: [String] = []

        init(day: Day, state: TaskState, text: String) {
            self.day = day
            self.state = state
            self.text = text
        }

        func apply(to copies: [Copy], in days: Days, edits: inout Edits, result: inout Result) {
            guard let standing = copies.first(where: { $0.day == day }), !pointsOutOfView(copies, days) else { return }
            edits.update(standing) { task in
                if task.state != state { task.setState(state) }
                if task.text != text { task.text = text }
            }
            for note in notes where !edits.hasNote(note, after: standing, in: days) { edits.addNote(note, after: standing) }
            for copy in copies where copy.day != day {
                if copy.day > day {
                    guard state.isFinished, copy.task.carriedTo != day else { continue }
                    if Place.hasNestedLines(copy, days) {
                        edits.update(copy) { task in
                            task.setState(.carried)
                            task.carriedTo = day
                        }
                        result.redirected.append(Move(id: copy.id, day: copy.day, standsOn: day))
                    } else {
                        edits.remove(copy)
                        result.withdrawn.append(Move(id: copy.id, day: copy.day, standsOn: day))
                    }
                } else if !pointsHere(copy, days) {
                    edits.update(copy) { task in
                        task.setState(.carried)
                        task.carriedTo = day
                    }
                    result.redirected.append(Move(id: copy.id, day: copy.day, standsOn: day))
                }
            }
        }

        /// An arrow that already leads here, directly or through a day that still holds the task
        /// (a day not in view is taken to: the arrow is older than both sides' changes).
        private func pointsHere(_ copy: Copy, _ days: Days) -> Bool {
            guard copy.task.state == .carried, let target = copy.task.carriedTo, target <= day else { return false }
            return target == day || days[target].map { $0.tasks.contains { $0.id == copy.id } } ?? true
        }

        /// Subtasks or notes under the copy: withdrawing the line would hand them to the line above.
        private static func hasNestedLines(_ copy: Copy, _ days: Days) -> Bool {
            let file = days[copy.day]!
            return file.entries.contains { $0.parentLineIndex == copy.lineIndex } || !file.contentLines(ofTaskAt: copy.lineIndex).isEmpty
        }

        /// A copy carried past the days in view: the task's place is beyond what can be judged here.
        private func pointsOutOfView(_ copies: [Copy], _ days: Days) -> Bool {
            copies.contains { copy in
                guard let target = copy.task.carriedTo else { return false }
                return target > day && days[target] == nil
            }
        }
    }

    /// One task line of one day.
    private struct Copy {
        let day: Day
        let lineIndex: Int
        let task: TaskLine
        var id: TaskID { task.id! }

        /// Every copy of each id, in day order (task lines as they are: their nesting is not needed).
        static func all(in days: Days) -> [TaskID: [Copy]] {
            var result: [TaskID: [Copy]] = [:]
            for day in days.keys.sorted() {
                for (index, line) in days[day]!.lines.enumerated() {
                    guard let task = line.task, task.id != nil else { continue }
                    result[task.id!, default: []].append(Copy(day: day, lineIndex: index, task: task))
                }
            }
            return result
        }

        /// The copy that says where a task stands: the earliest finished one, or else the latest
        /// unfinished one. Arrows never do.
        static func standing(_ copies: [Copy]?) -> Copy? {
            guard let copies else { return nil }
            return copies.first { $0.task.state.isFinished } ?? copies.last { $0.task.state.isUnfinished }
        }
    }

    /// Changes to lines, collected first and applied together so line numbers hold meanwhile.
    private struct Edits {
        private var updates: [Day: [Int: TaskLine]] = [:]
        private var removals: [Day: Set<Int>] = [:]
        private var notes: [Day: [Int: [String]]] = [:]

        mutating func update(_ copy: Copy, _ change: (inout TaskLine) -> Void) {
            var task = updates[copy.day]?[copy.lineIndex] ?? copy.task
            change(&task)
            if task != copy.task { updates[copy.day, default: [:]][copy.lineIndex] = task }
        }

        mutating func remove(_ copy: Copy) { removeLine(copy.lineIndex, of: copy.day) }

        mutating func removeLine(_ index: Int, of day: Day) { removals[day, default: []].insert(index) }

        mutating func addNote(_ note: String, after copy: Copy) { notes[copy.day, default: [:]][copy.lineIndex, default: []].append(note) }

        func hasNote(_ note: String, after copy: Copy, in days: Days) -> Bool {
            days[copy.day]!.contentLines(ofTaskAt: copy.lineIndex).contains { days[copy.day]!.lines[$0].text == note }
        }

        func applied(to days: Days) -> Days {
            var result: Days = [:]
            for day in Set(updates.keys).union(removals.keys).union(notes.keys) {
                let file = days[day]!
                let ending = file.preferredEnding
                var lines: [DayFile.Line] = []
                for (index, line) in file.lines.enumerated() where removals[day]?.contains(index) != true {
                    lines.append(updates[day]?[index].map { DayFile.Line(task: $0, ending: line.ending) } ?? line)
                    lines += (notes[day]?[index] ?? []).map { DayFile.Line(content: Array($0.utf8), ending: ending) }
                }
                for index in lines.indices.dropLast() where lines[index].ending.isEmpty {
                    lines[index] = lines[index].ending(with: ending)
                }
                result[day] = DayFile(lines: lines, words: file.words)
            }
            return result
        }
    }
}
