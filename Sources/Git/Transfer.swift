import CLibgit2
import Glibc

/// What a fetch, push or clone asks of its caller while it talks to a server.
public struct TransferHandlers {
    /// Credentials for the server, asked again after each refusal (nil: none to offer).
    public var credentials: ((CredentialRequest) -> Credential?)?
    /// A verdict on the server's identity. Without it, libgit2's own check decides.
    public var checkCertificate: ((Certificate) -> CertificateVerdict)?
    public var progress: ((TransferProgress) -> Void)?

    public init(credentials: ((CredentialRequest) -> Credential?)? = nil,
                checkCertificate: ((Certificate) -> CertificateVerdict)? = nil,
                progress: ((TransferProgress) -> Void)? = nil) {
        self.credentials = credentials
        self.checkCertificate = checkCertificate
        self.progress = progress
    }
}

public struct CredentialRequest {
    public let url: String
    public let username: String?
    public let allowsSSHKey: Bool
    public let allowsPassword: Bool
    /// 1 for the first request of a transfer, 2 after one refusal, and so on.
    public let attempt: Int

    public init(url: String, username: String?, allowsSSHKey: Bool, allowsPassword: Bool, attempt: Int) {
        self.url = url
        self.username = username
        self.allowsSSHKey = allowsSSHKey
        self.allowsPassword = allowsPassword
        self.attempt = attempt
    }
}

public enum Credential {
    case sshAgent(username: String)
    case sshKey(username: String, publicKey: String?, privateKey: String, passphrase: String?)
    case password(username: String, password: String)
    /// None to offer, with the reason the transfer fails with.
    case refuse(String)
}

public enum Certificate {
    /// An SSH server's host key: its type as OpenSSH names it (`ssh-ed25519`) and its bytes.
    case sshHostKey(host: String, type: String, key: [UInt8])
    /// A TLS certificate, and whether libgit2 found it valid for the host.
    case tls(host: String, valid: Bool)
}

public enum CertificateVerdict { case accept, reject(String), libgit2Decides }

public struct TransferProgress {
    public enum Direction: Sendable { case receiving, sending }
    public let direction: Direction
    public let objects: Int
    public let totalObjects: Int
    public let bytes: Int
}

/// The state a transfer's C callbacks reach through libgit2's payload pointer.
final class TransferContext {
    static let maximumCredentialAttempts = 3

    let handlers: TransferHandlers
    var credentialAttempts = 0
    /// Refs the server refused to update, with its reason.
    var refusals: [String: String] = [:]

    init(_ handlers: TransferHandlers) { self.handlers = handlers }

    /// libgit2 callbacks wired to this context. Valid while the context lives.
    func callbacks() throws -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        try check(git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "cannot prepare a transfer")
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, url, username, allowed, payload in
            TransferContext.from(payload).credential(out, url, username, allowed)
        }
        callbacks.certificate_check = { certificate, valid, host, payload in
            TransferContext.from(payload).verify(certificate, valid: valid != 0, host: host.map { String(cString: $0) } ?? "")
        }
        callbacks.transfer_progress = { stats, payload in
            guard let stats = stats?.pointee, let progress = TransferContext.from(payload).handlers.progress else { return 0 }
            progress(TransferProgress(direction: .receiving, objects: Int(stats.received_objects), totalObjects: Int(stats.total_objects),
                                      bytes: Int(stats.received_bytes)))
            return 0
        }
        callbacks.push_transfer_progress = { current, total, bytes, payload in
            guard let progress = TransferContext.from(payload).handlers.progress else { return 0 }
            progress(TransferProgress(direction: .sending, objects: Int(current), totalObjects: Int(total), bytes: Int(bytes)))
            return 0
        }
        // git_remote_push succeeds even when the server refuses an update: the refusal only
        // arrives here, per ref.
        callbacks.push_update_reference = { reference, status, payload in
            if let reference, let status {
                TransferContext.from(payload).refusals[String(cString: reference)] = String(cString: status)
            }
            return 0
        }
        return callbacks
    }

    private static func from(_ payload: UnsafeMutableRawPointer?) -> TransferContext {
        Unmanaged<TransferContext>.fromOpaque(payload!).takeUnretainedValue()
    }

    private func credential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, _ url: UnsafePointer<CChar>?,
                            _ username: UnsafePointer<CChar>?, _ allowed: UInt32) -> Int32 {
        credentialAttempts += 1
        // libgit2 asks again after every refusal; a bound keeps a wrong key from looping forever.
        guard credentialAttempts <= TransferContext.maximumCredentialAttempts else {
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "the server refused \(TransferContext.maximumCredentialAttempts) sets of credentials")
            return -1
        }
        let request = CredentialRequest(
            url: url.map { String(cString: $0) } ?? "", username: username.map { String(cString: $0) },
            allowsSSHKey: allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0,
            allowsPassword: allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, attempt: credentialAttempts)
        guard let credential = handlers.credentials?(request) else { return GIT_PASSTHROUGH.rawValue }
        switch credential {
        case .sshAgent(let user):
            return git_credential_ssh_key_from_agent(out, user)
        case .sshKey(let user, let publicKey, let privateKey, let passphrase):
            return git_credential_ssh_key_new(out, user, publicKey, privateKey, passphrase)
        case .password(let user, let password):
            return git_credential_userpass_plaintext_new(out, user, password)
        case .refuse(let reason):
            git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), reason)
            return GIT_EUSER.rawValue
        }
    }

    private func verify(_ certificate: UnsafeMutablePointer<git_cert>?, valid: Bool, host: String) -> Int32 {
        guard let certificate, let checker = handlers.checkCertificate else { return GIT_PASSTHROUGH.rawValue }
        let verdict: CertificateVerdict
        if certificate.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 {
            let hostKey = UnsafeRawPointer(certificate).assumingMemoryBound(to: git_cert_hostkey.self).pointee
            guard hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey else {
                git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), "the SSH server's host key could not be read")
                return -1
            }
            let key = Array(UnsafeRawBufferPointer(start: raw, count: hostKey.hostkey_len))
            verdict = checker(.sshHostKey(host: host, type: TransferContext.keyType(hostKey.raw_type), key: key))
        } else {
            verdict = checker(.tls(host: host, valid: valid))
        }
        switch verdict {
        // Never accept what libgit2 found invalid unless the checker compared the key itself
        // (an SSH host key, which libgit2 1.5 cannot check): CVE-2023-22742.
        case .accept: return 0
        case .reject(let reason):
            git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), reason)
            return -1
        case .libgit2Decides: return GIT_PASSTHROUGH.rawValue
        }
    }

    private static func keyType(_ type: git_cert_ssh_raw_type_t) -> String {
        switch type {
        case GIT_CERT_SSH_RAW_TYPE_RSA: return "ssh-rsa"
        case GIT_CERT_SSH_RAW_TYPE_DSS: return "ssh-dss"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_256: return "ecdsa-sha2-nistp256"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_384: return "ecdsa-sha2-nistp384"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_521: return "ecdsa-sha2-nistp521"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ED25519: return "ssh-ed25519"
        default: return "unknown"
        }
    }
}

/// C string arrays for libgit2, alive for the call only.
@discardableResult
func withStringArray<T>(_ strings: [String], _ body: (inout git_strarray) throws -> T) rethrows -> T {
    var pointers = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return try pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return try body(&array)
    }
}
