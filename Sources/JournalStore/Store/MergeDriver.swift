import Git

/// Git's merge driver for day files, named by `.gitattributes` (`merge=journal`) and set in the
/// journal's own `.git/config`, so that a plain `git pull` merges day files by task as a sync
/// does, without the user configuring anything, whatever PATH the process running Git has.
extension Journal {
    package static let mergeDriverKey = "merge.journal.driver"

    /// Sets the command Git runs to merge a day file (`%O %A %B` filled in by Git).
    public func setMergeDriver(_ command: String) throws {
        let configuration = try Configuration.file(at: repository.gitDirectory + "config")
        try configuration.set("merge.journal.name", to: "journal: day files merged task by task")
        try configuration.set(Journal.mergeDriverKey, to: command)
    }

    /// Makes the journal's branch follow `remote`'s branch of the same name, as `git clone` does,
    /// so that a `git pull` by hand knows what to merge.
    public func trackRemoteBranch(_ remote: String) throws {
        let branch = try branch()
        let configuration = try Configuration.file(at: repository.gitDirectory + "config")
        try configuration.set("branch.\(branch).remote", to: remote)
        try configuration.set("branch.\(branch).merge", to: "refs/heads/\(branch)")
    }

    /// The driver command Git would run, and where it is set; nil when none is.
    public func mergeDriver() throws -> (command: String, scope: String)? {
        try configuration().entry(Journal.mergeDriverKey).map { ($0.value, $0.scope.rawValue) }
    }
}
