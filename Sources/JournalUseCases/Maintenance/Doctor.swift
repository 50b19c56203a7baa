import Git
import Glibc
import JournalModel
import JournalStore

/// What `journal doctor` found.
public struct DoctorReport {
    public struct Finding: Equatable {
        /// `interrupted-command`, `git-operation`, `lock-file`, `damaged-object`, `missing-object`, `branch`,
        /// `index`, `history-index`, `merge-driver`.
        public let kind: String
        public let path: String
        public let problem: String
        /// What the user can do; doctor itself changes nothing.
        public let fix: String
    }

    public let directory: String
    public var findings: [Finding] = []
    /// What `journal check` finds in the day files.
    public var dayProblems: [DayProblem] = []
    public var commitsChecked = 0
    public var dayFilesChecked = 0

    public var healthy: Bool { findings.isEmpty && dayProblems.isEmpty }
}

public struct Doctor {
    let store: Journal
    /// The merge driver this journal binary would set (`journal init` sets it): when the one Git
    /// is configured with names a program that is gone, doctor says to set this one.
    public var mergeDriver: String?

    public init(_ store: Journal) {
        self.store = store
    }

    /// `journal doctor`: looks for what keeps the journal from working (an interrupted command,
    /// stale lock files, damaged or missing objects, a damaged branch, index or history index,
    /// invalid day files) and says how to recover from each. Changes nothing, takes no lock, and
    /// reads loose objects with zlib before libgit2 does, so a damaged one cannot make it hang.
    public func run() -> DoctorReport {
        var report = DoctorReport(directory: store.directory)
        report.findings += interruptedCommand() + unfinishedGitOperation() + staleLockFiles()
        let damaged = store.repository.damagedLooseObjects()
        report.findings += damaged.map { object in
            finding("damaged-object", object.path, "object \(object.id.hex) \(object.damage)", restoring(object.id, movingAside: object.path))
        }
        let head = branchFindings(&report)
        if let head, let walk = try? store.repository.unreadableObjects(reachableFrom: head) {
            report.commitsChecked = walk.commits
            let known = Set(damaged.map(\.id))
            report.findings += walk.objects.filter { !known.contains($0.id) }.map(unreadable)
        }
        report.findings += indexFindings() + historyIndexFindings() + mergeDriverFindings()
        if let check = try? CheckDays(store).run(days: [], changedOnly: false) {
            report.dayProblems = check.problems
            report.dayFilesChecked = check.checkedFiles
        }
        return report
    }

    /// A merge driver whose program no longer exists (the binary moved, or was uninstalled):
    /// a `git pull` would fail on the first day file both sides changed. None at all (a clone
    /// made with `git clone`, a journal older than the setting): it would merge them line by line.
    private func mergeDriverFindings() -> [DoctorReport.Finding] {
        guard let mergeDriver else { return [] }
        let fix = "git -C \(shownDirectory) config \(Journal.mergeDriverKey) \"\(mergeDriver)\""
        guard let (configured, scope) = try? store.mergeDriver() else {
            return [finding("merge-driver", store.repository.gitDirectory + "config",
                            "Git's merge driver for day files (\(Journal.mergeDriverKey)) is not set: a git pull would merge them line by line, with conflict markers", fix)]
        }
        let program = Doctor.program(of: configured)
        guard program.hasPrefix("/"), !FileSystem.exists(program) else { return [] }
        let setting = scope == "local" ? fix : "git config --\(scope) \(Journal.mergeDriverKey) \"\(mergeDriver)\""
        return [finding("merge-driver", program, "Git's merge driver for day files (\(Journal.mergeDriverKey)) runs \(program), which does not exist", setting)]
    }

    /// The program a shell command line runs: its first word, unquoted.
    static func program(of command: String) -> String {
        guard command.hasPrefix("'") else { return String(command.prefix { $0 != " " }) }
        return String(command.dropFirst().prefix { $0 != "'" })
    }

    private var shownDirectory: String { String(store.directory.dropLast()) }

    private func finding(_ kind: String, _ path: String, _ problem: String, _ fix: String) -> DoctorReport.Finding {
        DoctorReport.Finding(kind: kind, path: path.hasPrefix(store.directory) ? String(path.dropFirst(store.directory.count)) : path,
                             problem: problem, fix: fix)
    }

    /// A merge, rebase, cherry-pick or revert that git stopped in: journal commits no hand edit
    /// until it is finished or aborted.
    private func unfinishedGitOperation() -> [DoctorReport.Finding] {
        guard case .unfinished(let operation, let marker, let abort)? = GitActivity.unfinishedOperation(
            gitDirectory: store.repository.gitDirectory) else { return [] }
        return [finding("git-operation", marker, "git is in the middle of \(operation); journal commits no hand edit until it ends",
                        "finish it with git, or abort it: git -C \(shownDirectory) \(abort.dropFirst(4))")]
    }

