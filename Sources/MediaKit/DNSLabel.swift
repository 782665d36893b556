/// The rules of a DNS-1123 label, which Kubernetes uses for names of namespaces, Services and most
/// objects: 1 to 63 characters, lowercase letters, digits and `-`, starting and ending with a
/// letter or digit.
public enum DNSLabel {
    /// The longest label allowed.
    public static let maximumLength = 63

    /// Why `text` is not a DNS-1123 label, or nil when it is one.
    public static func problem(with text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.utf8.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        if let other = text.unicodeScalars.first(where: { !$0.isASCII }) {
            // A look-alike (Cyrillic 'е' for 'e') is the likeliest reason: name it.
            return "it contains '\(Character(other))' (\(other.codePoint)), which is not an ASCII letter"
        }
        if !allowed { return "it may contain only lowercase letters, digits and '-'" }
        if text.hasPrefix("-") || text.hasSuffix("-") { return "it must start and end with a letter or digit" }
        return nil
    }

    /// Letters that look like ASCII ones (Cyrillic and Greek look-alikes), and what they look like.
    private static let lookAlikes: [UInt32: Unicode.Scalar] = [
        0x0430: "a", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c", 0x0443: "y", 0x0445: "x", 0x0455: "s",
        0x0456: "i", 0x0458: "j", 0x03B1: "a", 0x03BF: "o", 0x03B9: "i", 0x03BA: "k", 0x03C1: "p",
    ]

    /// A label made from `text`: lowercased, look-alike and fullwidth letters made ASCII, other characters
    /// replaced by `-`, trimmed; used to suggest a valid name.
    public static func suggestion(for text: String) -> String {
        var out = ""
        for original in text.lowercased().unicodeScalars {
            var scalar = lookAlikes[original.value] ?? original
            // Fullwidth forms of ASCII (U+FF01…U+FF5E) are ASCII shifted by 0xFEE0.
            if (0xFF01...0xFF5E).contains(original.value), let ascii = Unicode.Scalar(original.value - 0xFEE0) {
                scalar = Unicode.Scalar(String(ascii).lowercased()) ?? ascii
            }
            let valid = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if valid {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(maximumLength))
    }
}
