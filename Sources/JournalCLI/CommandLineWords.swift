import JournalModel

/// The command line as a person types it, made into what the parser reads, and the advice for
/// what it cannot read.
enum CommandLineWords {
    /// The commands that take DATE arguments, where `next friday` may be typed unquoted.
    private static let dateCommands: Set<String> = ["new", "edit", "show", "diff", "check", "standup", "move"]
    /// The options whose value is a DATE.
    private static let dateOptions: Set<String> = ["--date", "--day", "--since", "--until", "--due", "--scheduled", "--due-before"]

    /// `-3` becomes `−3` (U+2212, which DATE accepts; a parser of options would read an option),
    /// except as the value of `-n`; and the two words of `next friday` or `last monday` become one
    /// where a DATE is expected.
    static func prepare(_ arguments: [String]) -> [String] {
        let command = arguments.first { !$0.hasPrefix("-") }
        var result: [String] = []
        for (index, word) in arguments.enumerated() {
            let isDaysBack = word.count > 1 && word.hasPrefix("-") && word.dropFirst().allSatisfy(\.isNumber)
            if isDaysBack && (index == 0 || arguments[index - 1] != "-n") {
                result.append("\u{2212}" + word.dropFirst())
            } else if let last = result.last, isDateExpected(after: result.dropLast().last, in: command),
                      ["next", "last"].contains(last.lowercased()), isWeekday(word) {
                result[result.count - 1] = last + " " + word
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// `journal --dir PATH show` as `git -C PATH …` is typed: the option, given before the
    /// command, goes where the command's own options are read (before a `--`, after which
    /// every word is text).
    static func movingDirectoryOption(_ arguments: [String]) -> [String] {
        guard let first = arguments.first else { return arguments }
        let taken: Int
        if first == "--dir", arguments.count >= 2 {
            taken = 2
        } else if first.hasPrefix("--dir=") {
            taken = 1
        } else {
            return arguments
        }
        var rest = Array(arguments.dropFirst(taken))
        guard rest.first.map({ !$0.hasPrefix("-") }) == true else { return arguments }
        rest.insert(contentsOf: arguments.prefix(taken), at: rest.firstIndex(of: "--") ?? rest.endIndex)
        return rest
    }

    private static func isDateExpected(after previous: String?, in command: String?) -> Bool {
        previous.map(dateOptions.contains) == true || command.map(dateCommands.contains) == true
    }

    private static func isWeekday(_ word: String) -> Bool {
        (try? DayExpression.resolve("next " + word, today: .earliest)) != nil
    }

    /// The refusal of a first word that is no command (`journal shwo`, `journal help nosuch`), with
    /// the nearest command; nil when the command line names one, or leaves the parser to answer.
    static func unknownCommand(in arguments: [String], commands: [String]) -> String? {
        var words = arguments[...]
        if words.first == "help" { words = words.dropFirst() }
        guard let word = words.first, !word.hasPrefix("-"), !commands.contains(word), word != "help" else { return nil }
        let nearest = commands.map { (name: $0, distance: editDistance(word, $0)) }.min { $0.distance < $1.distance }
        let suggestion = nearest.flatMap { $0.distance <= max(2, word.count / 3) ? "; did you mean '\($0.name)'?" : nil }
        return "'\(word)' is not a journal command\(suggestion ?? "; see 'journal --help' for the commands")"
    }

    /// The advice after a missing argument when a word that starts with `-` was taken for an option
    /// (`journal add '- [ ] x'`): `--` ends the options.
    static func hintForDashedText(in arguments: [String]) -> String? {
        guard let dashed = arguments.first(where: { $0.hasPrefix("-") && $0 != "--" && $0.contains(" ") }),
              let command = arguments.first(where: { !$0.hasPrefix("-") }) else { return nil }
        return "hint: '\(dashed)' was read as an option; put '--' before a text that starts with '-': "
            + "journal \(command) -- '\(dashed)'"
    }

    /// Levenshtein distance, with a swap of two neighbours counting one (`shwo` is one from `show`).
    static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }
}
