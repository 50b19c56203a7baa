import ArgumentParser
import JournalCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a journal: a Git repository on branch main, readable by you only.",
        discussion: "Example: journal init --dir ~/work-journal")

    @OptionGroup var options: JournalOptions

    func run() throws {
        let journal = try Journal.create(at: try options.location, environment: options.environment)
        print("created journal at \(journal.directory.dropLast())")
        print("next: journal new   (starts today's list)")
    }
}
