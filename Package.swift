// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "journal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "journal", targets: ["journal"]),
    ],
    dependencies: [
        // 1.6: custom completions get the word under the cursor.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
    ],
    targets: [
        // The C library, as Debian ships it. Only `Git` may import this.
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // Swift ownership of libgit2 handles; every failing call becomes a thrown GitError.
        .target(name: "Git", dependencies: ["CLibgit2"]),
        // Debian's SQLite, for the history index. Only `SQLite` may import this.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        // Day files, tasks, dates, carrying forward, history and the journal store. No C, no CLI.
        .target(name: "JournalCore", dependencies: ["Git", "SQLite"]),
        // The commands: argument parsing and printing only.
        .target(
            name: "JournalCLI",
            dependencies: [
                "JournalCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "journal", dependencies: ["JournalCLI"]),

        // Benchmark-only programs (see Benchmarks/run.py): the synthetic journal and the start-up floor.
        .executableTarget(name: "journal-generate", dependencies: ["JournalCore"], path: "Benchmarks/GenerateJournal"),
        .executableTarget(name: "journal-startup-floor", dependencies: ["Git"], path: "Benchmarks/StartupFloor"),

        // The fuzz target for the day-file parser and the task merge (see Fuzz/run.sh); built
        // normally it replays inputs given as files.
        .executableTarget(name: "journal-fuzz", dependencies: ["JournalCore"]),

        // Temporary directories and child processes with their own HOME, for the tests below.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "JournalCoreTests", dependencies: ["JournalCore"]),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"]),
        // The store in process: commits and syncs with failures injected at each step.
        .testTarget(name: "StoreTests", dependencies: ["JournalCore", "Git", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["journal", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
