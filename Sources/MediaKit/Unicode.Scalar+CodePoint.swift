extension Unicode.Scalar {
    /// `U+001B` for an escape character: how messages name a character that cannot be shown.
    public var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether the character is a C0 or C1 control character, DEL, or a line or paragraph separator: none of
    /// them belongs in a name, a path or a host.
    public var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}
