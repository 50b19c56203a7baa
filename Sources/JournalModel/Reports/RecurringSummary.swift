/// The occurrences of one recurring task over a period, counted together: reviews say "Daily
/// stand-up: 4 of 5 done, 1 missed" rather than list five tasks. An occurrence closed without
/// being done (by `journal new`, or cancelled by hand) is missed; one still open is neither.
public struct RecurringSummary: Equatable, Sendable {
    /// The id of the day template's task the occurrences came from.
    public let templateTask: String
    /// The latest occurrence's text.
    public let text: String
    public let occurrences: Int
    public let done: Int
    public let missed: Int
    /// Occurrences done in a row, up to the latest closed one.
    public let streak: Int

    /// One summary per template task among `lives`, in the order their first occurrences came.
    package static func summaries(of lives: [TaskTimeline.Life]) -> [RecurringSummary] {
        var order: [String] = []
        var byTemplateTask: [String: [TaskTimeline.Life]] = [:]
        for life in lives {
            guard let templateTask = life.occurrenceOf else { continue }
            if byTemplateTask[templateTask] == nil { order.append(templateTask) }
            byTemplateTask[templateTask, default: []].append(life)
        }
        return order.map { templateTask in
            let occurrences = byTemplateTask[templateTask]!.sorted { $0.firstDay < $1.firstDay }
            let closed = occurrences.filter(\.state.isFinished)
            return RecurringSummary(templateTask: templateTask, text: occurrences.last!.text, occurrences: occurrences.count,
                                    done: closed.filter { $0.state == .done }.count,
                                    missed: closed.filter { $0.state == .cancelled }.count,
                                    streak: closed.reversed().prefix { $0.state == .done }.count)
        }
    }

    /// `Daily stand-up: 4 of 5 done, 1 missed`.
    public var description: String {
        "\(text): \(done) of \(occurrences) done" + (missed > 0 ? ", \(missed) missed" : "")
    }
}
