import Foundation

/// OpenSSH's `sshd` on a free port of 127.0.0.1, with a host key of its own and one authorized
/// key, for the user running the tests. Stopped when this object goes.
public final class SSHServer {
    public let port: Int
    public let user: String
    /// The line a client's `known_hosts` needs for this server.
    public let knownHostsLine: String
    private var pid: pid_t = 0

    public init(directory: String, authorizedKey: String, environment: [String: String]) throws {
        port = try GitDaemon.freePort()
        user = String(cString: getpwuid(getuid())!.pointee.pw_name)
        if getuid() == 0 { mkdir("/run/sshd", 0o755) } // sshd's privilege separation needs it as root
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let hostKey = directory + "/host_ed25519"
        let keygen = try ProcessResult.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey], in: directory, environment: environment)
        guard keygen.status == 0 else { throw ProcessFailure(description: "ssh-keygen failed: \(keygen.stderr)") }
        let publicKey = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        knownHostsLine = "[127.0.0.1]:\(port) \(publicKey)"
        try authorizedKey.write(toFile: directory + "/authorized_keys", atomically: true, encoding: .utf8)
        try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(hostKey)
            PidFile \(directory)/sshd.pid
            AuthorizedKeysFile \(directory)/authorized_keys
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no

            """.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
        // sshd detaches into the background: a long-lived child confuses corelibs Foundation's
        // reaping of the test's other children (see Daemon).
        try Daemon.start(["/usr/sbin/sshd", "-f", directory + "/sshd_config", "-E", directory + "/sshd.log"], environment: environment)
        try GitDaemon.waitUntilListening(port)
        // Read now: the directory may be gone by the time this object is.
        pid = try Daemon.pid(in: directory + "/sshd.pid")
    }

    deinit {
        if pid > 0 { kill(pid, SIGKILL) }
    }

    public func url(_ path: String) -> String { "ssh://\(user)@127.0.0.1:\(port)\(path)" }
}
