/// Reads the YAML subset that people write in configuration files into ``YAMLNode``s with positions.
///
/// Accepted: block mappings and sequences, flow collections (`[a, b]`, `{k: v}`, nested, across
/// lines), plain, single- and double-quoted scalars (multi-line, with folding), literal (`|`) and
/// folded (`>`) block scalars with chomping and indentation indicators, comments, an optional leading
/// `---` and a trailing `...`, a leading byte order mark, and `\r\n` line endings.
///
/// Rejected with a named error and its position: invalid UTF-8, control characters, tabs in
/// indentation, anchors, aliases, tags, directives, explicit `?` keys, non-scalar keys, more than one
/// document, unterminated quotes and flow collections, bad indentation, and nesting deeper than
/// ``maximumDepth``. Duplicate keys are reported with both positions and the later pair is dropped.
///
/// The reader never traps and runs in time linear in the input: every loop consumes input.
///
/// ``Mode/manifests`` reads the hand-written Kubernetes files `mediactl import` adopts, which use more
/// of YAML: several documents per file, anchors (`&app`) and aliases (`*port`), which are resolved by
/// copying the anchored node (a copy keeps the positions of the anchored text), and merge keys
/// (`<<: *defaults`). Aliases may expand to at most ``maximumAliasExpansion`` nodes per file and the
/// result may nest at most ``maximumDepth`` levels, so a file of nested aliases (a "billion laughs")
/// is an error, not a hang. Tags, directives and explicit keys stay errors; `mediactl.yaml` is always
/// read in the strict ``Mode/config``.
public struct YAMLReader: Sendable {
    /// Which YAML the reader accepts.
    public enum Mode: Sendable {
        /// One document without anchors or aliases: `mediactl.yaml`.
        case config
        /// Several documents, anchors, aliases and merge keys: hand-written manifests.
        case manifests
    }

    /// The deepest nesting of collections accepted; deeper input is an error, not a stack overflow.
    public static let maximumDepth = 64
    /// How many nodes the aliases of one text may copy in ``Mode/manifests``, all aliases together.
    public static let maximumAliasExpansion = 100_000

    /// What the reader accepts.
    public let mode: Mode

    /// Creates a reader of `mediactl.yaml` (``Mode/config``).
    public init() { mode = .config }

    /// Creates a reader for `mode`.
    public init(mode: Mode) { self.mode = mode }

    /// Reads UTF-8 bytes.
    public func read(_ bytes: some Sequence<UInt8>) -> YAMLReadResult {
        // Decoded from a buffer: through the generic sequence, called from another module unspecialized, each
        // byte cost a dynamic call (a third of reading a config).
        if let result = bytes.withContiguousStorageIfAvailable({ read(utf8: $0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { read(utf8: $0) }
    }

    /// Reads UTF-8 text from `bytes`.
    private func read(utf8 bytes: UnsafeBufferPointer<UInt8>) -> YAMLReadResult {
        switch Self.decode(bytes) {
        case .success(let scalars): return read(scalars: scalars)
        case .failure(let error): return YAMLReadResult(root: nil, diagnostics: [error.diagnostic])
        }
    }

    /// The Unicode scalars of UTF-8 `bytes`, or the position of the first invalid sequence.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[Unicode.Scalar], SyntaxError> {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return .success(scalars)
            case .error:
                let position = SourcePosition(line: line, column: column)
                return .failure(SyntaxError(diagnostic: .error(at: position, "invalid UTF-8 byte sequence")))
            }
        }
    }

    /// Reads a string.
    public func read(_ text: String) -> YAMLReadResult {
        read(scalars: Array(text.unicodeScalars))
    }

    private func read(scalars input: [Unicode.Scalar]) -> YAMLReadResult {
        let stream = readStream(scalars: input)
        return YAMLReadResult(root: stream.documents.first, diagnostics: stream.diagnostics)
    }

    /// Reads every document of UTF-8 `bytes`. In ``Mode/config`` there is at most one.
    public func readDocuments(_ bytes: [UInt8]) -> YAMLStreamResult {
        bytes.withUnsafeBufferPointer { buffer in
            switch Self.decode(buffer) {
            case .success(let scalars): readStream(scalars: scalars)
            case .failure(let error): YAMLStreamResult(documents: [], diagnostics: [error.diagnostic])
            }
        }
    }

    private func readStream(scalars input: [Unicode.Scalar]) -> YAMLStreamResult {
        var parser = Parser(normalizing: input, manifests: mode == .manifests)
        if let error = parser.firstUnprintable() {
            return YAMLStreamResult(documents: [], diagnostics: [error.diagnostic])
        }
        do {
            let documents: [YAMLNode]
            if mode == .manifests {
                documents = try parser.parseDocuments()
            } else {
                documents = try parser.parseStream().map { [$0] } ?? []
            }
            return YAMLStreamResult(documents: documents, diagnostics: parser.diagnostics)
        } catch {
            return YAMLStreamResult(documents: [], diagnostics: parser.diagnostics + [error.diagnostic])
        }
    }
}

/// A fatal syntax error: the reader stops at the first one.
private struct SyntaxError: Error {
    var diagnostic: Diagnostic
}

/// The recursive-descent parser over the input's Unicode scalars. After a node is parsed, `index`
/// is at the start of the line that follows it (or at the end of the input).
private struct Parser {
    private var text: [Unicode.Scalar]
    private var index = 0
    private var lineStarts: [Int] = [0]
    /// The indentation of the block that holds the flow collection being read: its continuation
    /// lines must be indented more.
    private var flowBlockIndent = -1
    var diagnostics: [Diagnostic] = []
    /// Whether anchors, aliases, merge keys and several documents are read (``YAMLReader/Mode/manifests``).
    private let manifests: Bool
    /// The anchored nodes of the current document, by name.
    private var anchors: [String: YAMLNode] = [:]
    /// How many nodes aliases have copied so far.
    private var expanded = 0

