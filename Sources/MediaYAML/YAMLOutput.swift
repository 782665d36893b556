/// The UTF-8 bytes of YAML text being written, in one buffer that this value owns (it cannot be copied).
///
/// An append is a capacity check and one copy, cheaper than an append to a byte array or to a `String`, and
/// the emitter appends a few pieces per scalar.
struct YAMLOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// An empty output with room for `capacity` bytes before it grows.
    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Appends `text`, as one copy of its bytes where they are contiguous (native strings and their
    /// substrings are).
    static func += (output: inout YAMLOutput, text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append($0) }) == nil {
            output.append(contentsOf: Array(text.utf8))
        }
    }

    /// Appends `text` (see the `String` overload).
    static func += (output: inout YAMLOutput, text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append($0) }) == nil {
            output.append(contentsOf: Array(text.utf8))
        }
    }

    /// Appends one ASCII character.
    mutating func append(ascii character: Unicode.Scalar) {
        reserve(1)
        (base + count).initialize(to: UInt8(ascii: character))
        count += 1
    }

    /// Appends literal text (indicators such as `- ` and `null`) without going through `String`.
    mutating func append(literal text: StaticString) { text.withUTF8Buffer { append($0) } }

    /// Appends bytes of UTF-8 text.
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress, !utf8.isEmpty else { return }
        reserve(utf8.count)
        (base + count).initialize(from: source, count: utf8.count)
        count += utf8.count
    }

    /// Appends `count` spaces.
    mutating func appendSpaces(_ spaces: Int) {
        guard spaces > 0 else { return }
        reserve(spaces)
        (base + count).initialize(repeating: UInt8(ascii: " "), count: spaces)
        count += spaces
    }

    /// The text written so far.
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    private mutating func append(contentsOf bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    /// Makes room for `extra` more bytes, doubling the buffer when it is full.
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        capacity = max(capacity * 2, count + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
    }
}
