import ArgumentParser
import JournalUseCases

struct MergeFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-file",
        abstract: "Merge three versions of a day file task by task, writing the result over OURS (a Git merge driver).",
        discussion: """
            Wire it into plain Git so that a 'git pull' done by hand merges day files the way \
            'journal sync' does ('journal init' already writes the '*.md merge=journal' attribute):

                git config merge.journal.driver "journal merge-file %O %A %B"

            It never leaves conflict markers and never drops a line: two rewordings of one task keep \
            one and record the other beneath it.

            Example: journal merge-file base.md mine.md theirs.md
            """)

    @Argument(help: "The common ancestor (Git's %O).") var base: String
    @Argument(help: "Our version, overwritten with the result (Git's %A).") var ours: String
    @Argument(help: "Their version (Git's %B).") var theirs: String

    func run() throws {
        let result = try MergeFiles.run(base: base, ours: ours, theirs: theirs)
        if !result.resolved.isEmpty {
            Output.warning("\(ours): \(result.resolved.count) task(s) changed on both sides, merged: \(result.resolved.map { "^\($0.value)" }.joined(separator: " "))")
        }
    }
}
