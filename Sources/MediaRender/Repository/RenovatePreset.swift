import MediaKit
import MediaYAML

/// The Renovate preset `render` writes (`repo.renovate`, by default `.renovate/mediactl.json5`): it keeps
/// Renovate out of the generated files, where a bump would only be drift for `mediactl check`, and points it at
/// the pins in `mediactl.yaml` that `mediactl pin` writes, so a bump lands in the config and `render` carries it
/// into the tree.
///
/// - `ignorePaths`: every generated file. An app folder without hand-written files (`extraResources`) is one
///   glob (`<appsDir>/<ns>/<app>/**`); every other generated file is listed by its path, so a hand-written file
///   beside generated ones stays Renovate's.
/// - `customManagers`, both of type `regex` with the `recursive` strategy, whose first pattern finds the place
///   and second the version there (Renovate's regex manager: `lib/modules/manager/custom/regex/readme.md`):
///   - images: `image: repository:tag` or `repository:tag@sha256:…` as the value of an `image` key at the start
///     of a line or in a flow mapping (not in a comment), quoted or not; datasource `docker`, with
///     `currentDigest` when pinned. The template rewrites exactly the reference, whatever the tag looks like.
///   - the chart: `version` inside the top-level `chart` mapping (block or flow); datasource `docker` with the
///     OCI chart `ghcr.io/bjw-s-labs/helm/app-template`, as Renovate's flux manager looks up the OCIRepository
///     mediactl renders (`lib/modules/manager/flux/extract.ts`), limited by a package rule to the versions this
///     mediactl renders: a newer chart needs a newer mediactl, which writes a newer preset.
///
/// The patterns use only what RE2 (Renovate's engine) and JavaScript regular expressions share: named groups,
/// classes, `(?:…)`, counted repetition; no look-around, no inline flags. Renovate matches a whole file at
/// once, so `\n` marks a line start.
public struct RenovatePreset: Sendable {
    /// The OCI repository of the bjw-s app-template chart, as the rendered OCIRepositories name it.
    public static let chartPackage = "ghcr.io/bjw-s-labs/helm/app-template"

    /// Finds each `image:` value in `mediactl.yaml` (first pattern of the image manager).
    public static let imagePlace = ##"(?:^|[\n{,])[ \t]*image:[ \t]+['"]?[^\s'"#,{}\[\]]+"##
    /// Finds the reference in an `image:` value: the repository (with a registry port), the tag and an optional
    /// `sha256` digest.
    public static let imageReference =
        #"(?<depName>[a-zA-Z0-9][a-zA-Z0-9._/-]*(?::[0-9]+/[a-zA-Z0-9._/-]+)?):(?<currentValue>[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127})(?:@(?<currentDigest>sha256:[a-f0-9]{64}))?"#
    /// Rewrites an image reference: the same repository, the new tag, the new digest when there is one.
    public static let imageTemplate = "{{{depName}}}:{{{newValue}}}{{#if newDigest}}@{{{newDigest}}}{{/if}}"
    /// Finds the top-level `chart` mapping: its line and the indented (or blank) lines below it.
    public static let chartPlace = #"(?:^|\n)chart:[^\n]*(?:\n(?:[ \t]+[^\n]*)?)*"#
    /// Finds `version` in the `chart` mapping.
    public static let chartVersion = #"[\n{,][ \t]*version:[ \t]+['"]?(?<currentValue>[0-9]+\.[0-9]+\.[0-9]+)"#

    /// The stack whose files are ignored.
    let stack: Stack
    /// The config's path relative to the repository root.
    let configPath: String

    /// The preset for `stack`, whose config is at `configPath` relative to the repository root.
    public init(stack: Stack, configPath: String) {
        self.stack = stack
        self.configPath = configPath
    }

    /// The preset's text for a render that writes `paths` (relative to the repository root; the preset's own
    /// path is added), or nil when the config turns it off.
    public func file(ignoring paths: [String]) -> RenderedFile? {
        guard let path = stack.repo.renovatePreset else { return nil }
        let json = JSONEmitter().emit(.mapping(preset(ignoring: paths + [path])))
        return RenderedFile(path: path, contents: MediaRender.markerLine(forPath: path) + "\n" + json)
    }

