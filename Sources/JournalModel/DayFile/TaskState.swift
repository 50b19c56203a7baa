/// The box of a task line: `[ ]`, `[/]`, `[x]`, `[-]` or `[>]`.
public enum TaskState: String, CaseIterable, Sendable {
    case open, inProgress = "in-progress", done, cancelled, carried

    /// The character between the brackets; `X` is read as done, as GitHub does.
    package init?(marker: UInt8) {
        switch marker {
        case UInt8(ascii: " "): self = .open
        case UInt8(ascii: "/"): self = .inProgress
        case UInt8(ascii: "x"), UInt8(ascii: "X"): self = .done
        case UInt8(ascii: "-"): self = .cancelled
        case UInt8(ascii: ">"): self = .carried
        default: return nil
        }
    }

    public var marker: Character {
        switch self {
        case .open: return " "
        case .inProgress: return "/"
        case .done: return "x"
        case .cancelled: return "-"
        case .carried: return ">"
        }
    }

    /// Still to be done: what `journal new` carries forward.
    public var isUnfinished: Bool { self == .open || self == .inProgress }

    /// Done or cancelled: the task ends on this day and is never carried again.
    public var isFinished: Bool { self == .done || self == .cancelled }
}
