import Foundation
import MediaKit
import MediaTestSupport
import Testing

@Suite("command line")
struct CommandLineTests {
    static let example = "Examples/home-ops/mediactl.yaml"

    @Test("--version prints the version and the catalog's as-of date")
    func version() {
        let run = mediactl(["--version"])
        #expect(
            run.status == 0 && run.output == "mediactl 0.1.0 (catalog as of \(Catalog.checkedOn))\n"
                && run.error.isEmpty)
    }

    @Test("--help and help list every command with its summary")
    func overview() {
        for arguments in [["--help"], ["help"], []] {
            let run = mediactl(arguments)
            #expect(run.status == 0)
            for command in [
                "render", "diff", "check", "enable", "disable", "validate", "init", "catalog", "explain", "graph",
                "help", "completion",
            ] {
                #expect(run.output.contains("\n  \(command) "), "\(command) missing from help")
            }
            #expect(run.output.contains("graph       draw the stack as a diagram\n"))
            #expect(!run.output.contains("not implemented"))
            #expect(run.output.contains("render      write the generated Flux tree and print a summary\n"))
        }
    }

    @Test("help COMMAND and COMMAND --help print the command's usage and options")
    func commandHelp() {
        let help = mediactl(["help", "render"])
        #expect(help.status == 0)
        #expect(help.output.hasPrefix("USAGE: mediactl render [--dry-run] [--force]\n"))
        #expect(!help.output.contains("not implemented"))
        #expect(mediactl(["help", "graph"]).output.hasPrefix("USAGE: mediactl graph [--format mermaid|dot]\n"))
        #expect(help.output.contains("--config PATH"))
        #expect(mediactl(["render", "--help"]).output == help.output)
        #expect(mediactl(["completion", "--help"]).output.hasPrefix("USAGE: mediactl completion bash|zsh|fish\n"))
    }

    @Test(
        "usage errors exit 64 and suggest the nearest valid token",
        arguments: [
            (["rendr"], "unknown command 'rendr'; did you mean 'render'?"),
            (["render", "--dryrun"], "unknown option '--dryrun' for 'render'; did you mean '--dry-run'?"),
            (["--colr", "never", "validate"], "unknown option '--colr'; did you mean '--color'?"),
            (["--color", "sometimes"], "invalid value 'sometimes' for '--color'; expected one of auto, always, never"),
            (
                ["validate", "--format", "jsno"],
                "invalid value 'jsno' for '--format'; expected one of text, json; did you mean 'json'?"
            ),
            (["validate", "--config"], "option '--config' needs a value (PATH)"),
            (["validate", "--quiet=yes"], "option '--quiet' takes no value"),
            (["explain"], "'explain' takes exactly one APP, found none"),
            (["validate", "extra"], "'validate' takes no arguments, found 'extra'"),
            (["enable"], "'enable' takes at least one APP, found none"),
            (
                ["completion", "bsh"],
                "unknown SHELL 'bsh' for 'completion'; expected one of bash, zsh, fish; did you mean 'bash'?"
            ),
            (["help", "valdate"], "unknown command 'valdate'; did you mean 'validate'?"),
            (["--dry-run"], "unknown option '--dry-run'; it is an option of 'render'"),
        ])
    func usageErrors(arguments: [String], message: String) {
        let run = mediactl(arguments)
        #expect(run.status == 64)
        #expect(run.error.hasPrefix("mediactl: error: \(message)\n"), "\(run.error)")
        #expect(run.error.contains("Run 'mediactl help"))
        #expect(run.output.isEmpty)
    }

    @Test("graph draws the stack in Mermaid by default and in DOT on request")
    func graph() {
        let mermaid = mediactl(["graph", "--config", Self.example])
        #expect(mermaid.status == 0, "\(mermaid.error)")
        #expect(mermaid.output.hasPrefix("flowchart LR\n"))
        // Overseerr is the one request app; Calibre-Web writes its books volume; the Mediabox proxy is behind
        // forward auth and Overseerr (reached by its users) is not.
        #expect(mermaid.output.contains("  subgraph group0[\"Requests\"]\n    app_overseerr[\"overseerr\"]\n"))
        #expect(mermaid.output.contains("  volume_books --> app_calibre_web\n") == false)
        #expect(mermaid.output.contains("  app_calibre_web --> volume_books\n"))
        #expect(mermaid.output.contains("  app_mediabox -->|auth| exposure_external\n"))
        #expect(mermaid.output.contains("  app_overseerr --> exposure_external\n"))
        let dot = mediactl(["graph", "--format", "dot", "--config", Self.example])
        #expect(dot.status == 0 && dot.output.hasPrefix("digraph stack {\n  rankdir=LR;\n"))
        #expect(dot.output.contains("  app_mediabox -> exposure_external [label=\"auth\"];\n"))
        #expect(dot.output.hasSuffix("}\n"))
    }

    @Test("global options may come before or after the command, with = or a separate value")
    func optionPlacement() {
        for arguments in [
            ["--config", Self.example, "validate"], ["validate", "--config", Self.example],
            ["validate", "--config=\(Self.example)"],
        ] {
            let run = mediactl(arguments)
            #expect(run.status == 0, "\(arguments): \(run.error)")
            #expect(run.output == "\(Self.example): valid (6 apps, 4 enabled, 1 warning)\n")
        }
    }
}
