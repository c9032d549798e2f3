// swift-tools-version:6.0
import PackageDescription

/// The code of the program's own modules calls each generic type's metadata function
/// directly, with the conformances it already knows, instead of looking the type up by
/// its mangled name: such a lookup checks the type's requirements by scanning every
/// protocol conformance in the binary (thousands, when it still linked Foundation), and a
/// quarter of the console's start went on them (Benchmarks/README.md, "Start-up, first frame and fleet
/// speed").
///
/// Nor do they import the concurrency and string-processing (regex) modules that every
/// Swift file gets unasked: nothing of ours uses them (`MonotonicInstant` stands in for
/// `ContinuousClock`, `String+Search` for string search), and as no module in the binary
/// imports them (the program has no package dependency: its command-line parser is its
/// own, `Sources/social-console/Arguments`), neither they nor libdispatch are linked: their
/// data was pages the loader relocates at every start. Tests keep the implicit imports.
///
/// And each function gets a section of its own (`-function-sections`), so that the linker
/// can put the ones the start runs side by side (`Link/start-order.txt`, the Makefile):
/// without it a module's code is one section, and the order file only moved the standard
/// library's and the runtime's functions.
let directMetadataAccess: [SwiftSetting] = [
    .unsafeFlags([
        "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
        "-Xfrontend", "-disable-implicit-concurrency-module-import",
        "-Xfrontend", "-disable-implicit-string-processing-module-import",
        "-Xfrontend", "-function-sections",
    ])
]

let package = Package(
    name: "social-console",
    products: [
        .executable(name: "social-console", targets: ["social-console"])
    ],
    targets: [
        // Turns the data files under Resources/ into Swift string constants at build time,
        // so the binary needs no resource bundle and runs from any folder or copy.
        .executableTarget(name: "EmbedResourcesTool", path: "Sources/EmbedResourcesTool"),
        .plugin(
            name: "EmbedResourcesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedResourcesTool"],
            path: "Plugins/EmbedResourcesPlugin"
        ),
        // The settings model, its JSON file, the readiness rules and catalogues. No terminal code.
        .target(
            name: "SettingsKit",
            path: "Sources/SettingsKit",
            swiftSettings: directMetadataAccess,
            plugins: ["EmbedResourcesPlugin"]
        ),
        // ncursesw as a system library: a module map and a shim header for the macros and
        // globals Swift cannot import. No pkgConfig (it drops the wide-character defines).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The console as a pure state machine (state + key -> state + effects) that renders
        // into a cell buffer. No terminal code, so every screen is testable as text. Its
        // live actions describe LiveKit's tasks; jobs run them off the input thread.
        .target(
            name: "ConsoleKit",
            dependencies: ["SettingsKit", "LiveKit"],
            path: "Sources/ConsoleKit",
            swiftSettings: directMetadataAccess
        ),
        // The system's libcurl, loaded at run time (dlopen): the build needs no curl headers
        // and the binary starts without libcurl; only the live commands need it.
        .target(
            name: "CCurlShim",
            path: "Sources/CCurlShim",
            linkerSettings: [.linkedLibrary("dl")]
        ),
        // The instance itself: Clerk's Platform API, the Frontend API and Atlassian's token
        // endpoint, as plain values in and out (pull, push, verify). SettingsKit stays free
        // of networking.
        .target(
            name: "LiveKit",
            dependencies: ["SettingsKit", "CCurlShim"],
            path: "Sources/LiveKit",
            swiftSettings: directMetadataAccess
        ),
        // The command line as data (CommandSpec) and its reader, help and usage errors: the
        // executable's commands are its users; the man page and completions are made from it.
        .target(
            name: "ArgumentsKit",
            dependencies: ["SettingsKit"],
            path: "Sources/ArgumentsKit",
            swiftSettings: directMetadataAccess
        ),
        .executableTarget(
            name: "social-console",
            dependencies: [
                "ArgumentsKit",
                "SettingsKit",
                "ConsoleKit",
                "LiveKit",
                "CNcursesw",
            ],
            path: "Sources/social-console",
            swiftSettings: directMetadataAccess
        ),
        // What every test target shares: the one test secret, the built binary, temporary
        // folders, snapshots, the repository's files, the seeded generator of the fuzz runs.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "SettingsKitTests",
            dependencies: ["SettingsKit", "TestSupport"],
            path: "Tests/SettingsKitTests"
        ),
        // The live commands against a local HTTPS stand-in for Clerk and Atlassian
        // (Tests/LiveStandIn), on 127.0.0.1 only.
        .testTarget(
            name: "ArgumentsKitTests",
            dependencies: ["ArgumentsKit", "TestSupport"],
            path: "Tests/ArgumentsKitTests"
        ),
        .testTarget(
            name: "LiveKitTests",
            dependencies: ["LiveKit", "SettingsKit", "CCurlShim", "TestSupport"],
            path: "Tests/LiveKitTests"
        ),
        // Runs the built binary as users do; needs social-console built (swift test builds it).
        .testTarget(
            name: "CLITests",
            dependencies: ["TestSupport"],
            path: "Tests/CLITests"
        ),
        .testTarget(
            name: "ConsoleKitTests",
            dependencies: ["ConsoleKit", "SettingsKit", "LiveKit", "TestSupport"],
            path: "Tests/ConsoleKitTests",
            exclude: ["Snapshots"]
        ),
        // Runs the built binary inside tmux with a pinned terminal; skips only without tmux.
        .testTarget(
            name: "ConsoleE2ETests",
            dependencies: ["TestSupport"],
            path: "Tests/ConsoleE2ETests"
        ),
    ]
)
