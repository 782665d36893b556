import MediaKit
import MediaYAML

/// Reads `mediactl.yaml` text into a ``Stack``: syntax (``YAMLReader``) then decoding
/// (``ConfigDecoder``), then the apps' `values:` against the chart version (``ValuesChecker``). Syntax errors
/// stop; decoding errors are all collected.
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
        let valueErrors = ValuesChecker.diagnostics(config: read.root)
        let diagnostics = (read.diagnostics + decoder.diagnostics).superseded(by: valueErrors).sortedByPosition()
        return ConfigLoadResult(
            stack: diagnostics.containsErrors ? nil : stack, diagnostics: diagnostics, root: read.root)
    }
}

extension Array where Element == Diagnostic {
    /// These diagnostics and `errors`, without the warnings at a place where one of `errors` is: the decoder's
    /// "plain 'yes' is read as a string here; quote it" says the opposite of "expected true or false".
    fileprivate func superseded(by errors: [Diagnostic]) -> [Diagnostic] {
        guard !errors.isEmpty else { return self }
        let places = Set(errors.compactMap(\.position))
        return filter { $0.severity == .error || $0.position.map { !places.contains($0) } ?? true } + errors
    }
}