    /// Drops a leading byte order mark and turns `\r\n` and lone `\r` into `\n`.
    init(normalizing input: [Unicode.Scalar], manifests: Bool = false) {
        self.manifests = manifests
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(input.count)
        var offset = input.first == "\u{FEFF}" ? 1 : 0
        while offset < input.count {
            let scalar = input[offset]
            if scalar == "\r" {
                scalars.append("\n")
                if offset + 1 < input.count, input[offset + 1] == "\n" { offset += 1 }
            } else {
                scalars.append(scalar)
            }
            offset += 1
        }
        text = scalars
        for (offset, scalar) in text.enumerated() where scalar == "\n" { lineStarts.append(offset + 1) }
    }

    /// The error for the first character YAML does not allow in a stream (outside its `c-printable` set:
    /// C0 controls but tab and line breaks, DEL, C1 controls but NEL, U+FFFE and U+FFFF), or nil. They can
    /// only be written as escapes in a double-quoted string, which is also how messages show them.
    func firstUnprintable() -> SyntaxError? {
        guard
            let offset = text.firstIndex(where: { scalar in
                switch scalar.value {
                case 0x09, 0x0A, 0x0D, 0x85: false
                case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
                default: false
                }
            })
        else { return nil }
        let hex = String(text[offset].value, radix: 16, uppercase: true)
        return fail(
            offset,
            "control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed in "
                + "YAML; write it as an escape in a double-quoted string, such as '\\x1B'")
    }

    // MARK: Positions and characters

