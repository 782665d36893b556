/// The rules of a name that becomes a host name (`cluster.domain`, an app's `host`, a proxy's `domain`):
/// DNS-1123 labels joined by dots, at most 253 characters, lowercase, as Kubernetes requires of an Ingress
/// or HTTPRoute host. A whole label may be a Flux substitution such as `${SECRET_DOMAIN}`, which Flux
/// replaces before the cluster sees it.
public enum DNSName {
    /// The longest host name Kubernetes accepts.
    public static let maximumLength = 253

    /// Why `text` is not a host name (or a part of one), or nil when it is one.
    public static func problem(with text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if let control = text.unicodeScalars.first(where: \.isControlCharacter) {
            return "it contains the control character \(control.codePoint)"
        }
        if text.hasPrefix("*") {
            return "wildcards ('*') are not host names; give the name itself, such as 'example.com'"
        }
        if text.hasSuffix("."), text.count > 1 { return "it ends with '.'; drop the trailing dot" }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            if label.isEmpty { return "it has an empty label (a '.' at the start or '..')" }
            if isSubstitution(label) { continue }
            if label.contains("${") {
                return "'\(label)' mixes a Flux substitution with text; '${VARIABLE}' must be a whole label"
            }
            if label.unicodeScalars.contains(where: { ("A"..."Z").contains($0) }) {
                return
                    "'\(label)' has uppercase letters, which an Ingress host may not have; write '\(label.lowercased())'"
            }
            if let problem = DNSLabel.problem(with: String(label)) {
                return "'\(label)' is not a DNS label: \(problem)"
            }
        }
        if !hasSubstitution(text), text.utf8.count > maximumLength {
            return "it is longer than \(maximumLength) characters"
        }
        return nil
    }

    /// Whether `text` holds a Flux substitution, so its length is known only after Flux replaces it.
    public static func hasSubstitution(_ text: String) -> Bool { text.contains("${") }

    /// Whether `label` is exactly `${NAME}`, NAME a shell-style variable name (Flux's `envsubst`).
    public static func isSubstitution(_ label: Substring) -> Bool {
        guard label.hasPrefix("${"), label.hasSuffix("}"), label.count > 3 else { return false }
        let name = label.dropFirst(2).dropLast()
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
