import ArgumentParser
import JournalModel
import JournalStore
import JournalUseCases

struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "Manage the Git remotes the journal syncs with.",
        discussion: "Example: journal remote add origin git@example.org:me/journal.git",
        subcommands: [Add.self, List.self, Remove.self],
        defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a remote: a path, git://, ssh://, user@host:path or https:// URL.")
        @Argument(help: "Its name, such as origin.") var name: String
        @Argument(help: "Its URL.") var url: String
        @OptionGroup var options: JournalOptions
        func run() throws {
            try ManageRemotes(options.open()).add(name, url: url)
            print("added remote \(name) \(url)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the remotes with their URLs.")
        @Flag(help: "Print JSON for scripts: an array of {name, url}.") var json = false
        @OptionGroup var options: JournalOptions
        func run() throws {
            let remotes = try ManageRemotes(options.open()).list()
            if json { return try Output.json(remotes.map { ["name": $0.name, "url": $0.url] }) }
            for remote in remotes { print("\(remote.name)\t\(remote.url)") }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a remote (the journal itself is untouched).")
        @Argument(help: "The remote's name.", completion: Completions.remote) var name: String
        @OptionGroup var options: JournalOptions
        func run() throws {
            try ManageRemotes(options.open()).remove(name)
            print("removed remote \(name)")
        }
    }
}

struct CloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Start on another machine: clone a journal from a remote.",
        discussion: """
            The journal's layout comes with it (its .journal file says it), and Git's merge \
            driver for day files is set as 'journal init' sets it.

            Example: journal clone git@example.org:me/journal.git ~/journal
                     journal clone ~/notes.git ~/notes --branch master
            """)

    @Argument(help: "The remote's URL.") var url: String
    @Argument(help: "Where to put the journal (default: --dir, $JOURNAL_DIR or ~/journal).") var path: String?
    @Option(help: ArgumentHelp("The remote's branch the journal is on; sync keeps to it (default: main).", valueName: "NAME"))
    var branch = "main"
    @OptionGroup var options: JournalOptions

    func run() throws {
        let target = try path.map { try Settings.journalLocation(explicit: $0, explicitOrigin: "PATH", environment: options.environment).value } ?? options.location
        let journal = try ManageRemotes.clone(url, to: target, branch: branch, environment: options.environment,
                                                progress: Output.transferProgress())
        try journal.setMergeDriver(MergeFileCommand.driverCommand())
        print("cloned \(url) into \(journal.directory.dropLast())")
    }
}

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Commit hand edits, fetch, merge task by task, and push.",
        discussion: """
            Fast-forwards when one side is behind; when both changed, merges day files task by task \
            (never conflict markers, never a lost task or note) in a merge commit, after recording \
            the previous main in refs/journal/pre-sync. A remote whose history was rewritten is \
            never merged. If another machine pushes in between, sync fetches and merges again.

            Without --remote, sync uses journal.defaultRemote (origin by default); --all syncs with \
            every remote in turn, and reports each.

            Example: journal sync --dry-run
                     journal sync --all
            """)

    @Option(help: "The remote to sync with (default: journal.defaultRemote, else origin).", completion: Completions.remote)
    var remote: String?
    @Flag(help: "Sync with every remote in turn.") var all = false
    @Flag(help: "Fetch and show what would come in and go out; change nothing locally.") var dryRun = false
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions
    @OptionGroup var verification: VerificationOption

    func validate() throws {
        if all && remote != nil { throw ValidationError("--all syncs every remote: give it without --remote") }
    }

    func run() throws {
        let journal = try options.open(command: .sync, skippingVerification: verification.skipsHooks)
        guard all else {
            let report = try sync(journal, with: try remote ?? options.settings(of: journal).defaultRemote)
            if json { try Output.json(report) }
            return
        }
        let names = try ManageRemotes(journal).list().map(\.name)
        guard !names.isEmpty else { throw ValidationError("the journal has no remote: add one with 'journal remote add NAME URL'") }
        var reports: [SyncReport] = []
        var failed = false
        for name in names {
            do {
                reports.append(try sync(journal, with: name))
            } catch {
                Output.error("\(name): \(error)")
                failed = true
            }
        }
        if json { try Output.json(reports) }
        if failed { throw ExitCode.failure }
    }

    /// Syncs with one remote and prints what happened, unless JSON is asked for: then the caller
    /// prints the reports.
    private func sync(_ journal: Journal, with remote: String) throws -> SyncReport {
        let timeout = try options.settings(of: journal).syncTimeout
        let report = try Sync(journal).run(remote: remote, dryRun: dryRun, timeout: timeout, progress: Output.transferProgress())
        defer { if !dryRun { Sync(journal).announce(with: remote) } }
        if json { return report }
        describe(report, remote: remote)
        return report
    }

    private func describe(_ report: SyncReport, remote: String) {
        if dryRun {
            print("would come in from \(remote): \(counted(report.incoming.count, "commit"))")
            for subject in report.incoming { print("  " + subject) }
            SyncCommand.printTaskChanges(report.incomingDays)
            print("would go out to \(remote): \(counted(report.outgoing.count, "commit"))")
            for subject in report.outgoing { print("  " + subject) }
            SyncCommand.printTaskChanges(report.outgoingDays)
            return
        }
        if report.remoteMainWasGone { print("\(remote) had no main branch (deleted there?): this machine's was pushed to it") }
        print("synced with \(remote): \(report.outcomes.map(\.rawValue).joined(separator: ", "))")
        SyncCommand.printMerge(report)
    }

    /// What a merge decided, indented under the line that introduced it (`sync`'s or `new`'s).
    static func printMerge(_ report: SyncReport) {
        for day in report.mergedDays { print("  merged \(day) task by task") }
        for move in report.withdrawn {
            print("  withdrew ^\(move.id.value) from \(move.day.iso): it was finished on \(move.standsOn.iso)")
        }
        for move in report.redirected {
            print("  ^\(move.id.value) stands on \(move.standsOn.iso); its copy on \(move.day.iso) now points there")
        }
        for same in report.sameOccurrences {
            print("  ^\(same.dropped.value) on \(same.day.iso) is the same occurrence of a recurring task as ^\(same.kept.value): kept ^\(same.kept.value)")
        }
        for path in report.keptBoth { Output.warning("\(path) changed on both sides; theirs is kept beside it as \(path).conflict-…") }
    }

    /// Task by task, as `journal diff` names the changes: `2025-01-15 done ^k7f3q Review …`.
    static func printTaskChanges(_ days: [DayComparison]) {
        for day in days {
            for section in DayComparison.Section.allCases where section != .stillOpen && section != .carried {
                for item in day.items(in: section) {
                    print("    \(day.to) \(section.name) \(DiffCommand.describe(item, in: section))")
                }
            }
        }
    }
}
