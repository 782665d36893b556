extension String {
    /// Whether this string sorts before `other` by UTF-8 bytes: the order of every list mediactl prints,
    /// the same on every machine and locale.
    public func precedesInByteOrder(_ other: String) -> Bool {
        var left = self
        var right = other
        return left.withUTF8 { left in
            right.withUTF8 { right in
                for index in 0..<Swift.min(left.count, right.count) where left[index] != right[index] {
                    return left[index] < right[index]
                }
                return left.count < right.count
            }
        }
    }

    /// Whether this string and `other` have the same UTF-8 bytes. `==` is canonical equivalence instead: `é`
    /// and `e` followed by U+0301 are one `String`, but two names on disk.
    public func hasSameBytes(as other: String) -> Bool {
        var left = self
        var right = other
        return left.withUTF8 { left in
            right.withUTF8 { right in
                left.count == right.count && left.indices.allSatisfy { left[$0] == right[$0] }
            }
        }
    }
}

extension Sequence where Element == String {
    /// The strings sorted by UTF-8 bytes.
    public func sortedByBytes() -> [String] {
        // Sorted as a concrete `[String]`, which the compiler specializes; `sorted(by:)` on the generic `Self`
        // would run the standard library's unspecialized sort.
        var strings = Array(self)
        strings.sort { $0.precedesInByteOrder($1) }
        return strings
    }
}
