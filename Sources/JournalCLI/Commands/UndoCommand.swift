import ArgumentParser
import JournalStore
import JournalUseCases

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back the last change a journal command made, in a new commit.",
        discussion: """
            The change is reverted three-way, so later changes made with git are kept; history is \
            never rewritten. Undo again to take back the change before: an undo is never undone. \
            After a sync, undo goes back to the journal as it was before it (refs/journal/pre-sync); \
            it asks first on a terminal, and needs --yes otherwise.

            Example: journal undo --list
                     journal undo
            """)

    @Flag(help: "List what can be undone, newest first, instead.") var list = false
    @Option(name: .short, help: "With --list: at most N changes.") var n = 10
    @Flag(help: "With --list: print JSON for scripts.") var json = false
    @Flag(help: "Go back to before a sync without asking.") var yes = false
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func validate() throws {
        if n < 1 { throw ValidationError("-n takes a positive number") }
        if !list && (json || n != 10) { throw ValidationError("--json and -n go with --list") }
    }

    func run() throws {
        let journal = try options.open(command: .undo, skippingVerification: verification.skipsHooks)
        if list {
            let items = try Undo(journal).items(limit: n)
            if json { return try Output.json(items) }
            for item in items { print("\(item.commit.shortID)  \(item.commit.localTime)  \(item.commit.subject)") }
            if items.isEmpty { print("nothing to undo") }
            return
        }
        var answers: [String: Bool] = [:]
        do {
            let undone = try Undo(journal).run { item in
                if yes { return true }
                if let answer = answers[item.commit.id] { return answer }
                let question = "the last change is a sync (\(item.commit.shortID) \(item.commit.subject)); undo goes back to "
                    + "refs/journal/pre-sync (\(item.restores.prefix(7))) in a new commit. Go back?"
                answers[item.commit.id] = Output.confirm(question)
                return answers[item.commit.id] ?? false
            }
            let changed = undone.changed.joined(separator: ", ")
            print("undid \(undone.item.commit.shortID) \(undone.item.commit.subject) (changed \(changed); new commit \(undone.commit?.prefix(7) ?? "?"))")
        } catch JournalError.syncUndoNotConfirmed where answers.values.contains(false) {
            Output.error("nothing was undone")
            throw ExitCode.failure
        }
    }
}
