import MediaRender

/// `mediactl schema`: prints the JSON Schema of `mediactl.yaml`, the file `render` writes at `repo.schema`.
struct SchemaCommand {
    let invocation: Invocation
    let terminal: Terminal

    func run() -> Int32 {
        terminal.output(ConfigSchemaFile.text)
        return ExitStatus.success
    }
}
