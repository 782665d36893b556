/// The form of a Kubernetes resource quantity (`500m`, `2`, `1.5Gi`, `128Mi`, `1e3`).
public enum Quantity {
    private static let suffixes: Set<String> = [
        "", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei",
    ]

    /// Whether `text` is a valid quantity: a non-negative decimal number and a suffix, or an exponent.
    public static func isValid(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "+" { scalars = scalars.dropFirst() }
        let digits = scalars.prefix { ("0"..."9").contains($0) || $0 == "." }
        let number = String(Substring(digits))
        let dots = number.filter { $0 == "." }.count
        guard dots <= 1, number.contains(where: \.isNumber) else { return false }
        let suffix = String(Substring(scalars.dropFirst(digits.count)))
        if suffixes.contains(suffix) { return true }
        guard let first = suffix.first, first == "e" || first == "E" else { return false }
        var exponent = suffix.dropFirst()
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCII) && exponent.allSatisfy(\.isNumber)
    }
}
