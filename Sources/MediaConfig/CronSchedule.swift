/// The form of a cron schedule as K8up and VolSync read it (robfig/cron's standard parser): five fields
/// (minute, hour, day of month, month, day of week), each a comma-separated list of `*`, a value or a range
/// `a-b`, optionally stepped (`*/15`, `1-30/2`), with month and weekday names; or a macro such as `@daily`.
/// Both accept any digits in their CRDs and fail only when they run the schedule, so values are checked
/// against each field's range here.
enum CronSchedule {
    private static let macros: Set<String> = [
        "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
    ]

    /// Each field's name, range and value names.
    private static let fields: [(name: String, range: ClosedRange<Int>, names: [String])] = [
        ("minute", 0...59, []), ("hour", 0...23, []), ("day of month", 1...31, []),
        ("month", 1...12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0...7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ]

    /// Whether `text` is a valid schedule.
    static func isValid(_ text: String) -> Bool { problem(with: text) == nil }

    /// Why `text` is no schedule, or nil.
    static func problem(with text: String) -> String? {
        if macros.contains(text) { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 5 else { return "it has \(parts.count) fields, not five" }
        for (part, field) in zip(parts, fields) {
            for item in part.split(separator: ",", omittingEmptySubsequences: false) {
                guard isValid(item, field.range, field.names) else {
                    return "'\(part)' is no \(field.name) (\(field.range.lowerBound)–\(field.range.upperBound))"
                }
            }
        }
        return nil
    }

    /// `*`, `?`, `a` or `a-b`, optionally followed by `/step`.
    private static func isValid(_ item: Substring, _ range: ClosedRange<Int>, _ names: [String]) -> Bool {
        let stepParts = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        if stepParts.count == 2 {
            guard let step = number(stepParts[1]), step >= 1, step <= range.upperBound else { return false }
        }
        let base = stepParts[0]
        if base == "*" || base == "?" { return true }
        let bounds = base.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let values = bounds.map { value($0, range, names) }
        guard values.allSatisfy({ $0 != nil }), let low = values.first ?? nil, let high = values.last ?? nil else {
            return false
        }
        return low <= high
    }

    private static func value(_ text: Substring, _ range: ClosedRange<Int>, _ names: [String]) -> Int? {
        if let index = names.firstIndex(of: text.uppercased()) { return range.lowerBound == 0 ? index : index + 1 }
        guard let number = number(text), range.contains(number) else { return nil }
        return number
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            return nil
        }
        return Int(text)
    }
}
