// swift-tools-version: 6.0
// mediactl: one declarative mediactl.yaml → the Flux manifests of a self-hosted media stack.
// No package dependencies: Foundation, the standard library and the toolchain only.
import PackageDescription

let package = Package(
    name: "mediactl",
    products: [
        .executable(name: "mediactl", targets: ["mediactl"]),
        .library(name: "MediaKit", targets: ["MediaYAML", "MediaKit", "MediaConfig", "MediaRender"]),
    ],
    targets: [
        // YAML values, the emitter and the strict reader with positions. Knows nothing about media.
        .target(name: "MediaYAML"),
        // Typed specs of a media stack and the service catalog. No YAML, no I/O.
        .target(name: "MediaKit"),
        // mediactl.yaml → Stack, with located diagnostics.
        .target(name: "MediaConfig", dependencies: ["MediaYAML", "MediaKit"]),
        // Stack → Kubernetes/Flux objects → rendered files in memory (and the config's JSON Schema). Never writes.
        .target(name: "MediaRender", dependencies: ["MediaYAML", "MediaKit", "MediaConfig"]),
        // Hand-written app folders of a Flux repository → mediactl.yaml entries, checked by rendering them. No I/O.
        .target(name: "MediaImport", dependencies: ["MediaYAML", "MediaKit", "MediaConfig", "MediaRender"]),
        // Argument parsing, commands; the only code that touches the file system.
        .target(
            name: "MediaCLI", dependencies: ["MediaYAML", "MediaKit", "MediaConfig", "MediaRender", "MediaImport"]),
        .executableTarget(name: "mediactl", dependencies: ["MediaCLI"]),
        // Fixture paths, golden files and trees with record mode (diffs by MediaRender's UnifiedDiff).
        .target(name: "MediaTestSupport", dependencies: ["MediaRender"], path: "Tests/MediaTestSupport"),
        .testTarget(name: "MediaYAMLTests", dependencies: ["MediaYAML", "MediaTestSupport"]),
        .testTarget(name: "MediaKitTests", dependencies: ["MediaKit", "MediaTestSupport"]),
        .testTarget(
            name: "MediaConfigTests", dependencies: ["MediaConfig", "MediaYAML", "MediaKit", "MediaTestSupport"]),
        .testTarget(
            name: "MediaRenderTests",
            dependencies: ["MediaRender", "MediaConfig", "MediaKit", "MediaYAML", "MediaTestSupport"]),
        .testTarget(
            name: "MediaImportTests",
            dependencies: ["MediaImport", "MediaConfig", "MediaRender", "MediaKit", "MediaYAML", "MediaTestSupport"]),
        .testTarget(
            name: "MediaCLITests",
            dependencies: ["MediaCLI", "MediaConfig", "MediaKit", "MediaYAML", "MediaImport", "MediaTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
