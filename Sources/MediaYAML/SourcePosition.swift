/// A place in a text: a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars from the start of the line, so a caret line drawn under a source
/// line lines up for any UTF-8 text that has no wide characters.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column number, in Unicode scalars.
    public var column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`, the way compilers print it.
    public var description: String { "\(line):\(column)" }

    /// Positions order by line, then by column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
