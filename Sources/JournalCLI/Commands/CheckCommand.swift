import ArgumentParser
import JournalModel
import JournalUseCases

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate day files; print each problem as FILE:LINE: message.",
        discussion: """
            Checks that the heading's date matches the file's path, that no id is used twice in a \
            day, that every [.] state is known, that nested tasks have a task above them, that ids \
            are well formed and lines are UTF-8, and that day folders hold only day files. Reads \
            the files as they are on disk; changes nothing. Exit status 1 when a problem is found.

            Example: journal check                 (every day file)
                     journal check yesterday today
                     journal check --changed       (what the next commit would hold; for a pre-commit hook)
            """)

    @Argument(help: "The days to check (default: every day file).") var dates: [String] = []
    @Flag(help: "Check only the day files that differ from the last commit.") var changed = false
    @Flag(help: "Print the problems only, no summary line.") var quiet = false
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func validate() throws {
        if changed && !dates.isEmpty { throw ValidationError("give DATEs or --changed, not both") }
    }

    func run() throws {
        let journal = try options.open()
        let check = try CheckDays(journal).run(days: try dates.map { try options.day($0) }, changedOnly: changed)
        if json {
            try Output.json(check)
        } else {
            for problem in check.problems { print(problem.description) }
            let files = "\(counted(check.checkedFiles, "day file"))"
            if !quiet { print(summary(check.problems, files: files)) }
        }
        // Warnings name what GitHub reads differently, which may be meant; they do not fail.
        if check.problems.contains(where: { !$0.isWarning }) { throw ExitCode(1) }
    }

    private func summary(_ problems: [DayProblem], files: String) -> String {
        let warnings = problems.filter(\.isWarning).count
        let counts = [(problems.count - warnings, "problem"), (warnings, "warning")].filter { $0.0 > 0 }
        guard !counts.isEmpty else { return "\(files) checked: no problems" }
        return counts.map { counted($0.0, $0.1) }.joined(separator: " and ") + " in \(files) checked"
    }
}
