import Foundation

/// A `git daemon` serving a directory over git:// on a free port of 127.0.0.1, pushes allowed,
/// stopped when this object goes.
public final class GitDaemon {
    public let port: Int
    private let process = Process()

    public init(serving directory: String, environment: [String: String]) throws {
        port = try GitDaemon.freePort()
        // git-daemon itself, not `git daemon`: the `git` wrapper does not pass a signal on to it.
        let execPath = try ProcessResult.run("/usr/bin/env", ["git", "--exec-path"], in: directory, environment: environment)
        process.executableURL = URL(fileURLWithPath: execPath.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "/git-daemon")
        process.arguments = ["--reuseaddr", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1",
                             "--port=\(port)", "--base-path=\(directory)", directory]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try GitDaemon.waitUntilListening(port)
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    public func url(_ repository: String) -> String { "git://127.0.0.1:\(port)/\(repository)" }

    /// A port the kernel just handed out, closed again for the server to take.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw ProcessFailure(description: "no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitUntilListening(_ port: Int) throws {
        for _ in 0..<200 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(socket)
            if connected { return }
            usleep(25_000)
        }
        throw ProcessFailure(description: "git daemon did not start on port \(port)")
    }
}
