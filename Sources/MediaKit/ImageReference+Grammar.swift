/// The OCI distribution reference grammar (distribution/reference's `reference.go` and `regexp.go`,
/// opencontainers/go-digest for digests), so an image that a registry or the kubelet would refuse, or that
/// carries a line break into the manifests, is an error at its line:
///
/// ```
/// name      := [domain '/'] path-component ['/' path-component]*
/// domain    := host [':' port]          (the first component, when it has '.' or ':' or is 'localhost')
/// component := [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*
/// tag       := [\w][\w.-]{0,127}
/// digest    := algorithm ':' hex        (algorithm [A-Za-z][A-Za-z0-9]* joined by + . _ -; hex of 32 or more,
///                                         exactly 64 lowercase for sha256, 96 for sha384, 128 for sha512)
/// ```
extension ImageReference {
    /// The longest repository name, domain included.
    public static let maximumNameLength = 255

    /// Why the parts of this reference break the grammar, or nil when they follow it.
    public var problem: String? {
        Self.problem(withRepository: repository) ?? tag.flatMap(Self.problem(withTag:))
            ?? digest.flatMap(Self.problem(withDigest:))
    }

    /// Why `repository` (such as `ghcr.io/home-operations/sonarr`) is no repository name, or nil.
    public static func problem(withRepository repository: String) -> String? {
        if let control = repository.unicodeScalars.first(where: \.isControlCharacter) {
            return "the repository contains the control character \(control.codePoint)"
        }
        if repository.utf8.count > maximumNameLength {
            return "the repository is longer than \(maximumNameLength) characters"
        }
        var components = repository.split(separator: "/", omittingEmptySubsequences: false)
        if components.count > 1, let first = components.first,
            first.contains(".") || first.contains(":") || first == "localhost" || first.contains(where: \.isUppercase)
        {
            if let problem = problem(withDomain: first) { return problem }
            components.removeFirst()
        }
        for component in components where !isPathComponent(component) {
            if component.isEmpty { return "the repository has an empty path component ('//' or a '/' at an end)" }
            return "'\(component)' is not a repository path component: lowercase letters and digits, separated by "
                + "'.', '_', '__' or dashes"
        }
        return nil
    }

    /// Why `tag` (such as `4.0.15`) is no tag, or nil.
    public static func problem(withTag tag: String) -> String? {
        let scalars = Array(tag.unicodeScalars)
        guard let first = scalars.first, isWordCharacter(first) else {
            return "the tag '\(tag)' must start with a letter, a digit or '_'"
        }
        if scalars.count > 128 { return "the tag is longer than 128 characters" }
        if let bad = scalars.first(where: { !isWordCharacter($0) && $0 != "." && $0 != "-" }) {
            let shown = bad.isControlCharacter || bad == " " ? bad.codePoint : "'\(bad)'"
            return "the tag '\(tag)' contains \(shown); a tag has letters, digits, '_', '.' and '-'"
        }
        return nil
    }

    /// Why `digest` (such as `sha256:` and 64 hex digits) is no digest, or nil.
    public static func problem(withDigest digest: String) -> String? {
        let parts = digest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "the digest '\(digest)' needs the form 'sha256:HEX'" }
        let algorithm = parts[0]
        let hex = parts[1]
        let algorithmComponents = algorithm.split(
            omittingEmptySubsequences: false, whereSeparator: { "+._-".contains($0) })
        let validAlgorithm = algorithmComponents.allSatisfy { component in
            guard let first = component.unicodeScalars.first, isASCIILetter(first) else { return false }
            return component.unicodeScalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) }
        }
        guard validAlgorithm else { return "the digest algorithm '\(algorithm)' is not an algorithm name" }
        let lengths = ["sha256": 64, "sha384": 96, "sha512": 128]
        if let length = lengths[String(algorithm)] {
            let isLowerHex = hex.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
            guard hex.unicodeScalars.count == length, isLowerHex else {
                return "a \(algorithm) digest has exactly \(length) lowercase hexadecimal digits"
            }
            return nil
        }
        let isHex = hex.unicodeScalars.allSatisfy {
            ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0)
        }
        guard hex.unicodeScalars.count >= 32, isHex else {
            return "the digest '\(digest)' needs at least 32 hexadecimal digits after ':'"
        }
        return nil
    }

    /// `host[:port]`: dot-separated components of letters, digits and inner `-`, or a bracketed IPv6 address.
    private static func problem(withDomain domain: Substring) -> String? {
        var host = domain
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return "the registry '\(domain)' has no closing ']'" }
            let address = host[host.index(after: host.startIndex)..<close]
            guard !address.isEmpty, address.unicodeScalars.allSatisfy({ isHexDigit($0) || $0 == ":" || $0 == "." })
            else { return "the registry '\(domain)' is not an IPv6 address in brackets" }
            host = host[host.index(after: close)...]
            guard host.isEmpty || host.hasPrefix(":") else {
                return "the registry '\(domain)' has text after its address"
            }
            return port(after: host, in: domain)
        }
        if let colon = host.firstIndex(of: ":") {
            if let problem = port(after: host[colon...], in: domain) { return problem }
            host = host[..<colon]
        }
        let valid = host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { component in
            guard let first = component.unicodeScalars.first, let last = component.unicodeScalars.last,
                isAlphanumeric(first), isAlphanumeric(last)
            else { return false }
            return component.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
        return valid ? nil : "the registry '\(domain)' is not a host name"
    }

    /// Nil for nothing or `:` and a port number; the problem otherwise.
    private static func port(after text: Substring, in domain: Substring) -> String? {
        guard !text.isEmpty else { return nil }
        let digits = text.dropFirst()
        guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            return "the registry '\(domain)' has a port that is not a number"
        }
        return nil
    }

    /// `[a-z0-9]+` separated by `.`, `_`, `__` or one or more `-`.
    private static func isPathComponent(_ component: Substring) -> Bool {
        let scalars = Array(component.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, isLowerAlphanumeric(first), isLowerAlphanumeric(last)
        else { return false }
        var index = 0
        while index < scalars.count {
            if isLowerAlphanumeric(scalars[index]) {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, !isLowerAlphanumeric(scalars[end]) { end += 1 }
            let separator = String(String.UnicodeScalarView(scalars[index..<end]))
            guard separator == "." || separator == "_" || separator == "__" || separator.allSatisfy({ $0 == "-" })
            else { return false }
            index = end
        }
        return true
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    /// `\w` of Go's regular expressions: ASCII letters, digits and `_`.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool { isAlphanumeric(scalar) || scalar == "_" }
}
