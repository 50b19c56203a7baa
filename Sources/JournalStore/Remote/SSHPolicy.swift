import Git

/// How journal speaks SSH, as OpenSSH would: credentials from ssh-agent first, then the usual key
/// files in `~/.ssh`; the server's host key checked against `~/.ssh/known_hosts`, unknown or
/// changed keys refused with a message that says what to do.
package struct SSHPolicy {
    package let home: String
    package let agentAvailable: Bool
    /// Where the remote is, for the port a known_hosts entry is filed under.
    package let port: Int

    /// Asks for a key's passphrase; nil when it cannot (no terminal).
    package let askPassphrase: (String) -> String?

    package static let keyFiles = ["id_ed25519", "id_ecdsa", "id_rsa"]

    package init(environment: [String: String], url: String, askPassphrase: @escaping (String) -> String? = PassphrasePrompt.ask) {
        home = environment["HOME"] ?? ""
        agentAvailable = !(environment["SSH_AUTH_SOCK"] ?? "").isEmpty
        port = SSHPolicy.port(in: url)
        self.askPassphrase = askPassphrase
    }

    private enum Choice: Equatable {
        case agent
        case key(path: String, encrypted: Bool)
    }

    /// Passphrases typed during this command, so that the push after a fetch does not ask again.
    private final class Passphrases {
        var byKey: [String: String] = [:]
    }
    private let typed = Passphrases()

    /// The credential for one request: the agent on the first, then each key file in turn, those
    /// protected by a passphrase last, asking for it on the terminal (again after a refusal, as
    /// ssh does). Without a terminal, such a key is refused with what to do instead.
    package func credential(for request: CredentialRequest) -> Credential? {
        guard request.allowsSSHKey else { return nil }
        let user = request.username ?? "git"
        var keys: [(path: String, encrypted: Bool)] = []
        for name in SSHPolicy.keyFiles {
            let path = "\(home)/.ssh/\(name)"
            guard let bytes = try? WorkingTree(root: "").read(path) else { continue }
            keys.append((path, SSHKeyFile.isEncrypted(String(decoding: bytes, as: UTF8.self))))
        }
        let plain = keys.filter { !$0.encrypted }.map { Choice.key(path: $0.path, encrypted: false) }
        let protected = keys.filter(\.encrypted).flatMap { key in Array(repeating: Choice.key(path: key.path, encrypted: true), count: SSHPolicy.passphraseTries) }
        let choices = (agentAvailable ? [Choice.agent] : []) + plain + protected
        guard request.attempt <= choices.count else { return nil }
        switch choices[request.attempt - 1] {
        case .agent:
            return .sshAgent(username: user)
        case .key(let path, let encrypted):
            let publicKey = FileSystem.exists(path + ".pub") ? path + ".pub" : nil
            guard encrypted else { return .sshKey(username: user, publicKey: publicKey, privateKey: path, passphrase: nil) }
            let retry = request.attempt > 1 && choices[request.attempt - 2] == choices[request.attempt - 1]
            if retry { typed.byKey[path] = nil }
            if let known = typed.byKey[path] {
                return .sshKey(username: user, publicKey: publicKey, privateKey: path, passphrase: known)
            }
            guard let passphrase = askPassphrase("\(retry ? "Wrong passphrase? " : "")Enter passphrase for key '\(path)': ") else {
                return .refuse("the SSH key \(path) is protected by a passphrase and there is no terminal to ask for it; add it to ssh-agent with: ssh-add \(path)")
            }
            typed.byKey[path] = passphrase
            return .sshKey(username: user, publicKey: publicKey, privateKey: path, passphrase: passphrase)
        }
    }

    package static let passphraseTries = 3

    package func verdict(on certificate: Certificate) -> CertificateVerdict {
        guard case .sshHostKey(let host, let type, let key) = certificate else { return .libgit2Decides }
        let file = "\(home)/.ssh/known_hosts"
        let text = (try? WorkingTree(root: "").read(file)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let name = port == 22 ? host : "[\(host)]:\(port)"
        switch KnownHosts(text: text).check(host: host, port: port, type: type, key: key) {
        case .known:
            return .accept
        case .changed(let line):
            return .reject("the host key of \(name) has CHANGED since \(file):\(line) was written; this may be an attack. If the server's key really changed, remove the old one with: ssh-keygen -R '\(name)'")
        case .unknown:
            return .reject("\(name) is not a known host (\(file)); check its \(type) key fingerprint with the server's owner, then add it with: ssh-keyscan \(port == 22 ? "" : "-p \(port) ")\(host) >> \(file)")
        }
    }

    /// The port of `ssh://host:port/…`, else 22 (scp-like `user@host:path` has no port).
    package static func port(in url: String) -> Int {
        guard url.hasPrefix("ssh://") else { return 22 }
        let authority = url.dropFirst(6).prefix { $0 != "/" }
        let hostPart = authority.split(separator: "@").last ?? authority
        guard let colon = hostPart.lastIndex(of: ":"), !hostPart.hasSuffix("]") else { return 22 }
        return Int(hostPart[hostPart.index(after: colon)...]) ?? 22
    }
}
