import Foundation

/// A server on 127.0.0.1 that takes every connection and never answers: a hung server as a
/// client sees it. Counts the connections it took, so a test can tell a client is waiting on it.
public final class SilentServer: @unchecked Sendable {
    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var accepted: [Int32] = []

    public init() throws {
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard listening else { throw ProcessFailure(description: "cannot listen on 127.0.0.1") }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [weak self] in
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0, let self else { return }
                self.lock.withLock { self.accepted.append(connection) }
            }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        lock.withLock { accepted.forEach { close($0) } }
    }

    public var connections: Int { lock.withLock { accepted.count } }

    public func url(_ repository: String) -> String { "git://127.0.0.1:\(port)/\(repository)" }
}
