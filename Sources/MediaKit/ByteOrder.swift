extension String {
    /// Whether this string sorts before `other` by UTF-8 bytes: the order of every list mediactl prints,
    /// the same on every machine and locale.
    public func precedesInByteOrder(_ other: String) -> Bool { utf8.lexicographicallyPrecedes(other.utf8) }
}

extension Sequence where Element == String {
    /// The strings sorted by UTF-8 bytes.
    public func sortedByBytes() -> [String] { sorted { $0.precedesInByteOrder($1) } }
}