    /// The `ignorePaths` for a render that writes `paths`, sorted by bytes.
    public func ignorePaths(for paths: [String]) -> [String] {
        let globbed = Set(
            stack.apps.filter(\.extraResources.isEmpty).map {
                "\(stack.repo.appsDir)/\(stack.namespace(of: $0))/\($0.name)/"
            })
        var patterns = Set(globbed.map { $0 + "**" })
        for path in paths where !globbed.contains(appFolder(of: path) ?? "") { patterns.insert(path) }
        return patterns.sortedByBytes()
    }

    /// `<appsDir>/<ns>/<app>/` when `path` lies below an app folder, else nil.
    private func appFolder(of path: String) -> String? {
        let apps = stack.repo.appsDir.utf8
        let utf8 = path.utf8
        let slash = UInt8(ascii: "/")
        guard utf8.starts(with: apps) else { return nil }
        let afterApps = utf8.index(utf8.startIndex, offsetBy: apps.count)
        guard afterApps < utf8.endIndex, utf8[afterApps] == slash,
            let namespaceEnd = utf8[utf8.index(after: afterApps)...].firstIndex(of: slash),
            let appEnd = utf8[utf8.index(after: namespaceEnd)...].firstIndex(of: slash)
        else { return nil }
        return String(path[...appEnd])
    }

    private func preset(ignoring paths: [String]) -> YAMLMapping {
        let files = ["/^\(Self.escaped(configPath))$/"]
        var images = YAMLMapping()
        images.set("customType", "regex")
        images.set(
            "description",
            .string("Images pinned in \(configPath) (mediactl pin): 'image: repository:tag@sha256:digest'"))
        images.set("managerFilePatterns", .sequence(files.map(YAMLValue.string)))
        images.set("matchStringsStrategy", "recursive")
        images.set("matchStrings", [.string(Self.imagePlace), .string(Self.imageReference)])
        images.set("datasourceTemplate", "docker")
        images.set("versioningTemplate", "docker")
        images.set("autoReplaceStringTemplate", .string(Self.imageTemplate))
        var chart = YAMLMapping()
        chart.set("customType", "regex")
        chart.set("description", .string("chart.version in \(configPath): the bjw-s app-template chart of every app"))
        chart.set("managerFilePatterns", .sequence(files.map(YAMLValue.string)))
        chart.set("matchStringsStrategy", "recursive")
        chart.set("matchStrings", [.string(Self.chartPlace), .string(Self.chartVersion)])
        chart.set("depNameTemplate", .string(Self.chartPackage))
        chart.set("datasourceTemplate", "docker")
        chart.set("versioningTemplate", "semver")
        let versions = ChartSettings.Version.allCases.map(\.rawValue).sortedByBytes()
        var rule = YAMLMapping()
        rule.set(
            "description",
            .string(
                "The app-template versions this mediactl renders: a newer one needs a newer mediactl, whose render "
                    + "updates this rule"))
        rule.set("matchFileNames", .sequence([.string(configPath)]))
        rule.set("matchDepNames", [.string(Self.chartPackage)])
        rule.set("allowedVersions", .string("/^(" + versions.map(Self.escaped).joined(separator: "|") + ")$/"))
        var root = YAMLMapping()
        root.set("$schema", "https://docs.renovatebot.com/renovate-schema.json")
        root.set(
            "description",
            .string(
                "mediactl: Renovate bumps the pins in \(configPath), and 'mediactl render' carries them into the "
                    + "files it generates, which Renovate leaves alone"))
        root.set("ignorePaths", .sequence(ignorePaths(for: paths).map(YAMLValue.string)))
        root.set("customManagers", [.mapping(images), .mapping(chart)])
        root.set("packageRules", [.mapping(rule)])
        return root
    }

    /// `text` with the characters that mean something in a regular expression escaped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}/".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
