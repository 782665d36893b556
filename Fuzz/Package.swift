// swift-tools-version: 6.0
// The coverage-guided fuzz target of mediactl (libFuzzer through `-sanitize=fuzzer`), kept out of the main
// package so `swift build` and `swift test` never need the sanitizer. Its library targets are the main
// package's sources, through the symlinks in Sources/. Run it with Scripts/fuzz (see its header).
import PackageDescription

let package = Package(
    name: "mediactl-fuzz",
    targets: [
        .target(name: "MediaYAML"),
        .target(name: "MediaKit"),
        .target(name: "MediaConfig", dependencies: ["MediaYAML", "MediaKit"]),
        .target(name: "CMediaLinux"),
        .target(name: "MediaThreads", dependencies: ["CMediaLinux"]),
        .target(name: "MediaRender", dependencies: ["MediaYAML", "MediaKit", "MediaConfig", "MediaThreads"]),
        // A library, linked into the fuzzer by Scripts/fuzz: SwiftPM renames an executable's entry point,
        // which libFuzzer's own `main` cannot fill.
        .target(name: "FuzzConfig", dependencies: ["MediaYAML", "MediaKit", "MediaConfig", "MediaRender"]),
    ],
    swiftLanguageModes: [.v6]
)
