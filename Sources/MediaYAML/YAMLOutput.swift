/// The UTF-8 bytes of YAML text being written. Appending a piece to a byte array costs a copy; appending
/// it to a `String` cost several times more, and the emitter appends a few pieces per scalar.
struct YAMLOutput {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty output with room for `capacity` bytes.
    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends `text`, as one copy of its bytes where they are contiguous (native strings and their
    /// substrings are): the element-by-element append was a tenth of emitting.
    static func += (output: inout YAMLOutput, text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ output.bytes.append(contentsOf: $0) }) == nil {
            output.bytes.append(contentsOf: text.utf8)
        }
    }

    /// Appends `text` (see the `String` overload).
    static func += (output: inout YAMLOutput, text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ output.bytes.append(contentsOf: $0) }) == nil {
            output.bytes.append(contentsOf: text.utf8)
        }
    }

    /// Appends bytes of UTF-8 text.
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: utf8) }

    /// Appends `count` spaces.
    mutating func appendSpaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
