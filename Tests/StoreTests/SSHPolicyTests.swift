import FoundationEssentials
import Git
import JournalModel
@testable import JournalStore
import JournalUseCases
import Testing

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

@Suite struct SSHKeyFileTests {
    static let plain = """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
        QyNTUxOQAAACAvOsEaX2FRIFGKHvk+16CVYCJqsikeZC7CoOasb6e03QAAAIjSme0i0pnt
        -----END OPENSSH PRIVATE KEY-----

        """
    static let encrypted = """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABBflytOHi
        /vJ7ASeQ55cbrBAAAAEAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIKdX+LUTnYRKHiAI
        -----END OPENSSH PRIVATE KEY-----

        """

    @Test func tellsKeysWithAPassphraseFromKeysWithout() {
        #expect(!SSHKeyFile.isEncrypted(Self.plain))
        #expect(SSHKeyFile.isEncrypted(Self.encrypted))
        #expect(SSHKeyFile.isEncrypted("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n"))
        #expect(!SSHKeyFile.isEncrypted("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n"))
        #expect(SSHKeyFile.isEncrypted("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIE\n"))
    }

    @Test func offersKeysWithAPassphraseLastAndRefusesThemWithoutATerminal() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ssh-policy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/.ssh", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try Self.encrypted.write(toFile: home + "/.ssh/id_ed25519", atomically: true, encoding: .utf8)
        try Self.plain.write(toFile: home + "/.ssh/id_rsa", atomically: true, encoding: .utf8)
        func request(_ attempt: Int) -> CredentialRequest {
            CredentialRequest(url: "ssh://git@example.org/j.git", username: "git", allowsSSHKey: true, allowsPassword: false, attempt: attempt)
        }
        func describe(_ credential: Credential?) -> String {
            switch credential {
            case .sshKey(_, _, let privateKey, let passphrase)?: return "\(privateKey.dropFirst(home.count)) \(passphrase ?? "-")"
            case .refuse(let reason)?: return reason
            default: return "other"
            }
        }
        var asked: [String] = []
        let withoutTerminal = SSHPolicy(environment: ["HOME": home], url: "ssh://git@example.org/j.git", askPassphrase: { asked.append($0); return nil })
        #expect(describe(withoutTerminal.credential(for: request(1))) == "/.ssh/id_rsa -")
        #expect(describe(withoutTerminal.credential(for: request(2))) == "the SSH key \(home)/.ssh/id_ed25519 is protected by a passphrase and there is no terminal to ask for it; add it to ssh-agent with: ssh-add \(home)/.ssh/id_ed25519")
        #expect(asked == ["Enter passphrase for key '\(home)/.ssh/id_ed25519': "])
        var prompts: [String] = []
        let onTerminal = SSHPolicy(environment: ["HOME": home], url: "ssh://git@example.org/j.git", askPassphrase: { prompts.append($0); return "typed \(prompts.count)" })
        #expect(describe(onTerminal.credential(for: request(2))) == "/.ssh/id_ed25519 typed 1")
        // Refused: asked again, up to three times in all.
        #expect(describe(onTerminal.credential(for: request(3))) == "/.ssh/id_ed25519 typed 2")
        #expect(describe(onTerminal.credential(for: request(4))) == "/.ssh/id_ed25519 typed 3")
        #expect(onTerminal.credential(for: request(5)) == nil)
        #expect(prompts.last == "Wrong passphrase? Enter passphrase for key '\(home)/.ssh/id_ed25519': ")
        // The next transfer of the same command (the push after the fetch) is not asked again.
        #expect(describe(onTerminal.credential(for: request(2))) == "/.ssh/id_ed25519 typed 3")
        #expect(prompts.count == 3)
    }
}
