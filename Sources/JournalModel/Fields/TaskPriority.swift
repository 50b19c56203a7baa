/// Obsidian Tasks' five priorities, each written as its sign on the task line.
public enum TaskPriority: String, CaseIterable, Comparable, Sendable {
    case highest, high, medium, low, lowest

    public var sign: Unicode.Scalar {
        switch self {
        case .highest: return "🔺"
        case .high: return "⏫"
        case .medium: return "🔼"
        case .low: return "🔽"
        case .lowest: return "⏬"
        }
    }

    public init?(sign: Unicode.Scalar) {
        guard let found = TaskPriority.allCases.first(where: { $0.sign == sign }) else { return nil }
        self = found
    }

    /// Highest first.
    public static func < (lhs: TaskPriority, rhs: TaskPriority) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
