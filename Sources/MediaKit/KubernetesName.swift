/// The name rules of the Kubernetes API (apimachinery's `validation` package), for config values that
/// become object names, label keys and values or annotation keys: the API server refuses an object that
/// breaks them, long after `validate` and `render` said the config was fine.
public enum KubernetesName {
    /// Why `text` is no DNS-1123 subdomain (Secret, ClusterSecretStore and most object names: lowercase
    /// labels joined by dots, at most 253 characters), or nil.
    public static func subdomainProblem(_ text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.utf8.count > 253 { return "it is longer than 253 characters" }
        if !text.contains(".") { return DNSLabel.problem(with: text) }
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            if let problem = DNSLabel.problem(with: String(label)) {
                return label.isEmpty ? "it has an empty part between dots" : "'\(label)': \(problem)"
            }
        }
        return nil
    }

    /// Why `text` is no DNS-1035 label (Service names: a DNS-1123 label that starts with a letter), or nil.
    public static func serviceNameProblem(_ text: String) -> String? {
        if let problem = DNSLabel.problem(with: text) { return problem }
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else {
            return "it must start with a letter"
        }
        return nil
    }

    /// Why `text` is no label or annotation key (`[prefix/]name`: a DNS subdomain prefix, and a name of at
    /// most 63 letters, digits, `-`, `_` and `.` that starts and ends with a letter or digit), or nil.
    public static func qualifiedNameProblem(_ text: String) -> String? {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 {
            if let problem = subdomainProblem(String(parts[0])) {
                return "its prefix '\(parts[0])' is invalid: \(problem)"
            }
            if parts[1].contains("/") { return "it has more than one '/'" }
        }
        guard let name = parts.last, !name.isEmpty else { return "its name is empty" }
        return nameProblem(name, what: "its name")
    }

    /// Why `text` is no label value (empty, or at most 63 letters, digits, `-`, `_` and `.` starting and
    /// ending with a letter or digit), or nil.
    public static func labelValueProblem(_ text: String) -> String? {
        text.isEmpty ? nil : nameProblem(Substring(text), what: "it")
    }

    /// Why `text` is no key of a Secret's data (letters, digits, `-`, `_` and `.`, at most 253), or nil.
    public static func secretKeyProblem(_ text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.utf8.count > 253 { return "it is longer than 253 characters" }
        if text == "." || text == ".." { return "it may not be '.' or '..'" }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || "-_.".unicodeScalars.contains($0) }
            ? nil : "it may contain only letters, digits, '-', '_' and '.'"
    }

    private static func nameProblem(_ name: Substring, what: String) -> String? {
        if name.utf8.count > 63 { return "\(what) is longer than 63 characters" }
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
            isAlphanumeric(first), isAlphanumeric(last)
        else { return "\(what) must start and end with a letter or digit" }
        return name.unicodeScalars.allSatisfy { isAlphanumeric($0) || "-_.".unicodeScalars.contains($0) }
            ? nil : "\(what) may contain only letters, digits, '-', '_' and '.'"
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
