import ArgumentParser
import JournalStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a journal: a Git repository on branch main, readable by you only.",
        discussion: "Example: journal init --dir ~/work-journal\n         journal init --mode 0640")

    @Option(help: ArgumentHelp("The permissions of the journal's files, octal (default 0600: yours only; 0640 lets your group read). Kept as journal.fileMode; folders get x where files get r.", valueName: "MODE"))
    var mode: String?
    @OptionGroup var options: JournalOptions

    func run() throws {
        if let mode { try Settings.validate(mode, for: .fileMode, origin: "--mode") }
        let journal = try Journal.create(at: try options.location, environment: options.environment, mode: mode)
        print("created journal at \(journal.directory.dropLast())")
        print("next: journal new   (starts today's list)")
    }
}
