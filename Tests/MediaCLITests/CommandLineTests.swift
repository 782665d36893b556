import Foundation
import MediaTestSupport
import Testing

@Suite("command line")
struct CommandLineTests {
    static let example = "Examples/home-ops/mediactl.yaml"

    @Test("--version prints the version")
    func version() {
        let run = mediactl(["--version"])
        #expect(run.status == 0 && run.output == "mediactl 0.1.0\n" && run.error.isEmpty)
    }

    @Test("--help and help list every command and mark the unimplemented ones")
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
            #expect(run.output.contains("graph       draw the stack as a diagram (not implemented yet)"))
            #expect(run.output.contains("render      write the generated Flux tree and print a summary\n"))
        }
    }

    @Test("help COMMAND and COMMAND --help print the command's usage and options")
    func commandHelp() {
        let help = mediactl(["help", "render"])
        #expect(help.status == 0)
        #expect(help.output.hasPrefix("USAGE: mediactl render [--dry-run] [--force]\n"))
        #expect(!help.output.contains("not implemented"))
        #expect(mediactl(["help", "graph"]).output.contains("Status: not implemented yet (arrives with issue 5)"))
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

    @Test(
        "commands of later issues say they are not implemented yet and exit 1",
        arguments: ["graph"])
    func notImplemented(command: String) {
        let run = mediactl([command])
        #expect(run.status == 1)
        #expect(run.error.contains("'\(command)' is not implemented yet"))
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
