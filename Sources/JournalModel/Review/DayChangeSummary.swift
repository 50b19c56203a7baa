/// What an edit did to a day, counted by kind, for a commit's subject: `2 added, 1 reworded,
/// 1 done`. Tasks are matched by id; a task typed without one is new.
public struct DayChangeSummary: CustomStringConvertible {
    private var counts: [(kind: String, count: Int)] = []

    public init(before: DayFile?, after: DayFile?) {
        let old = Dictionary((before?.tasks ?? []).compactMap { task in task.id.map { ($0, task) } }, uniquingKeysWith: { first, _ in first })
        let new = after?.tasks ?? []
        var kinds: [String: Int] = [:]
        for task in new {
            guard let id = task.id, let was = old[id] else {
                kinds["added", default: 0] += 1
                continue
            }
            if was.text != task.text { kinds["reworded", default: 0] += 1 }
            if was.state != task.state { kinds[DayChangeSummary.verb(for: task.state), default: 0] += 1 }
        }
        let kept = Set(new.compactMap(\.id))
        kinds["removed"] = old.keys.filter { !kept.contains($0) }.count
        let tasksChanged = kinds.values.contains { $0 > 0 }
        if !tasksChanged && before?.bytes != after?.bytes { kinds["notes", default: 0] = 1 }
        counts = DayChangeSummary.order.compactMap { kind in kinds[kind].flatMap { $0 > 0 ? (kind, $0) : nil } }
    }

    private static let order = ["added", "reworded", "started", "done", "cancelled", "reopened", "carried", "removed", "notes"]

    private static func verb(for state: TaskState) -> String {
        switch state {
        case .open: "reopened"
        case .inProgress: "started"
        case .done: "done"
        case .cancelled: "cancelled"
        case .carried: "carried"
        }
    }

    /// `notes` alone reads "notes changed"; nothing at all is empty.
    public var description: String {
        counts.map { $0.kind == "notes" ? "notes changed" : "\($0.count) \($0.kind)" }.joined(separator: ", ")
    }
}
