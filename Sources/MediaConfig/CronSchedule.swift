/// The form of a cron schedule as K8up and VolSync accept it: five fields, or a macro.
enum CronSchedule {
    private static let macros: Set<String> = [
        "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
    ]
    private static let fieldCharacters = Set("0123456789*/,-?LW#ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// Whether `text` has five fields of cron characters, or is a macro such as `@daily`.
    static func isValid(_ text: String) -> Bool {
        if macros.contains(text) { return true }
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        return fields.count == 5 && fields.allSatisfy { $0.allSatisfy(fieldCharacters.contains) }
    }
}
