/// Exhaustive small inputs for tests that compare a fast path with the rule it shortcuts.
public enum ShortStrings {
    /// Every string of 0 to `maxLength` characters over `alphabet`, shortest first.
    public static func all(over alphabet: String, maxLength: Int) -> [String] {
        let characters = Array(alphabet)
        var strings = [""]
        var last = [""]
        for _ in 0..<maxLength {
            last = last.flatMap { prefix in characters.map { prefix + String($0) } }
            strings += last
        }
        return strings
    }
}
