// swift-tools-version:6.0
import PackageDescription

// Pipeline: text → tokens → AST (SiklusLanguage) → logical plan (SiklusPlan) → columnar evaluation
// (SiklusEngine over SiklusStore) or SQL (SiklusSQL) → result table → rendered (SiklusShell). Each stage is
// its own module so its public surface stays small; only `siklus` touches libedit.
let package = Package(
    name: "Siklus",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "siklus", targets: ["siklus"]),
        .library(name: "SiklusEngine", targets: ["SiklusEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Columnar store and CSV loader: standard library, Foundation and zlib (gzip-compressed files); its load
        // errors, skip reasons and notes are catalog keys with arguments (SiklusMessages).
        .target(name: "SiklusStore", dependencies: ["CZlib", "SiklusTime", "CMemoryHints", "SiklusMessages"]),
        // Every translated message by key, one catalog per language, and the current language: the one place
        // the store, the parser and the engine word what they say (no dependency).
        .target(name: "SiklusMessages"),
        // Calendar arithmetic on Unix seconds (UTC), shared by the store and the logical plan.
        .target(name: "SiklusTime"),
        // Lexer, AST with spans, parser, diagnostics.
        .target(name: "SiklusLanguage", dependencies: ["SiklusMessages"]),
        // Customer-value models (BG/NBD, Gamma-Gamma, lifetime value) and their numerics; no store. Their fit errors
        // are values worded from the catalogs (SiklusMessages).
        .target(name: "SiklusValueModels", dependencies: ["SiklusMessages"]),
        // The logical plan: catalog, binder, metric definitions, settings and the result table; holds no data.
        .target(name: "SiklusPlan", dependencies: ["SiklusLanguage", "SiklusTime"]),
        // SQL for other engines: dialects, the SQL compiler, the protocol every engine connection speaks.
        .target(name: "SiklusSQL", dependencies: ["SiklusPlan", "SiklusTime"]),
        // Connections to PostgreSQL (libpq) and Spark (a long-lived session); only the shell links them.
        .target(name: "SiklusConnect", dependencies: ["SiklusSQL", "SiklusTime", "CLibPQ"]),
        // The columnar engine (the logical plan compiled to kernels over the store) and the session API; runs on a
        // connected engine through SiklusSQL's `SQLEngine` protocol, which the shell's connector implements
        // (the core links no client library).
        .target(name: "SiklusEngine", dependencies: ["SiklusStore", "SiklusLanguage", "SiklusPlan", "SiklusSQL", "SiklusValueModels"]),
        // Terminal charts (heatmaps, bars, lines) and SVG/HTML export of result tables.
        .target(name: "SiklusCharts", dependencies: ["SiklusEngine", "SiklusStore"]),
        // Rendering, meta-commands and the script runner: no terminal library, so testable.
        .target(name: "SiklusShell", dependencies: ["SiklusEngine", "SiklusCharts", "CDemoData"]),
        // The demo dataset and its lesson embedded in the binary (`#embed` of datasets/demo), for an installed siklus.
        .target(name: "CDemoData"),
        // A cache prefetch hint for the loader (Swift has none): one static inline C function.
        .target(name: "CMemoryHints"),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .executableTarget(
            name: "siklus",
            dependencies: [
                "SiklusShell",
                "SiklusConnect",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times loads and canonical queries for scripts/bench (release build), in memory and on PostgreSQL or Spark.
        .executableTarget(name: "siklus-bench", dependencies: ["SiklusEngine", "SiklusConnect", "SiklusLanguage", "SiklusSQL"]),
        // Fuzzes the CSV loader and the query engine with mutated seeds (Tests/Fuzz/corpus) for scripts/fuzz.
        .executableTarget(name: "siklus-fuzz", dependencies: ["SiklusEngine", "SiklusStore", "SiklusLanguage", "CZlib"]),
        // Helpers shared by the test targets (a seeded random generator, golden files, missing prerequisites).
        // SiklusConnect: the one Spark session of a test process (`SharedSpark`).
        .target(name: "SiklusTestSupport", dependencies: ["SiklusSQL", "SiklusConnect", "SiklusTime"], path: "Tests/SiklusTestSupport"),
        .testTarget(name: "SiklusStoreTests", dependencies: ["SiklusStore", "SiklusTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "SiklusLanguageTests", dependencies: ["SiklusLanguage", "SiklusMessages", "SiklusTestSupport"]),
        // The value models against the published CDNOW numbers and against Python's lifetimes (a virtual environment).
        .testTarget(name: "SiklusValueModelsTests", dependencies: ["SiklusValueModels", "SiklusEngine", "SiklusTestSupport"], exclude: ["lifetimes_reference.py"]),
        .testTarget(name: "SiklusPlanTests", dependencies: ["SiklusPlan", "SiklusLanguage", "SiklusTestSupport"], exclude: ["Golden"]),
        // SiklusConnect: the dialect × query matrix (Tests/SiklusEngineTests/Matrix) connects sessions to PostgreSQL and Spark.
        .testTarget(name: "SiklusEngineTests", dependencies: ["SiklusEngine", "SiklusPlan", "SiklusSQL", "SiklusConnect", "SiklusTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "SiklusChartsTests", dependencies: ["SiklusCharts", "SiklusTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "SiklusShellTests", dependencies: ["SiklusShell", "SiklusSQL", "SiklusTestSupport"], exclude: ["Golden"]),
        // Runs against a throwaway PostgreSQL cluster (PostgresTestServer) the tests start themselves.
        .testTarget(name: "SiklusConnectTests", dependencies: ["SiklusConnect", "SiklusSQL", "SiklusEngine", "SiklusPlan", "SiklusLanguage", "SiklusTestSupport"]),
        // The SQL compiler: printer and function templates of every dialect, run on DuckDB, PostgreSQL and Spark.
        .testTarget(name: "SiklusSQLTests", dependencies: ["SiklusSQL", "SiklusPlan", "SiklusTime", "SiklusEngine", "SiklusLanguage", "SiklusTestSupport"]),
        // Against a real Spark session (pyspark + Java 17; scripts/engines/spark installs them): one session for all.
        .testTarget(name: "SiklusSparkTests", dependencies: ["SiklusConnect", "SiklusSQL", "SiklusTestSupport"]),
    ]
)
