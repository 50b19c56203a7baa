import Git

/// How journal speaks SSH, as OpenSSH would: credentials from ssh-agent first, then the usual key
/// files in `~/.ssh`; the server's host key checked against `~/.ssh/known_hosts`, unknown or
/// changed keys refused with a message that says what to do.
struct SSHPolicy {
    let home: String
    let agentAvailable: Bool
    /// Where the remote is, for the port a known_hosts entry is filed under.
    let port: Int

    static let keyFiles = ["id_ed25519", "id_ecdsa", "id_rsa"]

    init(environment: [String: String], url: String) {
        home = environment["HOME"] ?? ""
        agentAvailable = !(environment["SSH_AUTH_SOCK"] ?? "").isEmpty
        port = SSHPolicy.port(in: url)
    }

    /// The credential for one request: the agent on the first, then each key file in turn.
    func credential(for request: CredentialRequest) -> Credential? {
        guard request.allowsSSHKey else { return nil }
        let user = request.username ?? "git"
        var choices: [Credential] = agentAvailable ? [.sshAgent(username: user)] : []
        for name in SSHPolicy.keyFiles where FileSystem.exists("\(home)/.ssh/\(name)") {
            let publicKey = "\(home)/.ssh/\(name).pub"
            choices.append(.sshKey(username: user, publicKey: FileSystem.exists(publicKey) ? publicKey : nil,
                                   privateKey: "\(home)/.ssh/\(name)", passphrase: nil))
        }
        return request.attempt <= choices.count ? choices[request.attempt - 1] : nil
    }

    func verdict(on certificate: Certificate) -> CertificateVerdict {
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
    static func port(in url: String) -> Int {
        guard url.hasPrefix("ssh://") else { return 22 }
        let authority = url.dropFirst(6).prefix { $0 != "/" }
        let hostPart = authority.split(separator: "@").last ?? authority
        guard let colon = hostPart.lastIndex(of: ":"), !hostPart.hasSuffix("]") else { return 22 }
        return Int(hostPart[hostPart.index(after: colon)...]) ?? 22
    }
}
