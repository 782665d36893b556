/// The UTF-8 bytes of YAML text being written. Appending a piece to a byte array costs a copy; appending
/// it to a `String` cost several times more, and the emitter appends a few pieces per scalar.
struct YAMLOutput {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty output with room for `capacity` bytes.
    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends `text`.
    static func += (output: inout YAMLOutput, text: String) { output.bytes.append(contentsOf: text.utf8) }

    /// Appends `text`.
    static func += (output: inout YAMLOutput, text: Substring) { output.bytes.append(contentsOf: text.utf8) }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
