/// "1 error", "2 errors".
enum Plural {
    /// `number` and `noun`, with an `s` unless the number is 1.
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
