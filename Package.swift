// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "journal",
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
        // Lets libgit2's initialisation skip reading the system's certificate bundle, which only
        // HTTPS needs (see its header). Linked into every executable that uses Git.
        .target(name: "CertificateDeferral"),
        // Swift ownership of libgit2 handles; every failing call becomes a thrown GitError.
        .target(name: "Git", dependencies: ["CLibgit2", "CertificateDeferral"]),
        // Debian's SQLite, for the history index. Only `SQLite` may import this.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        // Day files, tasks, ids, dates, carrying forward, merging, comparing, commit messages and
        // import parsing: values and rules only, no I/O, nothing imported but the standard library.
        .target(name: "JournalModel"),
        // The journal store: the repository, working tree, lock, derived state and the commit
        // pipeline with its hooks.
        .target(name: "JournalStore", dependencies: ["JournalModel", "Git", "SQLite"]),
        // One type per job a command does (StartDay, Sync, Undo, Doctor…), built on the store.
        // No argument parsing, no printing.
        .target(name: "JournalUseCases", dependencies: ["JournalModel", "JournalStore", "Git"]),
        // The commit the binary was built from, for `journal --version`: the Makefile links it in
        // (see BuildInfo.h). Only JournalCLI imports it.
        .target(name: "BuildInfo"),
        // The commands: argument parsing and printing only.
        .target(
            name: "JournalCLI",
            dependencies: [
                "BuildInfo",
                "JournalModel",
                "JournalStore",
                "JournalUseCases",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "journal", dependencies: ["JournalCLI"]),

        // Benchmark-only programs (see Benchmarks/run.py): the synthetic journal, the start-up
        // floor, and a Swift process that does nothing.
        .executableTarget(name: "journal-generate", dependencies: ["JournalModel"], path: "Benchmarks/GenerateJournal"),
        .executableTarget(name: "journal-startup-floor", dependencies: ["Git"], path: "Benchmarks/StartupFloor"),
        .executableTarget(name: "journal-hello", path: "Benchmarks/Hello"),

        // The fuzz target for the day-file parser and the task merge (see Fuzz/run.sh); built
        // normally it replays inputs given as files.
        .executableTarget(name: "journal-fuzz", dependencies: ["JournalModel"]),

        // Temporary directories and child processes with their own HOME, for the tests below.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "JournalModelTests", dependencies: ["JournalModel", "TestSupport"]),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"]),
        // The store in process: commits and syncs with failures injected at each step.
        .testTarget(name: "StoreTests", dependencies: ["JournalModel", "JournalStore", "JournalUseCases", "Git", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["journal", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
