import Foundation

/// Pretty-printed JSON with sorted keys and a final newline.
enum JSONText {
    /// `value` as JSON, or `{}` if it cannot be encoded.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
