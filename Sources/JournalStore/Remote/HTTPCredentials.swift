import Git

/// Credentials for HTTP(S) remotes, as Git finds them: a token in `JOURNAL_GIT_TOKEN`, else Git's
/// credential helpers (`git credential fill`), asked once per command. What worked is reported to
/// the helpers (`approve`) after the command, and what the server refused (`reject`), as Git does.
/// Nothing is written into the remote URL or any file by journal itself.
package final class HTTPCredentials {
    private let token: String?
    /// What the helpers gave, as `key=value` lines, until it is approved or rejected.
    private var offered: [String]?
    private var credential: Credential?

    package init(environment: [String: String]) {
        token = environment["JOURNAL_GIT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    package func credential(for request: CredentialRequest) -> Credential? {
        guard request.allowsPassword else { return nil }
        if let token { return .password(username: request.username ?? "journal", password: token) }
        // libgit2 asks again for each connection that needs it; the answer stays the same, and
        // the transfer's bound on attempts ends a refusal.
        if let credential { return credential }
        var query = ["url=\(request.url)"]
        if let username = request.username { query.append("username=\(username)") }
        guard let filled = try? Subprocess(["git", "credential", "fill"], input: Array((query.joined(separator: "\n") + "\n\n").utf8)).runCapturingOutput(),
              filled.status == 0 else { return nil }
        let fields = filled.output.split(separator: "\n").map(String.init)
        func field(_ key: String) -> String? { fields.first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) } }
        guard let username = field("username"), let password = field("password") else { return nil }
        offered = fields
        credential = .password(username: username, password: password)
        return credential
    }

    /// After a command that succeeded: the helpers may store what worked.
    package func approve() {
        if let worked = offered { tell("approve", worked) }
    }

    /// After a command that failed: if the server refused what the helpers gave, they forget it.
    package func rejectIfRefused(_ error: Error) {
        guard let refused = offered, let error = error as? GitError,
              error.message.contains("credentials") || error.message.contains("authentication") else { return }
        tell("reject", refused)
    }

    private func tell(_ verdict: String, _ fields: [String]) {
        _ = try? Subprocess(["git", "credential", verdict], input: Array((fields.joined(separator: "\n") + "\n\n").utf8)).runCapturingOutput()
        offered = nil
        credential = nil
    }
}
