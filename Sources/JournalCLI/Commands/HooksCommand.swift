import ArgumentParser
import JournalUseCases

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "List the journal's hooks, and install ready ones.",
        discussion: """
            journal runs Git's pre-commit, commit-msg, post-commit, pre-push and post-merge hooks \
            itself (libgit2 runs none), and its own post-new and post-sync, from the journal's \
            .git/hooks (or core.hooksPath). Hooks never come from synced files. The ready hooks \
            are in the hooks/ folder of journal's source.

            Example: journal hooks install pre-commit
            """,
        subcommands: [List.self, Install.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show installed hooks and the ready ones.")
        @Option(help: ArgumentHelp("The folder of ready hooks (default: journal's own).", valueName: "DIR")) var from: String?
        @Flag(help: "Print JSON for scripts.") var json = false
        @OptionGroup var options: JournalOptions

        func run() throws {
            let listing = try ManageHooks(options.open()).list(readySet: from)
            if json { return try Output.json(listing) }
            print("hooks folder: \(listing.directory)")
            print("ready hooks: \(listing.readySet ?? "not found (pass --from DIR)")")
            let width = listing.hooks.map(\.name.count).max() ?? 0
            for hook in listing.hooks {
                let state = List.describe(hook)
                let summary = hook.summary.isEmpty ? "" : "  \(hook.summary)"
                print("  \(hook.name + String(repeating: " ", count: width - hook.name.count))  \(state)\(summary)")
            }
            if listing.hooks.isEmpty { print("  (none)") }
        }

        static func describe(_ hook: HookListing.Entry) -> String {
            if !hook.installed { return "available" }
            if !hook.runs { return "installed but not run (not executable)" }
            if !hook.ready { return "installed (your own)" }
            return hook.installedIsReady ? "installed" : "installed (differs from the ready one)"
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Copy a ready hook into the journal's hooks folder.",
            discussion: "Example: journal hooks install post-new")
        @Argument(help: "The hook's name, as 'journal hooks list' shows it.", completion: Completions.hook) var name: String
        @Flag(help: "Replace a different hook of that name.") var force = false
        @Option(help: ArgumentHelp("The folder of ready hooks (default: journal's own).", valueName: "DIR")) var from: String?
        @OptionGroup var options: JournalOptions

        func run() throws {
            let (installation, path) = try ManageHooks(options.open()).install(name, readySet: from, force: force)
            switch installation {
            case .installed: print("installed \(name) as \(path)")
            case .replaced: print("replaced \(path) with the ready \(name)")
            case .alreadyInstalled: print("\(name) is already installed as \(path)")
            }
        }
    }
}
