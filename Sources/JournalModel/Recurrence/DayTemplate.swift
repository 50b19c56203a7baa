/// The day template, `templates/day.md`: the headings, notes and tasks every day that
/// `journal new` starts begins with. A task with a recurrence rule (`🔁 every weekday`) comes
/// on the days the rule names, a task without one on every day started. Each comes as an
/// occurrence: a task of its own on its day, which names the template task (`🔁 ^k7f3q`)
/// instead of repeating the rule, so Obsidian does not read it as recurring again.
public struct DayTemplate: Sendable {
    public static let path = "templates/day.md"

    public struct Task: Sendable {
        public let lineIndex: Int
        public let parentLineIndex: Int?
        /// How many template tasks it is nested in.
        public let depth: Int
        public let id: TaskID?
        /// What an occurrence says: the task's text without its rule and start date.
        public let text: String
        /// The rule as written after `🔁`; nil for a task that comes on every day started.
        public let rule: String?
        /// The rule read; nil without one, or when it cannot be read (a problem then).
        public let recurrence: Recurrence?
    }

    public let file: DayFile
    public let tasks: [Task]
    /// What `journal check` reports and what stops `journal new`: a rule or a date it cannot
    /// read, a task without text, bytes that are not UTF-8.
    public let problems: [DayProblem]

    public init(_ file: DayFile) {
        self.file = file
        var tasks: [Task] = []
        var problems: [DayProblem] = []
        func report(_ lineIndex: Int, _ message: String) {
            problems.append(DayProblem(path: DayTemplate.path, line: lineIndex + 1, message: message))
        }
        for (index, line) in file.lines.enumerated() where String(validating: line.content, as: UTF8.self) == nil {
            report(index, "not valid UTF-8")
        }
        for entry in file.entries {
            let fields = TemplateFields(entry.task.text)
            var recurrence: Recurrence?
            var start: Day?
            if let written = fields.start {
                start = Day(iso: written)
                if start == nil { report(entry.lineIndex, "the start date '\(written)' is not a date YYYY-MM-DD") }
            }
            if fields.rules.count > 1 { report(entry.lineIndex, "a task of the day template has one rule; this one has \(fields.rules.count)") }
            if let rule = fields.rules.first {
                do {
                    recurrence = try Recurrence(parsing: rule, start: start)
                } catch {
                    report(entry.lineIndex, String(describing: error))
                }
            }
            if fields.text.isEmpty { report(entry.lineIndex, "a task of the day template needs text") }
            tasks.append(Task(lineIndex: entry.lineIndex, parentLineIndex: entry.parentLineIndex, depth: entry.depth, id: entry.task.id,
                              text: fields.text, rule: fields.rules.first, recurrence: recurrence))
        }
        self.tasks = tasks
        self.problems = problems.sorted { $0.line < $1.line }
    }

    /// The template with an id on every task, each used once and by no task of the days
    /// (`isTaken`: a task pasted from a day keeps its id), or nil when it has them already.
    public func identified(isTaken: (TaskID) throws -> Bool, freshID: (Set<TaskID>) throws -> TaskID) rethrows -> DayFile? {
        var seen = Set<TaskID>()
        var updated = file
        for task in tasks {
            if let id = task.id, try !isTaken(id), seen.insert(id).inserted { continue }
            let fresh = try freshID(seen.union(tasks.compactMap(\.id)))
            seen.insert(fresh)
            updated.updateTask(atLine: task.lineIndex) { $0.id = fresh }
        }
        return updated == file ? nil : updated
    }

