import JournalModel

/// What must hold for any bytes read as a day file. A violation stops the process: for libFuzzer
/// that is a crash, saved with the input that caused it.
enum DayFileProperties {
    static func check(_ bytes: [UInt8]) {
        let file = DayFile(bytes: bytes)
        require(file.bytes == bytes, "an unchanged file is not written back byte for byte")
        require(DayFile(bytes: file.bytes) == file, "reading the written file gives another file")
        for task in file.tasks {
            require(TaskLine(line: task.rendered) == task, "the task rendered as '\(task.rendered)' reads back differently")
        }
        _ = DayProblem.find(in: file, day: file.headingDay ?? someDay, path: "day.md")
        for (index, entry) in file.entries.prefix(8).enumerated() {
            checkStateChange(of: entry, in: file, to: TaskState.allCases[(bytes.count + index) % TaskState.allCases.count])
        }
        checkAppend(to: file)
        checkCarry(from: file)
        checkLogseqWords(bytes)
        MergeProperties.check(bytes)
    }

    /// Read with Logseq's task words, the file is still written back as it was, and each task's
    /// line, rendered and read again, is the same task.
    private static func checkLogseqWords(_ bytes: [UInt8]) {
        let file = DayFile(bytes: bytes, words: .logseq)
        require(file.bytes == bytes, "a file read with Logseq's words is not written back byte for byte")
        for task in file.tasks {
            require(TaskLine(line: task.rendered, words: .logseq) == task, "the Logseq task rendered as '\(task.rendered)' reads back differently")
        }
    }

    static let someDay = Day(year: 2025, month: 1, day: 15)!

    /// Changing one task's box rewrites that line only, and the file still reads as the same tasks.
    private static func checkStateChange(of entry: DayFile.Entry, in file: DayFile, to state: TaskState) {
        var changed = file
        changed.updateTask(atLine: entry.lineIndex) { task in
            task.setState(state)
            if state == .carried { task.carriedTo = someDay }
        }
        require(changed.lines.count == file.lines.count, "a state change added or removed a line")
        for index in file.lines.indices where index != entry.lineIndex {
            require(changed.lines[index].content == file.lines[index].content, "a state change altered line \(index + 1), not the task's")
        }
        let reread = DayFile(bytes: changed.bytes)
        require(reread.lines.count == file.lines.count, "a state change split or joined lines")
        guard let task = reread.lines[entry.lineIndex].task else {
            // A task left with nothing after its box (no text, id or date) is a note by rule.
            require(changed.lines[entry.lineIndex].task == nil, "a state change made the task a note")
            return
        }
        require(task.state == state && task.id == entry.task.id && task.text == entry.task.text
            && task.indent == entry.task.indent && task.contentColumn == entry.task.contentColumn, "a state change altered more than the task's box")
        require(reread.entries.map(\.task.id) == file.entries.map(\.task.id), "a state change lost or renumbered tasks")
    }

    /// Adding a task keeps every line as it was, in order, and every task.
    private static func checkAppend(to file: DayFile) {
        var appended = file
        appended.appendTasks([TaskLine(state: .open, text: "Added by the fuzzer #fuzz")])
        let kept = appended.lines.map(\.content)
        var next = kept.startIndex
        for line in file.lines {
            guard let found = kept[next...].firstIndex(of: line.content) else {
                preconditionFailure("adding a task lost or reordered a line")
            }
            next = found + 1
        }
        let reread = DayFile(bytes: appended.bytes)
        require(reread.tasks.count == file.tasks.count + 1, "adding a task did not add exactly one task")
        require(reread.tasks.compactMap(\.id) == file.tasks.compactMap(\.id), "adding a task lost a task id")
    }
}

extension DayFileProperties {
    /// Carrying rewrites the source's unfinished task lines only, and copies each with its item;
    /// occurrences of recurring tasks are closed as missed instead (no rule here carries).
    private static func checkCarry(from file: DayFile) {
        let next = Day(year: 2025, month: 1, day: 16)!
        let result = CarryForward.carry(from: [(someDay, file)], into: DayFile.new(for: next), on: next)
        let source = result.changedSources[someDay] ?? file
        require(source.lines.count == file.lines.count, "carrying added or removed a line of the source day")
        for (before, after) in zip(file.lines, source.lines) where before.task == nil {
            require(before == after, "carrying changed a note of the source day")
        }
        let unfinished = file.tasks.filter { $0.state.isUnfinished && $0.occurrenceOf == nil }
        let expected = unfinished.filter { $0.id == nil }.count + Set(unfinished.compactMap(\.id)).count
        require(DayFile(bytes: result.target.bytes).tasks.count == expected, "the new day does not hold each unfinished task once")
    }
}

/// `precondition` that also holds in -Ounchecked builds: the fuzzer must see every violation.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
