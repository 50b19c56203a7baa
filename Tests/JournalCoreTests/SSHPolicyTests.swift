import FoundationEssentials
import Testing
@testable import JournalCore

@Suite struct SHA1Tests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }

    @Test func matchesThePublishedTestVectors() {
        #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        // RFC 2202, test case 2.
        #expect(hex(SHA1.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }
}

@Suite struct KnownHostsTests {
    let key: [UInt8] = Array("a host key".utf8)
    var encoded: String { Data(key).base64EncodedString() }

    @Test func recognisesPlainPortAndHashedEntries() {
        let salt: [UInt8] = Array("saltsaltsaltsaltsalt".utf8)
        let hashed = "|1|\(Data(salt).base64EncodedString())|\(Data(SHA1.hmac(key: salt, message: Array("[10.0.0.1]:2222".utf8))).base64EncodedString())"
        let file = KnownHosts(text: """
            # comment
            example.org,192.0.2.1 ssh-ed25519 \(encoded)
            [127.0.0.1]:2222 ssh-ed25519 \(encoded) comment
            \(hashed) ssh-ed25519 \(encoded)
            """)
        #expect(file.check(host: "example.org", port: 22, type: "ssh-ed25519", key: key) == .known)
        #expect(file.check(host: "192.0.2.1", port: 22, type: "ssh-ed25519", key: key) == .known)
        #expect(file.check(host: "127.0.0.1", port: 2222, type: "ssh-ed25519", key: key) == .known)
        #expect(file.check(host: "10.0.0.1", port: 2222, type: "ssh-ed25519", key: key) == .known)
        #expect(file.check(host: "127.0.0.1", port: 22, type: "ssh-ed25519", key: key) == .unknown)
        #expect(file.check(host: "example.org", port: 22, type: "ssh-ed25519", key: Array("other".utf8)) == .changed(line: 2))
        #expect(file.check(host: "example.org", port: 22, type: "ssh-rsa", key: key) == .unknown)
    }

    @Test(arguments: [("ssh://git@example.org:2222/me/journal.git", 2222), ("ssh://example.org/journal.git", 22),
                      ("git@example.org:me/journal.git", 22), ("/srv/journal.git", 22)])
    func readsThePortOfARemote(_ url: String, _ port: Int) {
        #expect(SSHPolicy.port(in: url) == port)
    }
}
