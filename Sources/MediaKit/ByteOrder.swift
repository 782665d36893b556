extension String {
    /// Whether this string sorts before `other` by UTF-8 bytes: the order of every list mediactl prints,
    /// the same on every machine and locale.
    public func precedesInByteOrder(_ other: String) -> Bool {
        // Compared over contiguous bytes where the strings have them (native strings do), a word at a time.
        let result = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in Self.precedes(left, right) }
        }
        return (result ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// Whether this string and `other` have the same UTF-8 bytes. `==` is canonical equivalence instead: `é`
    /// and `e` followed by U+0301 are one `String`, but two names on disk.
    public func hasSameBytes(as other: String) -> Bool {
        let result = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in Self.equal(left, right) }
        }
        return (result ?? nil) ?? utf8.elementsEqual(other.utf8)
    }

    /// Byte order of two byte strings, eight bytes at a time: paths share long prefixes (`kubernetes/apps/`),
    /// which a byte loop walks one by one.
    private static func precedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = Swift.min(left.count, right.count)
        var index = 0
        if let leftBase = left.baseAddress, let rightBase = right.baseAddress {
            while index + 8 <= shared {
                let leftWord = UnsafeRawPointer(leftBase + index).loadUnaligned(as: UInt64.self)
                let rightWord = UnsafeRawPointer(rightBase + index).loadUnaligned(as: UInt64.self)
                // Big-endian, the first byte is the most significant: integer order is byte order.
                if leftWord != rightWord { return leftWord.bigEndian < rightWord.bigEndian }
                index += 8
            }
        }
        while index < shared {
            if left[index] != right[index] { return left[index] < right[index] }
            index += 1
        }
        return left.count < right.count
    }

    /// Whether two byte strings are equal, eight bytes at a time.
    private static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        var index = 0
        if let leftBase = left.baseAddress, let rightBase = right.baseAddress {
            while index + 8 <= left.count {
                let leftWord = UnsafeRawPointer(leftBase + index).loadUnaligned(as: UInt64.self)
                let rightWord = UnsafeRawPointer(rightBase + index).loadUnaligned(as: UInt64.self)
                if leftWord != rightWord { return false }
                index += 8
            }
        }
        while index < left.count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
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