    /// The first of Obsidian Tasks' field signs (`🛫`, `📅`, `🔁`…) in a text, which a task's
    /// own words cannot hold in the template: they would be read as a field.
    public static func fieldSign(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: TemplateFields.signs.contains)
    }

    /// The template task an occurrence came from.
    public func task(withID id: TaskID) -> Task? { tasks.first { $0.id == id } }

    /// The template tasks whose unfinished occurrence is carried forward (`when done`) instead
    /// of being closed as missed.
    public var carriedTasks: Set<TaskID> {
        Set(tasks.filter { $0.recurrence?.whenDone == true }.compactMap(\.id))
    }

    /// `day`'s file as `journal new` starts it. A new day gets the template's lines under its
    /// heading (front matter before it). A day that exists (created ahead by `add --date`, or
    /// started already) gets them there too when it has none of them yet, else only the
    /// occurrences it lacks, after its last task. The template tasks in `skipping` (carried to
    /// the day unfinished) and those the day has already are left out with their items.
    public func start(_ existing: DayFile?, on day: Day, skipping: Set<TaskID>) -> DayFile {
        let skipped = skipping.union(existing?.tasks.compactMap(\.occurrenceOf) ?? [])
        let body = lines(for: day, skipping: skipped)
        let bodyText = body.lines.map(\.text).drop { $0.allSatisfy { $0 == " " || $0 == "\t" } }
        guard var started = existing else {
            let ending = String(decoding: file.preferredEnding, as: UTF8.self)
            let frontMatter = file.lines[file.frontMatterLines].flatMap { $0.content + $0.ending }
            let heading = Array((DayFile.heading(for: day) + ending + ending).utf8)
            return DayFile(bytes: frontMatter + heading + Array(bodyText.map { $0 + ending }.joined().utf8), words: file.words)
        }
        if hasLines(in: started) {
            started.append(body.lines.indices.filter { body.isOccurrenceItem[$0] }.map { body.lines[$0] })
            return started
        }
        guard !bodyText.isEmpty else { return started }
        let afterHeading = started.headingLine.map { $0 + 1 } ?? started.frontMatterLines.count
        var index = afterHeading
        while index < started.lines.count, started.lines[index].isBlank { index += 1 }
        let separated = index < started.lines.count ? Array(bodyText) + [""] : Array(bodyText)
        started.insertLines(index == afterHeading ? [""] + separated : separated, at: index)
        return started
    }

    /// The first day on or after `day` that the template task comes on (its rule, and those of
    /// the tasks it is nested in, name it), looking forty years ahead.
    public func next(_ task: Task, onOrAfter day: Day) -> Day? {
        guard isReadable(task) else { return nil }
        var candidate = day
        for _ in 0..<(366 * 40) {
            if comes(task, on: candidate) { return candidate }
            guard let following = candidate.adding(days: 1) else { return nil }
            candidate = following
        }
        return nil
    }

    private func comes(_ task: Task, on day: Day) -> Bool {
        guard task.recurrence?.occurs(on: day) ?? true else { return false }
        return parent(of: task).map { comes($0, on: day) } ?? true
    }

    /// Whether the task's rule, and those of the tasks it is nested in, can be read.
    public func isReadable(_ task: Task) -> Bool {
        (task.rule == nil || task.recurrence != nil) && (parent(of: task).map(isReadable) ?? true)
    }

    public func parent(of task: Task) -> Task? {
        task.parentLineIndex.flatMap { line in tasks.first { $0.lineIndex == line } }
    }

    /// Whether the day already has a line the template gave it: a note or heading, or an occurrence.
    private func hasLines(in day: DayFile) -> Bool {
        let ids = Set(tasks.compactMap(\.id))
        if day.tasks.contains(where: { $0.occurrenceOf.map(ids.contains) == true }) { return true }
        let notes = Set(file.lines.indices.filter { !file.frontMatterLines.contains($0) && file.lines[$0].task == nil && !file.lines[$0].isBlank }
            .map { file.lines[$0].content })
        return day.lines.contains { notes.contains($0.content) }
    }

    /// The template's lines after its front matter, for `day`: each task whose rule names the
    /// day as an occurrence, and the items of the others (and of those in `skipping`) left out.
    private func lines(for day: Day, skipping: Set<TaskID>) -> (lines: [DayFile.Line], isOccurrenceItem: [Bool]) {
        var comes: [Int: Bool] = [:]
        var occurrence: [Int: TaskLine] = [:]
        var itemLines: [Int: Bool] = [:]
        for task in tasks {
            let parentComes = task.parentLineIndex.map { comes[$0] ?? false } ?? true
            let isSkipped = task.id.map(skipping.contains) ?? false
            let taskComes = parentComes && !isSkipped && (task.recurrence?.occurs(on: day) ?? true)
            comes[task.lineIndex] = taskComes
            for line in [task.lineIndex] + file.contentLines(ofTaskAt: task.lineIndex) { itemLines[line] = taskComes }
            guard taskComes, var line = file.lines[task.lineIndex].task else { continue }
            line.setState(.open)
            line.text = task.text
            line.occurrenceOf = task.id
            line.id = nil
            occurrence[task.lineIndex] = line
        }
        var result: [DayFile.Line] = []
        var isOccurrenceItem: [Bool] = []
        var leftOut = false
        for index in file.lines.indices where !file.frontMatterLines.contains(index) {
            guard itemLines[index] != false else {
                leftOut = true
                continue
            }
            // The blank lines around an item left out would otherwise come twice.
            if leftOut, file.lines[index].isBlank, result.last?.isBlank ?? true { continue }
            leftOut = false
            result.append(occurrence[index].map { DayFile.Line(task: $0, ending: file.lines[index].ending) } ?? file.lines[index])
            isOccurrenceItem.append(itemLines[index] == true)
        }
        return (result, isOccurrenceItem)
    }
}

/// A template task's text split into the parts an occurrence keeps and the rule's: Obsidian
/// Tasks writes its fields after the description, each after its sign (`🔁 every weekday`,
/// `🛫 2025-01-15`, `📅 …`).
package struct TemplateFields {
    package var text: String
    /// Every rule written: more than one is a problem.
    var rules: [String] = []
    var start: String?

    package static let signs: Set<Unicode.Scalar> = ["🔁", "🛫", "⏳", "📅", "➕", "✅", "❌", "🔺", "⏫", "🔼", "🔽", "⏬", "🆔", "⛔", "🏁"]

    package init(_ written: String) {
        var fields: [(sign: Unicode.Scalar?, value: String)] = [(nil, "")]
        for scalar in written.unicodeScalars {
            if TemplateFields.signs.contains(scalar) {
                fields.append((scalar, ""))
            } else {
                fields[fields.count - 1].value.unicodeScalars.append(scalar)
            }
        }
        var kept = ""
        for (sign, written) in fields {
            let value = written.trimmingBlanks
            switch sign {
            case "🔁": rules.append(value)
            case "🛫": start = value
            case let sign?: kept += value.isEmpty ? " \(sign)" : " \(sign) \(value)"
            case nil: kept = value
            }
        }
        text = kept.trimmingBlanks
    }
}
