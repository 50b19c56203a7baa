import Git

/// Author and committer of journal's commits, found the way Git finds them: the environment
/// (GIT_AUTHOR_NAME, GIT_AUTHOR_DATE, …) first, then `user.name` and `user.email`. The author
/// date is `authoredAt` when the work was done earlier than now (a file saved by hand), unless
/// GIT_AUTHOR_DATE says otherwise; the committer date is always now.
package struct Identity {
    package let author: Signature
    package let committer: Signature

    package init(configuration: Configuration, environment: [String: String], clock: Clock, authoredAt: Int64? = nil) throws {
        let configuredName = try configuration.string("user.name")
        let configuredEmail = try configuration.string("user.email")
        func signature(_ role: String) throws -> Signature {
            guard let name = environment["GIT_\(role)_NAME"] ?? configuredName, !name.isEmpty else {
                throw JournalError.missingIdentity("user.name")
            }
            guard let email = environment["GIT_\(role)_EMAIL"] ?? configuredEmail, !email.isEmpty else {
                throw JournalError.missingIdentity("user.email")
            }
            let variable = "GIT_\(role)_DATE"
            var when = clock.now()
            if role == "AUTHOR", let authoredAt, authoredAt < when.seconds { when.seconds = authoredAt }
            if let text = environment[variable] {
                guard let parsed = GitDate.parse(text) else { throw JournalError.invalidGitDate(variable, text) }
                when = parsed
            }
            return Signature(name: name, email: email, time: when.seconds, offsetMinutes: when.offsetMinutes)
        }
        author = try signature("AUTHOR")
        committer = try signature("COMMITTER")
    }
}
