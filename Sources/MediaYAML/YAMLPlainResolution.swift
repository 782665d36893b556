/// What a plain (unquoted) scalar means to YAML tools other than mediactl's reader: YAML 1.1
/// resolvers such as PyYAML and Kubernetes' parsers, and YAML 1.2 core-schema parsers.
///
/// mediactl types scalars by destination, so `yes` in a string field is the string `yes`; another
/// tool reading the same file would see a boolean. Decoders use this to warn about such values.
public enum YAMLPlainResolution: String, Hashable, Sendable {
    /// A string to every tool.
    case string
    /// `~`, `null`, `Null`, `NULL` or nothing.
    case null
    /// `true`/`false` and the YAML 1.1 words `yes`, `no`, `on`, `off`, `y`, `n` in their spellings.
    case boolean
    /// An integer or float in YAML 1.1 or 1.2 notation (`0755`, `0x1F`, `1_000`, `12:30`, `1e3`, `.inf`).
    case number
    /// A YAML 1.1 timestamp such as `2001-12-14`.
    case timestamp

    /// How other tools resolve `text` written as a plain scalar.
    public init(plain text: String) {
        // Only these can start a null, boolean, number or timestamp; most strings stop here.
        guard let first = text.unicodeScalars.first, Self.possibleFirstScalars.contains(first) else {
            self = text.isEmpty ? .null : .string
            return
        }
        if text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" {
            self = .null
        } else if Self.booleanWords.contains(text) {
            self = .boolean
        } else if Self.isNumber(Array(text.utf8)) {
            self = .number
        } else if Self.isTimestamp(Array(text.utf8)) {
            self = .timestamp
        } else {
            self = .string
        }
    }

    private static let possibleFirstScalars = Set("0123456789+-.~yYnNtTfFoO".unicodeScalars)

    private static let booleanWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]

    // The number and timestamp forms are matched by hand: the equivalent regular expressions (YAML 1.1's
    // int, float and timestamp, and 1.2's core schema) cost more to build than reading a whole config.
    // Every class is ASCII, so a byte above 0x7F never matches. `PlainResolutionTests` checks these
    // scanners against the regular expressions.

    /// An integer or float in YAML 1.1 or 1.2 notation, the whole text.
    static func isNumber(_ bytes: [UInt8]) -> Bool {
        guard bytes != [UInt8(ascii: ".")] else { return false }
        var scanner = ByteScanner(bytes)
        if scanner.skip(".") {
            // `.inf`, `.nan` (unsigned only) or `.5`, `.5e3`
            if scanner.skipWord(in: ["nan", "NaN", "NAN", "inf", "Inf", "INF"]) { return scanner.isAtEnd }
            return scanner.fractionAndExponent()
        }
        _ = scanner.skip("-") || scanner.skip("+")
        if scanner.skip(".") {
            if scanner.skipWord(in: ["inf", "Inf", "INF"]) { return scanner.isAtEnd }
            return scanner.fractionAndExponent()
        }
        guard let first = scanner.peek, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") {
            var prefixed = scanner
            prefixed.advance()
            // `0b…`, `0x…`, `0o…` and `0…` octal: a run of the radix's digits and underscores to the end.
            if prefixed.skip("b"),
                prefixed.skipRun(where: {
                    $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_")
                }) > 0,
                prefixed.isAtEnd
            {
                return true
            }
            prefixed = scanner
            prefixed.advance()
            if prefixed.skip("x"), prefixed.skipRun(where: { isHexDigit($0) || $0 == UInt8(ascii: "_") }) > 0,
                prefixed.isAtEnd
            {
                return true
            }
            prefixed = scanner
            prefixed.advance()
            _ = prefixed.skip("o")
            if prefixed.skipRun(where: {
                (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) || $0 == UInt8(ascii: "_")
            }) > 0,
                prefixed.isAtEnd
            {
                return true
            }
        }
        // Decimal digits, then sexagesimal groups, a fraction or an exponent.
        scanner.advance()
        scanner.skipRun(where: { isDigit($0) || $0 == UInt8(ascii: "_") })
        if scanner.isAtEnd { return true }
        if scanner.peek == UInt8(ascii: ":") {
            while scanner.skip(":") {
                guard scanner.sexagesimalDigits() else { return false }
            }
            if scanner.isAtEnd { return true }
            guard scanner.skip(".") else { return false }
            scanner.skipRun(where: { isDigit($0) || $0 == UInt8(ascii: "_") })
            return scanner.isAtEnd
        }
        if scanner.skip(".") { return scanner.fractionAndExponent() }
        return scanner.exponent() && scanner.isAtEnd
    }

    /// A YAML 1.1 timestamp: `2001-12-14`, optionally with a time (`T` or spaces), fraction and zone.
    static func isTimestamp(_ bytes: [UInt8]) -> Bool {
        var scanner = ByteScanner(bytes)
        guard scanner.digits(4...4), scanner.skip("-"), scanner.digits(1...2), scanner.skip("-"), scanner.digits(1...2)
        else { return false }
        if scanner.isAtEnd { return true }
        if !(scanner.skip("T") || scanner.skip("t")) {
            guard scanner.skipRun(where: isBlank) > 0 else { return false }
        }
        guard scanner.digits(1...2), scanner.skip(":"), scanner.digits(2...2), scanner.skip(":"), scanner.digits(2...2)
        else { return false }
        if scanner.skip(".") { scanner.skipRun(where: isDigit) }
        if scanner.isAtEnd { return true }
        scanner.skipRun(where: isBlank)
        if scanner.skip("Z") { return scanner.isAtEnd }
        guard scanner.skip("-") || scanner.skip("+"), scanner.digits(1...2) else { return false }
        if scanner.skip(":") { guard scanner.digits(2...2) else { return false } }
        return scanner.isAtEnd
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}

