import Glibc
import JournalModel
import JournalStore
import Synchronization

/// Colour on standard output: on a terminal by default, never when NO_COLOR is set or output
/// is piped, as `--color` and `journal.color` choose. Without colour every helper returns its
/// text unchanged, so output through a pipe is plain.
enum Style {
    /// Decided once per process, from its standard output, which every printing path shares.
    private static let colour = Atomic<Bool>(false)
    static var isOn: Bool {
        get { colour.load(ordering: .relaxed) }
        set { colour.store(newValue, ordering: .relaxed) }
    }

    static func decide(_ choice: Settings.ColorChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto: return isatty(STDOUT_FILENO) == 1
        }
    }

    static func green(_ text: String) -> String { paint(text, "32") }
    static func red(_ text: String) -> String { paint(text, "31") }
    static func yellow(_ text: String) -> String { paint(text, "33") }
    static func cyan(_ text: String) -> String { paint(text, "36") }
    static func dim(_ text: String) -> String { paint(text, "2") }
    static func bold(_ text: String) -> String { paint(text, "1") }

    /// A task's box and text in the colour of its state.
    static func forState(_ state: TaskState, _ text: String) -> String {
        switch state {
        case .open: return text
        case .inProgress: return yellow(text)
        case .done: return green(text)
        case .cancelled, .carried: return dim(text)
        }
    }

    /// A background shade for the heat map's cells, from 0 (none) to 4 (most).
    static func shade(_ level: Int, _ text: String) -> String {
        let colours = ["48;5;236", "48;5;22", "48;5;28", "48;5;34", "48;5;40"]
        return paint(text, colours[min(max(level, 0), colours.count - 1)])
    }

    private static func paint(_ text: String, _ code: String) -> String {
        isOn && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
