import Glibc

/// libgit2 runs no hooks: journal runs the repository's hooks itself, where Git would.
extension Journal {
    package enum HookRun: Equatable {
        case notInstalled
        case exited(Int32)
        /// Stopped at the time limit.
        case stopped(after: Double)
    }

    /// Runs a hook that may refuse what is about to happen: a non-zero exit, or running past
    /// its time limit, stops the command with `consequence`. Skipped when the command was told so
    /// (`skipsRefusableHooks`).
    package func runRefusableHook(_ hook: Hook, arguments: [String] = [], input: String = "", consequence: Refusal) throws {
        guard !skipsRefusableHooks else { return }
        switch try run(hook, arguments: arguments, input: input, environment: [:]) {
        case .notInstalled, .exited(0): return
        case .exited(let status): throw JournalError.hookRefused(hook.rawValue, status, consequence)
        case .stopped(let seconds): throw JournalError.hookStopped(hook.rawValue, seconds, consequence)
        }
    }

    /// Whether `runRefusableHook(hook)` would run something: worth preparing for only then.
    package func willRunRefusableHook(_ hook: Hook) throws -> Bool {
        guard !skipsRefusableHooks else { return false }
        return try hookSettings().executable(hook, ignored: { _ in }) != nil
    }

    /// Queues a hook that hears about something done; it runs once journal's write lock is
    /// released, so that it may run journal commands itself.
    package func announceLater(_ hook: Hook, arguments: [String] = [], environment: [String: String] = [:]) {
        pendingAnnouncements.append((hook, arguments, environment))
    }

    /// Runs the queued announcements. Their exit status is ignored, as Git ignores a post-commit
    /// hook's; one that runs past its time limit is stopped, with a warning.
    package func announcePending() {
        while !pendingAnnouncements.isEmpty {
            let (hook, arguments, environment) = pendingAnnouncements.removeFirst()
            do {
                if case .stopped(let seconds) = try run(hook, arguments: arguments, input: "", environment: environment) {
                    warn("the \(hook.rawValue) hook did not finish within \(Journal.seconds(seconds)) and was stopped (\(HookSettings.timeLimitKey) sets the limit)")
                }
            } catch {
                warn("the \(hook.rawValue) hook did not run: \(error)")
            }
        }
    }

    /// journal's write lock around `body`, then the hooks that announce what it did.
    package func exclusively<T>(_ body: () throws -> T) throws -> T {
        defer { announcePending() }
        return try lock.withLock(recover: recover(from:), body)
    }

    private func run(_ hook: Hook, arguments: [String], input: String, environment extra: [String: String]) throws -> HookRun {
        let settings = try hookSettings()
        guard let executable = settings.executable(hook, ignored: warn) else { return .notInstalled }
        // What an outer hook was told is not this hook's to see.
        var hookEnvironment = environment.filter { $0.key != "JOURNAL_FILE" && $0.key != "JOURNAL_COMMAND" }.merging(extra) { $1 }
        hookEnvironment["JOURNAL_DIR"] = String(directory.dropLast())
        if let command { hookEnvironment["JOURNAL_COMMAND"] = command.rawValue }
        // As Git puts its own programs first on a hook's PATH: the hook's `journal` is this one.
        if let folder = Journal.executableFolder() {
            hookEnvironment["PATH"] = folder + ":" + (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        }
        let inJournal = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory, executable] + arguments
        let process = Subprocess(inJournal, environment: hookEnvironment, input: Array(input.utf8))
        guard let status = try process.runPassingOutput(timeLimit: settings.timeLimit) else { return .stopped(after: settings.timeLimit) }
        return .exited(status)
    }

    package func hookSettings() throws -> HookSettings {
        if let cachedHookSettings { return cachedHookSettings }
        let settings = try HookSettings(configuration: try configuration(), journalDirectory: directory,
                                        gitDirectory: repository.gitDirectory, home: environment["HOME"])
        cachedHookSettings = settings
        return settings
    }

    /// The folder of the running journal executable.
    package static func executableFolder() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let path = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.lastIndex(of: "/").map { String(path[..<$0]) }
    }

    package static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
