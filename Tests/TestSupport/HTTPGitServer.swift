import Foundation

/// Smart HTTP: `git http-backend` behind lighttpd with basic authentication, on a free port of
/// 127.0.0.1, serving the repositories in `repositories`; with `tls`, HTTPS with a self-signed
/// certificate for 127.0.0.1, which clients must be told to trust. Stopped when this object goes.
public final class HTTPGitServer {
    public let port: Int
    /// With `tls`: the server's certificate, its own authority.
    public let certificate: String?
    private var pid: pid_t = 0

    public init(directory: String, repositories: String, user: String, password: String, tls: Bool = false,
                environment: [String: String]) throws {
        port = try GitDaemon.freePort()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var tlsSettings = ""
        if tls {
            let made = try ProcessResult.run("/usr/bin/openssl", [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=DNS:127.0.0.1,IP:127.0.0.1", "-keyout", directory + "/key.pem", "-out", directory + "/cert.pem",
            ], in: directory, environment: environment)
            guard made.status == 0 else { throw ProcessFailure(description: "openssl failed: \(made.stderr)") }
            certificate = directory + "/cert.pem"
            tlsSettings = """
                server.modules += ( "mod_openssl" )
                ssl.engine = "enable"
                ssl.pemfile = "\(directory)/cert.pem"
                ssl.privkey = "\(directory)/key.pem"
                """
        } else {
            certificate = nil
        }
        try "\(user):\(password)\n".write(toFile: directory + "/users", atomically: true, encoding: .utf8)
        let execPath = try ProcessResult.run("/usr/bin/env", ["git", "--exec-path"], in: directory, environment: environment)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try """
            server.modules = ( "mod_auth", "mod_authn_file", "mod_alias", "mod_setenv", "mod_cgi" )
            server.document-root = "\(directory)"
            server.bind = "127.0.0.1"
            server.port = \(port)
            server.pid-file = "\(directory)/lighttpd.pid"
            server.errorlog = "\(directory)/error.log"
            alias.url = ( "/git/" => "\(execPath)/git-http-backend/" )
            $HTTP["url"] =~ "^/git/" {
                cgi.assign = ( "" => "" )
                setenv.add-environment = ( "GIT_PROJECT_ROOT" => "\(repositories)", "GIT_HTTP_EXPORT_ALL" => "" )
            }
            auth.backend = "plain"
            auth.backend.plain.userfile = "\(directory)/users"
            auth.require = ( "/git/" => ( "method" => "basic", "realm" => "journal", "require" => "valid-user" ) )
            \(tlsSettings)

            """.write(toFile: directory + "/lighttpd.conf", atomically: true, encoding: .utf8)
        // lighttpd detaches into the background, like sshd in SSHServer, and for the same reason.
        try Daemon.start(["/usr/sbin/lighttpd", "-f", directory + "/lighttpd.conf"], environment: environment)
        try GitDaemon.waitUntilListening(port)
        pid = try Daemon.pid(in: directory + "/lighttpd.pid")
    }

    deinit {
        if pid > 0 { kill(pid, SIGKILL) }
    }

    public func url(_ repository: String) -> String { "\(certificate == nil ? "http" : "https")://127.0.0.1:\(port)/git/\(repository)" }
}