    private func interruptedCommand() -> [DoctorReport.Finding] {
        let descriptor = Glibc.open(store.lock.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        guard let holder = LockHolder.read(from: descriptor), !holder.isRunning else { return [] }
        return [finding("interrupted-command", store.lock.path, "journal command pid \(holder.pid) stopped before it finished",
                        "the next journal command that writes (journal add, journal sync…) cleans up after it")]
    }

    private func staleLockFiles() -> [DoctorReport.Finding] {
        Journal.lockFiles(in: store.repository.gitDirectory).map { path in
            finding("lock-file", path, "a lock file left by a git or journal command that stopped (or is still running)",
                    "if no git command is running in the journal: rm \(path)")
        }
    }

    /// A damaged object must first leave the objects folder: Git would take it for the object
    /// and write nothing.
    private func restoring(_ id: ObjectID, movingAside path: String? = nil) -> String {
        let aside = path.map { "mv \(store.directory)\($0) \(store.repository.gitDirectory)\(id.hex).damaged; then " } ?? ""
        return aside + "restore it from another clone of the journal: there, T=$(git cat-file -t \(id.hex)) && git cat-file $T \(id.hex) | git -C \(shownDirectory) hash-object -w -t $T --stdin"
    }

    private func unreadable(_ object: UnreadableObject) -> DoctorReport.Finding {
        let what = object.kind.rawValue + (object.path.isEmpty ? "" : " " + object.path)
        var fix = restoring(object.id)
        if object.kind == .blob, let bytes = try? store.files.read(object.path),
           (try? Repository.hash(ofBlob: bytes)) == object.id {
            fix = "the working tree still holds it: git -C \(shownDirectory) hash-object -w \(object.path)"
        }
        return finding(object.isMissing ? "missing-object" : "damaged-object", object.path,
                       "\(what) \(object.id.hex), needed by commit \(object.commit.short), is \(object.isMissing ? "missing" : "unreadable: \(object.reason)")", fix)
    }

    /// HEAD's branch must name a readable commit; returns it.
    private func branchFindings(_ report: inout DoctorReport) -> ObjectID? {
        guard let branch = try? store.repository.headBranchName() else {
            report.findings.append(finding("branch", store.repository.gitDirectory + "HEAD", "HEAD does not name a branch",
                                           "git -C \(shownDirectory) symbolic-ref HEAD refs/heads/main"))
            return nil
        }
        let name = String(branch.dropFirst(branch.hasPrefix("refs/heads/") ? 11 : 0))
        do {
            guard let head = try store.repository.referenceTarget(branch) else { return nil }
            if store.repository.isReadableCommit(head) { return head }
            report.findings.append(finding("branch", store.repository.gitDirectory + branch, "\(name) points at \(head.hex), which cannot be read",
                                           lastGoodCommit(branch, excluding: head)))
            return head
        } catch {
            let empty = (try? WorkingTree(root: store.repository.gitDirectory).read(branch))?.isEmpty == true
            // Git will not update a reference it cannot read: the file goes first.
            let file = store.repository.gitDirectory + branch
            report.findings.append(finding("branch", file, empty ? "\(name) is empty" : "\(name) cannot be read (\(error))",
                                           "rm \(file), then " + lastGoodCommit(branch, excluding: nil)))
            return nil
        }
    }

    private func lastGoodCommit(_ branch: String, excluding bad: ObjectID?) -> String {
        let candidates = (try? store.repository.reflog(branch)) ?? []
        guard let good = candidates.first(where: { $0 != bad && store.repository.isReadableCommit($0) }) else {
            return "no readable commit in its reflog: take the branch from another clone (git -C \(shownDirectory) fetch REMOTE && git -C \(shownDirectory) update-ref \(branch) FETCH_HEAD)"
        }
        let subject = (try? CommitMessage.Parsed(store.repository.commit(good).message).subject) ?? ""
        return "the last good commit seen in the reflog is \(good.short) (\(subject)): git -C \(shownDirectory) update-ref \(branch) \(good.hex)"
    }

    private func indexFindings() -> [DoctorReport.Finding] {
        do {
            _ = try store.repository.index()
            return []
        } catch {
            let index = store.repository.gitDirectory + "index"
            return [finding("index", index, "the index cannot be read (\(error))",
                            "it holds nothing the commits and working tree do not; rebuild it: rm \(index) && git -C \(shownDirectory) reset -q")]
        }
    }

    private func historyIndexFindings() -> [DoctorReport.Finding] {
        let path = store.state.absolute(HistoryIndex.fileName)
        guard FileSystem.exists(path), let problem = HistoryIndex.damage(at: path) else { return [] }
        return [finding("history-index", path, "the history index is damaged (\(problem))",
                        "journal rebuilds it by itself at the next journal log; deleting it is always safe: rm \(path)")]
    }
}
