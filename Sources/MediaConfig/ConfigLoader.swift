import MediaKit
import MediaYAML

/// Reads `mediactl.yaml` text into a ``Stack``: syntax (``YAMLReader``) then decoding
/// (``ConfigDecoder``). Syntax errors stop; decoding errors are all collected.
public enum ConfigLoader {
    /// Loads a config from its bytes.
    public static func load(bytes: some Sequence<UInt8>) -> ConfigLoadResult {
        finish(YAMLReader().read(bytes))
    }

    /// Loads a config from text.
    public static func load(text: String) -> ConfigLoadResult {
        finish(YAMLReader().read(text))
    }

    private static func finish(_ read: YAMLReadResult) -> ConfigLoadResult {
        if read.root == nil, read.diagnostics.containsErrors {
            return ConfigLoadResult(stack: nil, diagnostics: read.diagnostics.sortedByPosition(), root: nil)
        }
        var decoder = ConfigDecoder()
        let stack = decoder.decode(read.root)
        let diagnostics = (read.diagnostics + decoder.diagnostics).sortedByPosition()
        return ConfigLoadResult(
            stack: diagnostics.containsErrors ? nil : stack, diagnostics: diagnostics, root: read.root)
    }
}
