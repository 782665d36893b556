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
        if !allowed { return "it may contain only lowercase letters, digits and '-'" }
        if text.hasPrefix("-") || text.hasSuffix("-") { return "it must start and end with a letter or digit" }
        return nil
    }

    /// A label made from `text`: lowercased, other characters replaced by `-`, trimmed; used to
    /// suggest a valid name.
    public static func suggestion(for text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
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
