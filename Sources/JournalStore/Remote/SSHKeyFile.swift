/// What journal needs to know of a private key file before offering it: whether it is
/// protected by a passphrase.
package enum SSHKeyFile {
    /// The base64 of OpenSSH's key header, `openssh-key-v1\0`, followed by the cipher name
    /// `none`: the only way such a key is stored unencrypted.
    private static let unencryptedOpenSSH = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU"

    package static func isEncrypted(_ text: String) -> Bool {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        guard let begin = lines.first else { return false }
        if begin.contains("BEGIN OPENSSH PRIVATE KEY") {
            return !(lines.dropFirst().first?.hasPrefix(unencryptedOpenSSH) ?? false)
        }
        // PEM: a `Proc-Type: 4,ENCRYPTED` header, or PKCS#8's ENCRYPTED PRIVATE KEY.
        return begin.contains("ENCRYPTED PRIVATE KEY") || lines.contains { $0.hasPrefix("Proc-Type:") && $0.contains("ENCRYPTED") }
    }
}