/// A cursor over the bytes of a scalar, for the hand-written matchers of ``YAMLPlainResolution``.
private struct ByteScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func advance() { index += 1 }

    /// Consumes `character` when it is next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Consumes one of `words` when it is next.
    mutating func skipWord(in words: [String]) -> Bool {
        for word in words where bytes[index...].starts(with: word.utf8) {
            index += word.utf8.count
            return true
        }
        return false
    }

    /// Consumes the longest run of bytes that satisfy `predicate`; returns its length.
    @discardableResult
    mutating func skipRun(where predicate: (UInt8) -> Bool) -> Int {
        let start = index
        while let byte = peek, predicate(byte) { index += 1 }
        return index - start
    }

    /// Consumes between `count.lowerBound` and `count.upperBound` digits, as many as there are.
    mutating func digits(_ count: ClosedRange<Int>) -> Bool {
        let start = index
        while index - start < count.upperBound, let byte = peek, YAMLPlainResolution.isDigit(byte) { index += 1 }
        return index - start >= count.lowerBound
    }

    /// One sexagesimal group's digits after its colon: `[0-5]?[0-9]`.
    mutating func sexagesimalDigits() -> Bool {
        guard let first = peek, YAMLPlainResolution.isDigit(first) else { return false }
        index += 1
        if first <= UInt8(ascii: "5"), let second = peek, YAMLPlainResolution.isDigit(second) { index += 1 }
        return true
    }

    /// After a float's dot: `[0-9_]*`, an optional exponent, and the end.
    mutating func fractionAndExponent() -> Bool {
        skipRun(where: { YAMLPlainResolution.isDigit($0) || $0 == UInt8(ascii: "_") })
        if isAtEnd { return true }
        return exponent() && isAtEnd
    }

    /// `[eE][-+]?[0-9]+`.
    mutating func exponent() -> Bool {
        guard skip("e") || skip("E") else { return false }
        _ = skip("-") || skip("+")
        return skipRun(where: YAMLPlainResolution.isDigit) > 0
    }
}
