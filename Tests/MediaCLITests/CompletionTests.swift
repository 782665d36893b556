import Foundation
import Testing

@Suite("completion scripts")
struct CompletionTests {
    static let commands = [
        "render", "diff", "check", "enable", "disable", "validate", "init", "catalog", "explain", "graph", "help",
        "completion",
    ]

    @Test("every shell's script names every command and option", arguments: ["bash", "zsh", "fish"])
    func coverage(shell: String) {
        let run = mediactl(["completion", shell])
        #expect(run.status == 0 && !run.output.isEmpty)
        for command in Self.commands { #expect(run.output.contains(command), "\(shell): \(command)") }
        for option in ["config", "out", "color", "quiet", "dry-run", "force", "format", "json"] {
            #expect(run.output.contains(option), "\(shell): --\(option)")
        }
    }

    @Test("the bash script is valid bash and completes commands and option values")
    func bashScript() throws {
        let script = mediactl(["completion", "bash"]).output
        let probe =
            script + """
                COMP_WORDS=(mediactl ren); COMP_CWORD=1; _mediactl; echo "${COMPREPLY[*]}"
                COMP_WORDS=(mediactl --color ""); COMP_CWORD=2; _mediactl; echo "${COMPREPLY[*]}"
                COMP_WORDS=(mediactl --config x.yaml render --d); COMP_CWORD=4; _mediactl; echo "${COMPREPLY[*]}"
                COMP_WORDS=(mediactl completion ""); COMP_CWORD=2; _mediactl; echo "${COMPREPLY[*]}"
                """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", probe]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        #expect(process.terminationStatus == 0)
        #expect(lines.count == 4)
        #expect(lines.first == "render")
        #expect(lines.dropFirst().first == "always auto never")
        #expect(lines.dropFirst(2).first == "--dry-run")
        #expect(lines.last?.hasPrefix("bash zsh fish") == true)
    }
}
