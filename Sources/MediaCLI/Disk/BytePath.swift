import Foundation

/// A relative path compared and hashed by its UTF-8 bytes, as a file system names things.
///
/// `String` equality is canonical equivalence: `é` and `e` followed by U+0301 are one string, but two names on
/// disk. Keyed by strings, a folder checked under one spelling would pass for a symbolic link under the other,
/// and a file read under one would be compared with a file rendered under the other.
struct BytePath: Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The path.
    let text: Substring

    /// The path `text`.
    init(_ text: Substring) { self.text = text }

    /// The path `text`.
    init(_ text: String) { self.text = text[...] }

    /// The path written as a literal.
    init(stringLiteral text: String) { self.init(text) }

    /// The path.
    var description: String { String(text) }

    /// Whether both paths have the same bytes.
    static func == (left: BytePath, right: BytePath) -> Bool {
        var leftText = left.text
        var rightText = right.text
        return leftText.withUTF8 { leftBytes in
            rightText.withUTF8 { rightBytes in
                guard leftBytes.count == rightBytes.count else { return false }
                guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else {
                    return true
                }
                return memcmp(leftStart, rightStart, leftBytes.count) == 0
            }
        }
    }

    /// Hashes the bytes.
    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
