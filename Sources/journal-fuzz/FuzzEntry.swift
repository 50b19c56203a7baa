import FoundationEssentials
import Glibc

// Built by Fuzz/run.sh with -DLIBFUZZER: libFuzzer brings `main` and calls this for every input.
// Otherwise the program replays inputs given as files or folders (a crash libFuzzer saved, the
// seed corpus), so a failure can be reproduced in an ordinary debug build.
#if LIBFUZZER
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    DayFileProperties.check(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#else
@main
enum Replay {
    static func main() throws {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            print("usage: journal-fuzz FILE|FOLDER…  (checks each as a day file; Fuzz/run.sh fuzzes)")
            exit(2)
        }
        var count = 0
        for path in paths {
            for file in try inputs(at: path) {
                DayFileProperties.check(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
                count += 1
            }
        }
        print("\(count) inputs checked: every property holds")
    }

    private static func inputs(at path: String) throws -> [String] {
        var isFolder = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder else { return [path] }
        return try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 }
    }
}
#endif
