// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "social-console",
    products: [
        .executable(name: "social-console", targets: ["social-console"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // Turns the data files under Resources/ into Swift string constants at build time,
        // so the binary needs no resource bundle and runs from any folder or copy.
        .executableTarget(name: "EmbedResourcesTool", path: "Sources/EmbedResourcesTool"),
        .plugin(
            name: "EmbedResourcesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedResourcesTool"],
            path: "Sources/EmbedResourcesPlugin"
        ),
        // The settings model, its JSON file, the readiness rules and catalogues. No terminal code.
        .target(
            name: "SettingsKit",
            path: "Sources/SettingsKit",
            plugins: ["EmbedResourcesPlugin"]
        ),
        .executableTarget(
            name: "social-console",
            dependencies: [
                "SettingsKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/social-console"
        ),
        .testTarget(
            name: "SettingsKitTests",
            dependencies: ["SettingsKit"],
            path: "Tests/SettingsKitTests"
        ),
        // Runs the built binary as users do; needs social-console built (swift test builds it).
        .testTarget(
            name: "CLITests",
            path: "Tests/CLITests"
        ),
    ]
)
