import Glibc

/// Writes an executable script. The descriptor is opened close-on-exec: tests run in parallel,
/// and a child another test starts meanwhile must not inherit it, or running the script fails
/// with "Text file busy" for as long as that child lives.
public func writeExecutable(_ text: String, to path: String) throws {
    unlink(path)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw ProcessFailure(description: "cannot create \(path): errno \(errno)") }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
        throw ProcessFailure(description: "cannot write \(path): errno \(errno)")
    }
}
