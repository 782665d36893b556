import MediaConfig
import MediaKit
import MediaRender
import MediaYAML

/// libFuzzer's entry point: one input is one `mediactl.yaml`.
///
/// Beyond "no crash, no hang" (libFuzzer's own oracles, with the address sanitizer), it checks what
/// PRODUCT.md promises of bad input and of output: every diagnostic has a position; a stack comes back
/// exactly when there is no error; and a stack that validates renders files our own reader reads back
/// without a diagnostic. A broken promise traps, which libFuzzer reports as a crash with the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let result = ConfigLoader.load(bytes: bytes)
    for diagnostic in result.diagnostics where diagnostic.position == nil {
        fatalError("diagnostic without a position: \(diagnostic.message)")
    }
    let hasErrors = result.diagnostics.contains { $0.severity == .error }
    guard let stack = result.stack else {
        precondition(hasErrors, "no stack, but no error either")
        return 0
    }
    precondition(!hasErrors, "a stack despite an error")
    guard !StackValidator(stack: stack).validate().contains(where: { $0.severity == .error }) else { return 0 }
    for file in Renderer(stack: stack).render() where file.path.hasSuffix(".yaml") || file.path.hasSuffix(".dis") {
        let reread = YAMLReader().read(file.contents)
        if reread.diagnostics.contains(where: { $0.severity == .error }) {
            fatalError("rendered \(file.path) does not re-read: \(reread.diagnostics)")
        }
    }
    return 0
}
