/// The form of a time zone the config sets as every app's `TZ`: an IANA name (`Europe/Zurich`, `Etc/UTC`,
/// `Etc/GMT+3`), or a whole Flux substitution (`${TIMEZONE}`). The C library opens `TZ` as a file name
/// below its zoneinfo folder, so a name with `..` could read another file; a line break would split the
/// variable.
public enum TimeZoneName {
    /// Why `text` is no time zone name, or nil.
    public static func problem(with text: String) -> String? {
        if DNSName.isSubstitution(Substring(text)) { return nil }
        if text.utf8.count > 64 { return "it is longer than 64 characters" }
        for part in text.split(separator: "/", omittingEmptySubsequences: false) {
            guard let first = part.unicodeScalars.first, isLetter(first) else {
                return "each part of an IANA name such as 'Europe/Zurich' starts with a letter"
            }
            let valid = part.unicodeScalars.allSatisfy {
                isLetter($0) || ("0"..."9").contains($0) || "_+-".unicodeScalars.contains($0)
            }
            if !valid { return "an IANA name such as 'Europe/Zurich' has letters, digits, '_', '+', '-' and '/'" }
        }
        return nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
