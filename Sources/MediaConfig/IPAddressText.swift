/// Checks the text of an IP address without resolving anything.
enum IPAddressText {
    /// Whether `text` is a dotted IPv4 address or an IPv6 address (hex groups, at most one `::`).
    static func isValid(_ text: String) -> Bool { isIPv4(text) || isIPv6(text) }

    private static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && (Int(part) ?? 256) <= 255
                    && !(part.count > 1 && part.first == "0")
            }
    }

    private static func isIPv6(_ text: String) -> Bool {
        let doubleColons = zip(text, text.dropFirst()).filter { $0 == ":" && $1 == ":" }.count
        guard text.contains(":"), doubleColons <= 1, !text.contains(":::") else { return false }
        let groups = text.split(separator: ":", omittingEmptySubsequences: true)
        let compressed = text.contains("::")
        guard compressed ? groups.count < 8 : groups.count == 8 else { return false }
        // ASCII only: `Character.isHexDigit` also takes the fullwidth digits, which no load balancer reads.
        return groups.allSatisfy { group in
            group.count <= 4 && group.unicodeScalars.allSatisfy { $0.isASCII && Character($0).isHexDigit }
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
