/// The occurrences of one recurring task over a period, counted together: reviews say "Daily
/// stand-up: 4 of 5 done, 1 missed" rather than list five tasks. An occurrence closed without
/// being done (by `journal new`, or cancelled by hand) is missed; one still open is neither.
public struct RecurringSummary: Equatable, Sendable {
    /// The template task's id.
    public let rule: String
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
        var byRule: [String: [TaskTimeline.Life]] = [:]
        for life in lives {
            guard let rule = life.occurrenceOf else { continue }
            if byRule[rule] == nil { order.append(rule) }
            byRule[rule, default: []].append(life)
        }
        return order.map { rule in
            let occurrences = byRule[rule]!.sorted { $0.firstDay < $1.firstDay }
            let closed = occurrences.filter(\.state.isFinished)
            return RecurringSummary(rule: rule, text: occurrences.last!.text, occurrences: occurrences.count,
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
