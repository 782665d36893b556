/// The one table that drives argument parsing, help text and shell completion scripts.
enum CommandTable {
    /// The version `mediactl --version` prints.
    static let version = "0.1.0"

    /// Options every command accepts, before or after the command name.
    static let globalOptions: [OptionSpec] = [
        .value(
            "--config", "PATH", completion: .file,
            "the config file (default: mediactl.yaml here, else in a parent folder up to the git root)"),
        .value(
            "--out", "DIR", completion: .directory, "root of the Flux repository (default: the config file's folder)"),
        .value("--color", "WHEN", choices: ["auto", "always", "never"], "colour diagnostics (auto honours NO_COLOR)"),
        .flag("--quiet", short: "-q", "print errors only"),
        .flag("--help", short: "-h", "show help for mediactl or a command"),
        .flag("--version", "print the version and the date of the catalog's image pins"),
    ]

    private static let notYet = "not implemented yet"

    /// Every command, in the order help lists them.
    static let commands: [CommandSpec] = [
        CommandSpec(
            name: "render", arguments: .none, argumentChoices: nil,
            summary: "write the generated Flux tree and print a summary",
            details: """
                Renders every app of mediactl.yaml into the Flux repository (appsDir and docsDir) and prints \
                'rendered N files: A added, U updated, R removed, K unchanged'. Files without the generated-file \
                marker are never overwritten or removed unless --force is given.
                """,
            options: [
                .flag("--dry-run", "write nothing; list what would change"),
                .flag("--force", "overwrite or remove files that lack the generated-file marker"),
            ],
            isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "diff", arguments: .none, argumentChoices: nil,
            summary: "show what render would change, as a unified diff",
            details: "Prints a unified diff between what render would write and what is on disk, stale generated "
                + "files included. Exits 0 when identical, 1 when not.",
            options: [], isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "check", arguments: .none, argumentChoices: nil,
            summary: "the CI gate: valid config, no lint errors, no drift",
            details: "Validates the config, runs the lints and compares the rendered tree with what is on disk. "
                + "Exits 0 when all is well, 1 otherwise. --format github prints GitHub Actions annotations on the "
                + "config lines and the drifted files.",
            options: [
                .value("--format", "FORMAT", choices: ["text", "json", "github"], "report format (default: text)")
            ],
            isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "enable", arguments: .oneOrMore("APP"), argumentChoices: nil,
            summary: "set enabled: true for apps, then render",
            details: "Sets 'enabled: true' for each APP in mediactl.yaml with a minimal in-place edit (every other "
                + "line stays byte-identical), then renders: ks.dis becomes ks.yaml and the app is listed in its "
                + "namespace kustomization.yaml.",
            options: [], isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "disable", arguments: .oneOrMore("APP"), argumentChoices: nil,
            summary: "set enabled: false for apps, then render",
            details: "Sets 'enabled: false' for each APP, then renders: ks.yaml becomes ks.dis and the app leaves "
                + "its namespace kustomization.yaml. Refuses to disable an app that an enabled app depends on.",
            options: [.flag("--force", "disable even when an enabled app depends on it")],
            isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "pin", arguments: .any("APP"), argumentChoices: nil,
            summary: "write the catalog's image and chart version into mediactl.yaml as pins",
            details: "Adds, for each APP (default: every app), the image mediactl renders for it as 'image: "
                + "repository:tag@digest', and 'chart.version', wherever mediactl.yaml does not state them yet: the "
                + "pins Renovate's preset (.renovate/mediactl.json5) finds and bumps. Every other line stays "
                + "byte-identical and the rendered tree does not change. --dry-run prints the edit as a unified diff.",
            options: [.flag("--dry-run", "write nothing; print the edit as a unified diff")],
            isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "validate", arguments: .none, argumentChoices: nil,
            summary: "check mediactl.yaml and report every problem",
            details: """
                Reads and decodes mediactl.yaml without rendering. Every problem is printed as \
                'path:line:col: error: message' with the source line and a caret. Exits 0 when the config \
                is valid (warnings allowed), 1 when there is an error.
                """,
            options: [.value("--format", "FORMAT", choices: ["text", "json"], "report format (default: text)")],
            isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "init", arguments: .any("APP"), argumentChoices: nil,
            summary: "write a commented starter mediactl.yaml",
            details: "Writes a commented mediactl.yaml listing the given apps, on app-template 5.1.0 with claims "
                + "named after the apps. --gateway exposes apps through Gateway API routes to envoy-internal and "
                + "envoy-external (as current home-ops repositories do) instead of Ingress objects. Refuses to "
                + "overwrite an existing file without --force.",
            options: [
                .flag("--gateway", "expose apps with Gateway API HTTPRoutes instead of Ingress objects"),
                .flag("--force", "overwrite an existing mediactl.yaml"),
            ],
            isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "import", arguments: .oneOrMore("PATH"), argumentChoices: nil,
            summary: "adopt hand-written app folders of a Flux repository into mediactl.yaml",
            details: """
                Reads the app folders (ks.yaml or ks.dis, and app/ with a kustomization.yaml and an app-template \
                HelmRelease) below each PATH, a namespace folder or an app folder of the Flux repository, and \
                writes or extends mediactl.yaml so that the next render reproduces them: claim names, images, \
                hosts, ports, mounts, environment and secret references stay what they are, and what no key \
                says goes to values: or stays as a hand-written extraResources file. Each app is proven before it \
                is written: import renders it and compares its facts with the original, and an app it cannot \
                reproduce stays hand-written, with the reason in the report. The files render may then replace \
                are recorded with their SHA-256 in mediactl.adopted beside the config; every other file \
                without the generated-file marker stays protected, and nothing is deleted. A second import of \
                the same folders changes nothing. A file that does not parse is an error at its line and column, \
                and nothing is written.
                """,
            options: [
                .flag("--dry-run", "write nothing; print the report and the diff of mediactl.yaml"),
                .value("--format", "FORMAT", choices: ["text", "json"], "report format (default: text)"),
            ],
            isImplemented: true, arrivesWith: nil, argumentsAreFolders: true),
        CommandSpec(
            name: "catalog", arguments: .none, argumentChoices: nil,
            summary: "list the services mediactl knows",
            details: "Lists every catalog service: id, category, image, port, health probe, status and what it "
                + "needs. --format markdown prints Docs/Catalog.md.",
            options: [
                .value("--format", "FORMAT", choices: ["table", "json", "markdown"], "output format (default: table)"),
                .flag("--json", "print JSON (same as --format json)"),
            ],
            isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "explain", arguments: .one("APP"), argumentChoices: nil,
            summary: "show one app's resolved spec and its files",
            details: "Prints the fully resolved spec of APP (defaults applied) and the files it renders to.",
            options: [.flag("--json", "print JSON")], isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "graph", arguments: .none, argumentChoices: nil,
            summary: "draw the stack as a diagram",
            details: "Prints the stack as a diagram: requests → *arr → indexers and download clients → storage → "
                + "media servers → exposure. Arrows are the calls network policies allow, reads and writes of "
                + "shared volumes, and routes (labelled 'auth' behind forward auth). Mermaid renders on GitHub; "
                + "beyond Mermaid's default limits (500 arrows, 50,000 characters) each group of apps becomes one "
                + "box. DOT always draws every app; pipe it into 'dot -Tsvg'.",
            options: [.value("--format", "FORMAT", choices: ["mermaid", "dot"], "diagram format (default: mermaid)")],
            isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "schema", arguments: .none, argumentChoices: nil,
            summary: "print the JSON Schema of mediactl.yaml",
            details: "Prints the JSON Schema (draft 2020-12) of mediactl.yaml: its keys, types, allowed values, "
                + "descriptions and defaults, from the same tables the config is read with. render writes it to "
                + "repo.schema (.mediactl/schema.json), which the config's '# yaml-language-server: $schema=' line "
                + "points editors at; in CI, 'mediactl schema | check-jsonschema --schemafile - mediactl.yaml'.",
            options: [], isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "help", arguments: .optional("COMMAND"), argumentChoices: nil,
            summary: "show help for mediactl or a command",
            details: "Shows the list of commands, or the usage and options of COMMAND.",
            options: [], isImplemented: true, arrivesWith: nil),
        CommandSpec(
            name: "completion", arguments: .one("SHELL"), argumentChoices: ["bash", "zsh", "fish"],
            summary: "print a shell completion script",
            details: """
                Prints a completion script for bash, zsh or fish, generated from the same table as this help. \
                For bash: 'source <(mediactl completion bash)'; for zsh: 'mediactl completion zsh > \
                "${fpath[1]}/_mediactl"'; for fish: 'mediactl completion fish > \
                ~/.config/fish/completions/mediactl.fish'.
                """,
            options: [], isImplemented: true, arrivesWith: nil),
    ]

    /// The command called `name`, if any.
    static func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }
}
