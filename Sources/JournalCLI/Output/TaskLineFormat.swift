import JournalModel

/// How a task reads on the terminal: number, box, indented text, id.
enum TaskLineFormat {
    static func line(_ task: DayView.TaskItem, numberWidth: Int, today: Day) -> String {
        let number = String(task.number)
        let padding = String(repeating: " ", count: max(0, numberWidth - number.count))
        let carried = task.carriedTo.map { " → \($0)" } ?? ""
        let recurring = task.occurrenceOf == nil ? "" : " 🔁"
        let id = task.id.map { Style.dim(" ^\($0)") } ?? ""
        let body = Style.forState(task.state, "[\(box(task.state))] \(task.text)\(recurring)\(carried)")
        return "\(padding)\(number) \(String(repeating: "  ", count: task.depth))\(body)\(id)\(dueMark(task, today: today))"
    }

    /// `  overdue` after a task due before today and unfinished, `  due today` after one due today.
    static func dueMark(_ task: DayView.TaskItem, today: Day) -> String {
        if task.isOverdue(on: today) { return "  " + Style.red("overdue") }
        return task.isDue(on: today) ? "  " + Style.yellow("due today") : ""
    }

    static func box(_ state: TaskState) -> Character {
        switch state {
        case .open: return " "
        case .inProgress: return "/"
        case .done: return "x"
        case .cancelled: return "-"
        case .carried: return ">"
        }
    }

    static func summary(id: TaskID?, text: String) -> String {
        (id.map { "^\($0.value) " } ?? "") + text
    }
}