    private func position(_ offset: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourcePosition(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    private func column(_ offset: Int) -> Int { position(offset).column - 1 }

    private func char(_ offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < text.count ? text[offset] : nil
    }

    private var atEnd: Bool { index >= text.count }

    private func isBlank(_ offset: Int) -> Bool { char(offset) == " " || char(offset) == "\t" }

    private func isBlankOrEnd(_ offset: Int) -> Bool {
        guard let scalar = char(offset) else { return true }
        return scalar == " " || scalar == "\t" || scalar == "\n"
    }

    private func isFlowIndicator(_ scalar: Unicode.Scalar?) -> Bool {
        scalar == "," || scalar == "[" || scalar == "]" || scalar == "{" || scalar == "}"
    }

    private func fail(_ offset: Int, _ message: String) -> SyntaxError {
        SyntaxError(diagnostic: .error(at: position(offset), message))
    }

    /// The rest of the line from `offset`, shortened for messages.
    private func excerpt(_ offset: Int) -> String {
        var end = offset
        while end < text.count, text[end] != "\n", end - offset < 30 { end += 1 }
        var result = string(text[offset..<end])
        if end < text.count, text[end] != "\n" { result += "…" }
        return "'" + result + "'"
    }

    private func quoted(_ scalar: Unicode.Scalar) -> String { "'\(Character(scalar))'" }

    // MARK: Lines

    /// Skips blank and comment-only lines from `index` (which is at a line start or at a content
    /// character after indentation) to the first content character. Returns that character's column
    /// (0-based) or nil at the end of the input.
    private mutating func nextContentLine() throws(SyntaxError) -> Int? {
        while index < text.count {
            var offset = index
            var firstTab: Int?
            while offset < text.count, text[offset] == " " || text[offset] == "\t" {
                if text[offset] == "\t", firstTab == nil { firstTab = offset }
                offset += 1
            }
            guard offset < text.count else {
                index = offset
                return nil
            }
            if text[offset] == "\n" {
                index = offset + 1
                continue
            }
            if text[offset] == "#" {
                index = endOfLine(offset)
                continue
            }
            if let firstTab {
                throw fail(firstTab, "tab character in indentation; YAML indentation must use spaces")
            }
            index = offset
            return column(offset)
        }
        return nil
    }

    /// The offset after the line break that ends the line holding `offset`.
    private func endOfLine(_ offset: Int) -> Int {
        var end = offset
        while end < text.count, text[end] != "\n" { end += 1 }
        return min(end + 1, text.count)
    }

    /// Consumes blanks, an optional comment and the line break after a value.
    private mutating func finishLine() throws(SyntaxError) {
        let start = index
        while isBlank(index) { index += 1 }
        guard let scalar = char(index) else { return }
        if scalar == "\n" {
            index += 1
            return
        }
        if scalar == "#" {
            if index == start, index > 0, !isBlankOrEnd(index - 1) {
                throw fail(index, "a comment needs a space before '#'")
            }
            index = endOfLine(index)
            return
        }
        throw fail(index, "expected the end of the line after the value, found \(excerpt(index))")
    }

    private func isDocumentMarker(_ offset: Int) -> Bool {
        guard column(offset) == 0, offset + 2 < text.count else { return false }
        let marker = text[offset..<offset + 3]
        return (marker.elementsEqual(["-", "-", "-"]) || marker.elementsEqual([".", ".", "."]))
            && isBlankOrEnd(offset + 3)
    }

    private func isSequenceEntry(_ offset: Int) -> Bool { char(offset) == "-" && isBlankOrEnd(offset + 1) }

    // MARK: Document

    mutating func parseStream() throws(SyntaxError) -> YAMLNode? {
        guard try nextContentLine() != nil else { return nil }
        if char(index) == "%", column(index) == 0 {
            throw fail(index, "directives such as '%YAML' are not supported; remove the line")
        }
        if isDocumentMarker(index), char(index) == "-" {
            index += 3
            while isBlank(index) { index += 1 }
            if let scalar = char(index), scalar != "\n", scalar != "#" {
                throw fail(index, "expected the document to start on the line after '---', found \(excerpt(index))")
            }
            try finishLine()
            guard try nextContentLine() != nil else { return nil }
        }
        var root: YAMLNode?
        if !isDocumentMarker(index) {
            root = try parseBlockNode(parentIndent: -1, depth: 0)
        }
        guard try nextContentLine() != nil else { return root }
        if isDocumentMarker(index), char(index) == "." {
            index += 3
            try finishLine()
            guard try nextContentLine() != nil else { return root }
        }
        if isDocumentMarker(index) {
            throw fail(index, "a second document starts here; the file must hold exactly one YAML document")
        }
        throw fail(index, "unexpected content \(excerpt(index)); check the indentation of this line")
    }

    /// Every document of a stream of manifests: documents are separated by `---` and may end with
    /// `...`; empty documents are skipped. Anchors belong to their document.
    mutating func parseDocuments() throws(SyntaxError) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        while try nextContentLine() != nil {
            if char(index) == "%", column(index) == 0 {
                throw fail(index, "directives such as '%YAML' are not supported; remove the line")
            }
            if isDocumentMarker(index) {
                let isStart = char(index) == "-"
                index += 3
                while isBlank(index) { index += 1 }
                if isStart, let scalar = char(index), scalar != "\n", scalar != "#" {
                    throw fail(index, "expected the document to start on the line after '---', found \(excerpt(index))")
                }
                try finishLine()
                anchors = [:]
                continue
            }
            documents.append(try parseBlockNode(parentIndent: -1, depth: 0))
            guard try nextContentLine() != nil else { break }
            if !isDocumentMarker(index) {
                throw fail(index, "unexpected content \(excerpt(index)); check the indentation of this line")
            }
        }
        return documents
    }

    // MARK: Anchors and aliases

    /// In manifests, reads an anchor (`&name`) before a value and the blanks after it; nil when there is
    /// none, and always nil in a config, whose reader reports the `&` where the value is read.
    private mutating func valueAnchor() throws(SyntaxError) -> String? {
        guard manifests, char(index) == "&" else { return nil }
        let start = index
        index += 1
        let name = anchorName()
        if name.isEmpty { throw fail(start, "expected an anchor name after '&'") }
        while isBlank(index) { index += 1 }
        if char(index) == "&" || char(index) == "*" {
            throw fail(index, "expected a value after the anchor '&\(name)', found \(excerpt(index))")
        }
        return name
    }

    /// The name of an anchor or alias at `index`: everything up to a blank, a line break or a flow
    /// indicator.
    private mutating func anchorName() -> String {
        let start = index
        while let scalar = char(index), !isBlankOrEnd(index), !isFlowIndicator(scalar) { index += 1 }
        return string(text[start..<index])
    }

    /// Remembers `node` under `anchor`, when there is one.
    private mutating func register(_ anchor: String?, _ node: YAMLNode) -> YAMLNode {
        if let anchor { anchors[anchor] = node }
        return node
    }

    /// In manifests, the copy of the anchored node an alias (`*name`) at `index` names, placed at `depth`.
    private mutating func alias(depth: Int) throws(SyntaxError) -> YAMLNode {
        let start = index
        index += 1
        let name = anchorName()
        guard let node = anchors[name] else {
            if name.isEmpty { throw fail(start, "expected an anchor name after '*'") }
            throw fail(start, "alias '*\(name)' names no anchor defined before it in this document")
        }
        let (count, height) = Self.measure(node)
        expanded += count
        if expanded > YAMLReader.maximumAliasExpansion {
            throw fail(
                start, "aliases expand to more than \(YAMLReader.maximumAliasExpansion) nodes; repeat less of the file")
        }
        if depth + height > YAMLReader.maximumDepth {
            throw fail(start, "nesting is deeper than \(YAMLReader.maximumDepth) levels once '*\(name)' is expanded")
        }
        return node
    }

    /// How many nodes `node` holds (keys included) and how many levels of collections it nests.
    private static func measure(_ node: YAMLNode) -> (count: Int, height: Int) {
        switch node.content {
        case .scalar: return (1, 0)
        case .sequence(let items):
            var count = 1
            var height = 0
            for item in items {
                let (itemCount, itemHeight) = measure(item)
                count += itemCount
                height = max(height, itemHeight)
            }
            return (count, height + 1)
        case .mapping(let pairs):
            var count = 1
            var height = 0
            for pair in pairs {
                let (valueCount, valueHeight) = measure(pair.value)
                count += 1 + valueCount
                height = max(height, valueHeight)
            }
            return (count, height + 1)
        }
    }

    /// A mapping's pairs with its merge keys (`<<: *defaults`, `<<: [*a, *b]`) replaced by the pairs of
    /// the mappings they name that the mapping does not set itself; of two merged mappings, the first wins.
    private func merged(_ pairs: [YAMLPair]) throws(SyntaxError) -> [YAMLPair] {
        guard manifests, pairs.contains(where: Self.isMergeKey) else { return pairs }
        var result = pairs.filter { !Self.isMergeKey($0) }
        var seen = Set(result.map(\.keyText))
        for pair in pairs where Self.isMergeKey(pair) {
            let sources = pair.value.items ?? [pair.value]
            for source in sources {
                guard let sourcePairs = source.pairs else {
                    throw SyntaxError(
                        diagnostic: .error(
                            at: source.position, "a merge key '<<' takes a mapping or a list of mappings"))
                }
                for merged in sourcePairs where seen.insert(merged.keyText).inserted {
                    result.append(merged)
                }
            }
        }
        return result
    }

    private static func isMergeKey(_ pair: YAMLPair) -> Bool {
        pair.key.scalar?.style == .plain && pair.keyText == "<<"
    }

    // MARK: Block nodes

    /// Parses the node at `index`, which may start a block collection. Its parent's indentation is
    /// `parentIndent`: continuation lines of a plain scalar must be indented more.
    private mutating func parseBlockNode(parentIndent: Int, depth: Int) throws(SyntaxError) -> YAMLNode {
        guard depth < YAMLReader.maximumDepth else {
            throw fail(index, "nesting is deeper than \(YAMLReader.maximumDepth) levels")
        }
        if manifests, char(index) == "&" {
            let start = index
            let anchor = try valueAnchor()
            if implicitKeyAhead() {
                throw fail(start, "an anchor before a key on its line names the key; anchors on keys are not supported")
            }
            if atEnd || char(index) == "\n" || char(index) == "#" {
                throw fail(start, "an anchor must be followed by its value on the same line here")
            }
            return register(anchor, try parseBlockNode(parentIndent: parentIndent, depth: depth))
        }
        if manifests, char(index) == "*" { return try aliasValue(depth: depth) }
        try rejectNodeProperties()
        if isSequenceEntry(index) { return try parseBlockSequence(indent: column(index), depth: depth) }
        if char(index) == "|" || char(index) == ">" { return try parseBlockScalar(parentIndent: parentIndent) }
        if implicitKeyAhead() { return try parseBlockMapping(indent: column(index), depth: depth) }
        return try parseInlineValue(parentIndent: parentIndent, depth: depth)
    }

    /// Parses a value on the line of its key (or dash): a scalar, a flow collection or a block
    /// scalar, then the end of the line.
    private mutating func parseInlineValue(parentIndent: Int, depth: Int) throws(SyntaxError) -> YAMLNode {
        if manifests, char(index) == "*" { return try aliasValue(depth: depth) }
        try rejectNodeProperties()
        if char(index) == "|" || char(index) == ">" { return try parseBlockScalar(parentIndent: parentIndent) }
        if isSequenceEntry(index) {
            throw fail(index, "a block sequence cannot start on the line of its key; put '- ' on the next line")
        }
        let start = index
        let node: YAMLNode
        switch char(index) {
        case "[":
            flowBlockIndent = parentIndent
            node = try parseFlowSequence(depth: depth + 1)
        case "{":
            flowBlockIndent = parentIndent
            node = try parseFlowMapping(depth: depth + 1)
        case "\"", "'": node = try parseQuoted()
        default: node = try parsePlainBlockScalar(parentIndent: parentIndent)
        }
        while isBlank(index) { index += 1 }
        if char(index) == ":", isBlankOrEnd(index + 1) {
            if node.scalar == nil { throw fail(start, "mapping keys must be scalars, not flow collections") }
            throw fail(index, "a nested mapping cannot start on the line of its key; put it on the next line")
        }
        try finishLine()
        return node
    }

    /// An alias as a block value, then the end of its line.
    private mutating func aliasValue(depth: Int) throws(SyntaxError) -> YAMLNode {
        let start = index
        let node = try alias(depth: depth)
        while isBlank(index) { index += 1 }
        if char(index) == ":", isBlankOrEnd(index + 1) {
            throw fail(start, "aliases cannot be mapping keys; write the key")
        }
        try finishLine()
        return node
    }

    /// Anchors, aliases and tags are outside the subset.
    private func rejectNodeProperties() throws(SyntaxError) {
        switch char(index) {
        case "&": throw fail(index, "anchors ('&') are not supported; repeat the value instead")
        case "*": throw fail(index, "aliases ('*') are not supported; repeat the value instead")
        case "!": throw fail(index, "tags ('!') are not supported; remove the tag")
        case "?" where isBlankOrEnd(index + 1):
            throw fail(index, "explicit keys ('? ') are not supported; write 'key: value'")
        default: return
        }
    }

    /// Whether the line from `index` is `key:` or `key: value` with a scalar key.
    private func implicitKeyAhead() -> Bool {
        var offset = index
        switch char(offset) {
        case "\"", "'":
            let quote = text[offset]
            offset += 1
            while let scalar = char(offset), scalar != "\n" {
                if quote == "\"", scalar == "\\" {
                    if char(offset + 1) == "\n" { return false }
                    offset += 2
                    continue
                }
                if scalar == quote {
                    if quote == "'", char(offset + 1) == "'" {
                        offset += 2
                        continue
                    }
                    offset += 1
                    while isBlank(offset) { offset += 1 }
                    return char(offset) == ":" && isBlankOrEnd(offset + 1)
                }
                offset += 1
            }
            return false
        case "[", "{", "#":
            return false
        default:
            while let scalar = char(offset), scalar != "\n" {
                if scalar == ":", isBlankOrEnd(offset + 1) { return true }
                if scalar == "#", offset > index, isBlank(offset - 1) { return false }
                offset += 1
            }
            return false
        }
    }

    private mutating func parseBlockMapping(indent: Int, depth: Int) throws(SyntaxError) -> YAMLNode {
        let start = position(index)
        var pairs: [YAMLPair] = []
        var keyIndex: [String: Int] = [:]
        while true {
            let key = try parseBlockKey()
            let colon = index
            index += 1
            while isBlank(index) { index += 1 }
            let anchor = try valueAnchor()
            var value: YAMLNode
            if atEnd || char(index) == "\n" || char(index) == "#" {
                try finishLine()
                let lineStart = index
                if let next = try nextContentLine(), !isDocumentMarker(index),
                    next > indent || (next == indent && isSequenceEntry(index))
                {
                    value = try parseBlockNode(parentIndent: indent, depth: depth + 1)
                } else {
                    index = lineStart
                    value = YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), at: position(colon + 1))
                }
            } else {
                value = try parseInlineValue(parentIndent: indent, depth: depth + 1)
            }
            value = register(anchor, value)
            append(YAMLPair(key: key, value: value), to: &pairs, keyIndex: &keyIndex)

            guard let next = try nextContentLine(), !isDocumentMarker(index), next >= indent else { break }
            if next > indent {
                throw fail(index, "unexpected indentation; expected a key at column \(indent + 1)")
            }
            if isSequenceEntry(index) {
                throw fail(index, "expected a mapping key at this indentation, found a sequence entry '-'")
            }
            try rejectNodeProperties()
            if !implicitKeyAhead() {
                throw fail(index, "expected a mapping key followed by ':', found \(excerpt(index))")
            }
        }
        return YAMLNode(.mapping(try merged(pairs)), at: start)
    }

    /// Keeps the first of two equal keys and reports the second with both positions. The keys of a small
    /// mapping are compared in order (hashing each into a dictionary cost more than the whole search); past
    /// 16 keys, `keyIndex` maps each key to its pair.
    private mutating func append(_ pair: YAMLPair, to pairs: inout [YAMLPair], keyIndex: inout [String: Int]) {
        let key = pair.keyText
        let earlier: Int?
        if pairs.count <= 16 {
            earlier = pairs.firstIndex { $0.keyText == key }
        } else {
            if keyIndex.isEmpty {
                for (index, kept) in pairs.enumerated() { keyIndex[kept.keyText] = index }
            }
            earlier = keyIndex[key]
        }
        if let earlier {
            let first = pairs[earlier].key.position
            diagnostics.append(
                .error(
                    at: pair.key.position,
                    "duplicate key '\(key)'; it is first defined at line \(first.line), column \(first.column)"))
        } else {
            if !keyIndex.isEmpty { keyIndex[key] = pairs.count }
            pairs.append(pair)
        }
    }

    /// Parses a block mapping key up to its `:`, which is left at `index`.
    private mutating func parseBlockKey() throws(SyntaxError) -> YAMLNode {
        try rejectNodeProperties()
        let start = index
        switch char(index) {
        case "\"", "'":
            let key = try parseQuoted()
            while isBlank(index) { index += 1 }
            if key.position.line != position(index).line || char(index) != ":" {
                throw fail(start, "a quoted key must be on one line and be followed by ':'")
            }
            return key
        case "[", "{":
            throw fail(index, "mapping keys must be scalars, not flow collections")
        case "|", ">":
            throw fail(index, "a block scalar cannot be a mapping key")
        default:
            try rejectReservedPlainStart(index)
            var end = index
            while let scalar = char(end), scalar != "\n", !(scalar == ":" && isBlankOrEnd(end + 1)) { end += 1 }
            guard char(end) == ":" else { throw fail(start, "expected ':' after the key \(excerpt(start))") }
            index = end
            while end > start, isBlank(end - 1) { end -= 1 }
            if end == start { throw fail(start, "expected a key before ':'") }
            let key = string(text[start..<end])
            return YAMLNode(.scalar(YAMLScalar(text: key, style: .plain)), at: position(start))
        }
    }

    private func rejectReservedPlainStart(_ offset: Int) throws(SyntaxError) {
        guard let scalar = char(offset) else { return }
        switch scalar {
        case "@", "`", "%":
            throw fail(offset, "\(quoted(scalar)) is reserved and cannot start a plain value; quote the value")
        case ",", "]", "}":
            throw fail(offset, "unexpected \(quoted(scalar)); quote the value if it is part of the text")
        case "#":
            throw fail(offset, "'#' cannot start a value; quote the value")
        default:
            return
        }
    }

    private mutating func parseBlockSequence(indent: Int, depth: Int) throws(SyntaxError) -> YAMLNode {
        let start = position(index)
        var items: [YAMLNode] = []
        while true {
            let dash = index
            index += 1
            while isBlank(index) { index += 1 }
            var anchor: String?
            if manifests, char(index) == "&" {
                let anchorStart = index
                anchor = try valueAnchor()
                if implicitKeyAhead() {
                    throw fail(
                        anchorStart,
                        "an anchor before a key on its line names the key; anchors on keys are not supported")
                }
            }
            if atEnd || char(index) == "\n" || char(index) == "#" {
                try finishLine()
                let lineStart = index
                if let next = try nextContentLine(), !isDocumentMarker(index), next > indent {
                    items.append(register(anchor, try parseBlockNode(parentIndent: indent, depth: depth + 1)))
                } else {
                    index = lineStart
                    items.append(
                        register(
                            anchor, YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), at: position(dash + 1))))
                }
            } else {
                items.append(register(anchor, try parseBlockNode(parentIndent: indent, depth: depth + 1)))
            }
            guard let next = try nextContentLine(), !isDocumentMarker(index), next >= indent else { break }
            if next > indent {
                throw fail(index, "unexpected indentation; expected '- ' at column \(indent + 1)")
            }
            guard isSequenceEntry(index) else { break }
        }
        return YAMLNode(.sequence(items), at: start)
    }

    // MARK: Block scalars

    private mutating func parseBlockScalar(parentIndent: Int) throws(SyntaxError) -> YAMLNode {
        let start = index
        let style: YAMLScalarStyle = text[index] == "|" ? .literal : .folded
        index += 1
        var chomping: Unicode.Scalar?
        var explicitIndent: Int?
        for _ in 0..<2 {
            guard let scalar = char(index) else { break }
            if (scalar == "-" || scalar == "+"), chomping == nil {
                chomping = scalar
                index += 1
            } else if ("1"..."9").contains(scalar), explicitIndent == nil {
                explicitIndent = Int(scalar.value - 48)
                index += 1
            }
        }
        if let scalar = char(index), !isBlankOrEnd(index) {
            throw fail(
                index,
                "expected a chomping indicator, an indentation digit or the end of the line after "
                    + "\(quoted(text[start])), found \(quoted(scalar))")
        }
        try finishLine()

        let baseIndent = max(parentIndent, 0)
        var contentIndent: Int
        if let explicitIndent {
            contentIndent = baseIndent + explicitIndent
        } else {
            contentIndent = parentIndent + 1
            var offset = index
            detect: while offset < text.count {
                var spaces = 0
                while char(offset) == " " {
                    spaces += 1
                    offset += 1
                }
                switch char(offset) {
                case "\n": offset += 1
                case nil: break detect
                default:
                    contentIndent = max(spaces, parentIndent + 1)
                    break detect
                }
            }
        }

        var lines: [String] = []
        while index < text.count {
            let lineStart = index
            var spaces = 0
            while char(index) == " " {
                spaces += 1
                index += 1
            }
            let lineEnd = endOfLine(index)
            let contentEnd = lineEnd > 0 && char(lineEnd - 1) == "\n" ? lineEnd - 1 : lineEnd
            if spaces >= contentIndent, !(contentIndent == 0 && isDocumentMarker(lineStart)) {
                lines.append(string(text[(lineStart + contentIndent)..<contentEnd]))
            } else if index == contentEnd {
                lines.append("")
            } else {
                if char(index) == "\t", spaces < contentIndent, isBlankLine(from: index) {
                    lines.append("")
                    index = lineEnd
                    continue
                }
                index = lineStart
                break
            }
            index = lineEnd
        }

        var trailingEmpty = 0
        while let last = lines.last, last.isEmpty {
            trailingEmpty += 1
            lines.removeLast()
        }
        var value = style == .literal ? lines.joined(separator: "\n") : Self.fold(lines)
        switch chomping {
        case "-": break
        case "+":
            value +=
                lines.isEmpty
                ? String(repeating: "\n", count: trailingEmpty) : "\n" + String(repeating: "\n", count: trailingEmpty)
        default: if !lines.isEmpty { value += "\n" }
        }
        return YAMLNode(.scalar(YAMLScalar(text: value, style: style)), at: position(start))
    }

    private func isBlankLine(from offset: Int) -> Bool {
        var offset = offset
        while isBlank(offset) { offset += 1 }
        return char(offset) == nil || char(offset) == "\n"
    }

    /// Folds the lines of a `>` block: a break between two lines of text becomes a space, empty
    /// lines stay line breaks, and more-indented lines keep their breaks.
    private static func fold(_ lines: [String]) -> String {
        var out = ""
        var emptyLines = 0
        var previousWasText: Bool?
        for line in lines {
            if line.isEmpty {
                emptyLines += 1
                continue
            }
            let isText = !(line.hasPrefix(" ") || line.hasPrefix("\t"))
            switch previousWasText {
            case nil:
                out += String(repeating: "\n", count: emptyLines)
            case true? where isText:
                out += emptyLines == 0 ? " " : String(repeating: "\n", count: emptyLines)
            default:
                out += String(repeating: "\n", count: emptyLines + 1)
            }
            out += line
            emptyLines = 0
            previousWasText = isText
        }
        return out
    }

    // MARK: Plain scalars

    /// A plain scalar in block context, continued on following lines indented more than
    /// `parentIndent`. Stops before `: `, ` #` and at the end of its last line.
    private mutating func parsePlainBlockScalar(parentIndent: Int) throws(SyntaxError) -> YAMLNode {
        let start = index
        try rejectReservedPlainStart(index)
        var value = readPlainLineSegment()
        guard char(index) == "\n" else { return plainNode(value, start) }
        // Continuation lines.
        while true {
            let lineBreak = index
            var offset = index + 1
            var emptyLines = 0
            var continuation: Int?
            scan: while offset < text.count {
                var spaces = 0
                while char(offset) == " " {
                    spaces += 1
                    offset += 1
                }
                while isBlank(offset) { offset += 1 }
                switch char(offset) {
                case "\n":
                    emptyLines += 1
                    offset += 1
                case "#", nil:
                    break scan
                default:
                    if spaces > parentIndent, !isDocumentMarker(offset - spaces) { continuation = offset }
                    break scan
                }
            }
            guard let continuation else {
                index = lineBreak
                return plainNode(value, start)
            }
            index = continuation
            let segmentStart = index
            let segment = readPlainLineSegment()
            if char(index) == ":" {
                throw fail(
                    segmentStart,
                    "unexpected 'key: value' inside a value continued from the line above; "
                        + "check the indentation of this line or quote the value")
            }
            value += (emptyLines == 0 ? " " : String(repeating: "\n", count: emptyLines)) + segment
            guard char(index) == "\n" else { return plainNode(value, start) }
        }
    }

    /// Reads plain text from `index` to `: `, ` #` or the end of the line; trailing blanks are not
    /// part of the text. Leaves `index` at the stop.
    private mutating func readPlainLineSegment() -> String {
        let start = index
        var end = index
        while let scalar = char(index), scalar != "\n" {
            if scalar == ":", isBlankOrEnd(index + 1) { break }
            if scalar == "#", index > start, isBlank(index - 1) { break }
            index += 1
            if !isBlank(index - 1) { end = index }
        }
        return string(text[start..<end])
    }

    private func plainNode(_ value: String, _ start: Int) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: value, style: .plain)), at: position(start))
    }

    // MARK: Quoted scalars

    /// A single- or double-quoted scalar at `index`, possibly over several lines.
    private mutating func parseQuoted() throws(SyntaxError) -> YAMLNode {
        let start = index
        let quote = text[index]
        let isDouble = quote == "\""
        let kind = isDouble ? "double" : "single"
        index += 1
        var out: [Unicode.Scalar] = []
        var kept = 0  // `out` up to here came from escapes and is never trimmed by folding
        while true {
            guard let scalar = char(index) else {
                throw fail(
                    start, "unterminated \(kind)-quoted string; expected a closing \(isDouble ? "'\"'" : "\"'\"")")
            }
            switch scalar {
            case "'" where !isDouble && char(index + 1) == "'":
                out.append("'")
                index += 2
                kept = out.count
            case quote:
                index += 1
                let style: YAMLScalarStyle = isDouble ? .doubleQuoted : .singleQuoted
                return YAMLNode(.scalar(YAMLScalar(text: string(out), style: style)), at: position(start))
            case "\\" where isDouble && char(index + 1) == "\n":
                // An escaped line break joins the lines without a space.
                index += 2
                while isBlank(index) { index += 1 }
                kept = out.count
            case "\\" where isDouble:
                out.append(try parseEscape())
                kept = out.count
            case "\n":
                try foldQuotedLineBreak(&out, kept: kept, quoteStart: start, kind: kind)
                kept = out.count
            default:
                out.append(scalar)
                index += 1
            }
        }
    }

    /// Folds a line break inside a quoted scalar: trailing blanks go, one break becomes a space, and
    /// each empty line becomes a line break.
    private mutating func foldQuotedLineBreak(
        _ out: inout [Unicode.Scalar], kept: Int, quoteStart: Int, kind: String
    ) throws(SyntaxError) {
        while out.count > kept, out.last == " " || out.last == "\t" { out.removeLast() }
        var emptyLines = 0
        index += 1
        while true {
            if isDocumentMarker(index) {
                throw fail(quoteStart, "unterminated \(kind)-quoted string; a document marker interrupts it")
            }
            while isBlank(index) { index += 1 }
            guard char(index) == "\n" else { break }
            emptyLines += 1
            index += 1
        }
        out.append(contentsOf: emptyLines == 0 ? [" "] : Array(repeating: "\n", count: emptyLines))
    }

    private mutating func parseEscape() throws(SyntaxError) -> Unicode.Scalar {
        let start = index
        index += 1
        guard let code = char(index) else {
            throw fail(start, "unterminated double-quoted string; expected a closing '\"'")
        }
        index += 1
        switch code {
        case "0": return "\0"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "t", "\t": return "\t"
        case "n": return "\n"
        case "v": return "\u{0B}"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case " ": return " "
        case "\"": return "\""
        case "/": return "/"
        case "\\": return "\\"
        case "N": return "\u{85}"
        case "_": return "\u{A0}"
        case "L": return "\u{2028}"
        case "P": return "\u{2029}"
        case "x", "u", "U":
            let digits = code == "x" ? 2 : code == "u" ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let digit = char(index), let hex = Self.hexValue(digit) else {
                    throw fail(start, "expected \(digits) hexadecimal digits after '\\\(Character(code))'")
                }
                value = value * 16 + hex
                index += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw fail(start, "escape '\\\(Character(code))' names no Unicode character")
            }
            return scalar
        default:
            throw fail(start, "unknown escape '\\\(Character(code))' in a double-quoted string")
        }
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 48...57: return scalar.value - 48
        case 65...70: return scalar.value - 55
        case 97...102: return scalar.value - 87
        default: return nil
        }
    }

    private func string(_ scalars: [Unicode.Scalar]) -> String { string(scalars[...]) }

    private func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // Encoded here: building a `String.UnicodeScalarView` from scalars appends them one by one through
        // unspecialized code, several times slower.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Flow collections

    /// Skips blanks, line breaks and comments inside a flow collection.
    private mutating func skipFlowSpace(opening: Int, closer: Character) throws(SyntaxError) {
        while let scalar = char(index) {
            if scalar == " " || scalar == "\t" {
                index += 1
            } else if scalar == "\n" {
                index += 1
                if isDocumentMarker(index) { throw unclosed(opening, closer) }
                if endsFlowLine(index) { throw unclosed(opening, closer, endedBy: index) }
            } else if scalar == "#", isBlankOrEnd(index - 1) || index == 0 {
                index = endOfLine(index) - (char(endOfLine(index) - 1) == "\n" ? 1 : 0)
            } else {
                return
            }
        }
    }

    /// Whether the line starting at `offset` cannot be inside the flow collection being read, which therefore
    /// must have ended before it. YAML wants every line of a flow collection indented more than the key (or
    /// `-`) that holds it; a line that starts with a closing bracket may be at the key's own column, as
    /// people close braces like JSON and other YAML readers accept it.
    private func endsFlowLine(_ offset: Int) -> Bool {
        var end = offset
        while char(end) == " " { end += 1 }
        guard let scalar = char(end), scalar != "\n", scalar != "#", scalar != "\t" else { return false }
        let indent = end - offset
        return indent < flowBlockIndent || (indent == flowBlockIndent && scalar != "}" && scalar != "]")
    }

    /// The error for a flow collection without its closing bracket. `endedBy` is the offset of the line that
    /// could not continue it, when one did (rather than the end of the input).
    private func unclosed(_ opening: Int, _ closer: Character, endedBy line: Int? = nil) -> SyntaxError {
        let kind = closer == "]" ? "sequence" : "mapping"
        var message = "unclosed flow \(kind): \(quoted(text[opening])) has no matching '\(closer)'"
        if let line {
            message +=
                "; its lines must be indented more than the key (or '-') that holds it, and line "
                + "\(position(line).line) is not"
        }
        return fail(opening, message)
    }

    private mutating func parseFlowSequence(depth: Int) throws(SyntaxError) -> YAMLNode {
        guard depth < YAMLReader.maximumDepth else {
            throw fail(index, "nesting is deeper than \(YAMLReader.maximumDepth) levels")
        }
        let opening = index
        index += 1
        var items: [YAMLNode] = []
        while true {
            try skipFlowSpace(opening: opening, closer: "]")
            guard let scalar = char(index) else { throw unclosed(opening, "]") }
            if scalar == "]" {
                index += 1
                break
            }
            if scalar == "," { throw fail(index, "empty entry in a flow sequence; remove the extra ','") }
            items.append(try parseFlowValue(depth: depth))
            try skipFlowSpace(opening: opening, closer: "]")
            switch char(index) {
            case nil: throw unclosed(opening, "]")
            case ",": index += 1
            case "]":
                index += 1
                return YAMLNode(.sequence(items), at: position(opening))
            case ":":
                throw fail(index, "a 'key: value' pair inside a flow sequence needs braces: write '{key: value}'")
            default:
                throw fail(index, "expected ',' or ']' in a flow sequence, found \(excerpt(index))")
            }
        }
        return YAMLNode(.sequence(items), at: position(opening))
    }

    private mutating func parseFlowMapping(depth: Int) throws(SyntaxError) -> YAMLNode {
        guard depth < YAMLReader.maximumDepth else {
            throw fail(index, "nesting is deeper than \(YAMLReader.maximumDepth) levels")
        }
        let opening = index
        index += 1
        var pairs: [YAMLPair] = []
        var keyIndex: [String: Int] = [:]
        while true {
            try skipFlowSpace(opening: opening, closer: "}")
            guard let scalar = char(index) else { throw unclosed(opening, "}") }
            if scalar == "}" {
                index += 1
                break
            }
            if scalar == "," { throw fail(index, "empty entry in a flow mapping; remove the extra ','") }
            if scalar == "[" || scalar == "{" {
                throw fail(index, "mapping keys must be scalars, not flow collections")
            }
            let key = try parseFlowNode(depth: depth)
            try skipFlowSpace(opening: opening, closer: "}")
            var value = YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), at: position(index))
            if char(index) == ":" {
                index += 1
                try skipFlowSpace(opening: opening, closer: "}")
                guard let next = char(index) else { throw unclosed(opening, "}") }
                value = YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), at: position(index))
                if next != ",", next != "}" { value = try parseFlowValue(depth: depth) }
                try skipFlowSpace(opening: opening, closer: "}")
            }
            append(YAMLPair(key: key, value: value), to: &pairs, keyIndex: &keyIndex)
            switch char(index) {
            case nil: throw unclosed(opening, "}")
            case ",": index += 1
            case "}":
                index += 1
                return YAMLNode(.mapping(try merged(pairs)), at: position(opening))
            default:
                throw fail(index, "expected ',' or '}' in a flow mapping, found \(excerpt(index))")
            }
        }
        return YAMLNode(.mapping(try merged(pairs)), at: position(opening))
    }

    /// A flow value: in manifests it may carry an anchor or be an alias.
    private mutating func parseFlowValue(depth: Int) throws(SyntaxError) -> YAMLNode {
        if manifests, char(index) == "*" { return try alias(depth: depth) }
        let anchor = try valueAnchor()
        return register(anchor, try parseFlowNode(depth: depth))
    }

    private mutating func parseFlowNode(depth: Int) throws(SyntaxError) -> YAMLNode {
        try rejectNodeProperties()
        switch char(index) {
        case "[": return try parseFlowSequence(depth: depth + 1)
        case "{": return try parseFlowMapping(depth: depth + 1)
        case "\"", "'": return try parseQuoted()
        case "|", ">": throw fail(index, "block scalars ('|', '>') are not allowed inside flow collections")
        default: break
        }
        if isSequenceEntry(index) { throw fail(index, "'- ' entries are not allowed inside flow collections") }
        try rejectReservedPlainStart(index)
        return try parsePlainFlowScalar()
    }

    /// A plain scalar inside a flow collection: stops at `,[]{}`, at `:` before a blank or a flow
    /// indicator, and at ` #`; continues across line breaks.
    private mutating func parsePlainFlowScalar() throws(SyntaxError) -> YAMLNode {
        let start = index
        var value = ""
        while true {
            let segmentStart = index
            var end = index
            while let scalar = char(index), scalar != "\n", !isFlowIndicator(scalar) {
                if scalar == ":", isBlankOrEnd(index + 1) || isFlowIndicator(char(index + 1)) { break }
                if scalar == "#", index > segmentStart, isBlank(index - 1) { break }
                index += 1
                if !isBlank(index - 1) { end = index }
            }
            let segment = string(text[segmentStart..<end])
            value += value.isEmpty || segment.isEmpty ? segment : " " + segment
            guard char(index) == "\n" else { break }
            var offset = index
            while let scalar = char(offset), scalar == "\n" || scalar == " " || scalar == "\t" { offset += 1 }
            guard let next = char(offset), !isFlowIndicator(next), next != "#", next != ":",
                !isDocumentMarker(offset), !endsFlowLine(lineStarts[position(offset).line - 1])
            else { break }
            index = offset
        }
        if value.isEmpty { throw fail(start, "expected a value, found \(excerpt(start))") }
        return plainNode(value, start)
    }
}
