/// Lints of what an app's `env` puts into git: `mediactl.yaml` and the rendered HelmRelease are committed in
/// plain text, so a password or an API key belongs in `secrets`.
extension StackValidator {
    /// Name segments that mark a variable as secret (`DB_PASSWORD`, `PLEX_TOKEN`, `SONARR__API_KEY`).
    static let secretNameSegments: Set<String> = [
        "PASSWORD", "PASSWD", "PASS", "SECRET", "SECRETS", "TOKEN", "TOKENS", "APIKEY", "CREDENTIAL", "CREDENTIALS",
        "PASSPHRASE", "PRIVATEKEY",
    ]
    /// Pairs of segments that do the same (`API_KEY`, `PRIVATE_KEY`, `ACCESS_KEY`).
    static let secretNamePairs: Set<String> = ["API KEY", "PRIVATE KEY", "ACCESS KEY", "SECRET KEY", "CLIENT SECRET"]

    /// A warning for each `env` entry whose name or value looks secret, and an error for each variable set in
    /// both `env` and `secrets` (the rendered container takes the secret and drops the value). A value with a
    /// Flux substitution (`${SECRET_PLEX_TOKEN}`) is filled in from a Secret by Flux, so it is no literal.
    func secretIssues(of app: AppSpec) -> [ValidationIssue] {
        var issues = storeIssues(of: app)
        for name in app.env.keys.sortedByBytes() {
            let path = ["apps", app.name.rawValue, "env", name]
            if app.secrets[name] != nil {
                issues.append(
                    ValidationIssue(
                        .error, at: ["apps", app.name.rawValue, "secrets", name],
                        "'\(name)' of app '\(app.name)' is set in both 'env' and 'secrets'; the container would take "
                            + "the secret and drop the value, so keep only one"))
                continue
            }
            guard let value = app.env[name], !value.contains("${") else { continue }
            let advice =
                "'env' is committed to git in plain text; move it to 'secrets' (an ExternalSecret or an "
                + "existing Secret)"
            if Self.holdsPrivateKey(value) {
                issues.append(
                    ValidationIssue(
                        .warning, at: path, "'\(name)' in 'env' of app '\(app.name)' holds a private key; \(advice)"))
            } else if Self.looksSecret(name: name), !Self.isHarmless(value) {
                issues.append(
                    ValidationIssue(
                        .warning, at: path, "'\(name)' in 'env' of app '\(app.name)' looks like a secret; \(advice)"))
            } else if Self.looksRandom(value) {
                issues.append(
                    ValidationIssue(
                        .warning, at: path,
                        "the value of '\(name)' in 'env' of app '\(app.name)' looks like a key or a token (a long "
                            + "random string); \(advice)"))
            }
        }
        return issues
    }

    /// An app's `externalSecret` entries are rendered into one ExternalSecret, which reads from one store (the
    /// first variable's, in byte order): an entry naming another store would be looked up in the wrong one.
    func storeIssues(of app: AppSpec) -> [ValidationIssue] {
        var first: (variable: String, store: String)?
        var issues: [ValidationIssue] = []
        for variable in app.secrets.keys.sortedByBytes() {
            guard case .externalSecret(let store, _, _) = app.secrets[variable] else { continue }
            guard let (firstVariable, firstStore) = first else {
                first = (variable, store)
                continue
            }
            guard store != firstStore else { continue }
            issues.append(
                ValidationIssue(
                    .error, at: ["apps", app.name.rawValue, "secrets", variable, "externalSecret", "store"],
                    "'\(variable)' of app '\(app.name)' reads from store '\(store)', but '\(firstVariable)' reads from "
                        + "'\(firstStore)'; the app's one ExternalSecret reads from one store, so use one store per app "
                        + "(or a 'secretRef' to a Secret made elsewhere)"))
        }
        return issues
    }

    /// Whether a segment of `name` (split at `_`, `-` and `.`, compared in uppercase) marks it secret. A name
    /// ending in `FILE`, `PATH` or `DIR` names where a secret is, not the secret (`PASSWORD_FILE`).
    static func looksSecret(name: String) -> Bool {
        let segments = name.uppercased().split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).map(String.init)
        guard let last = segments.last, !["FILE", "PATH", "DIR"].contains(last) else { return false }
        if segments.contains(where: secretNameSegments.contains) { return true }
        return zip(segments, segments.dropFirst()).contains { secretNamePairs.contains($0 + " " + $1) }
    }

    /// Values that cannot be a secret: booleans and numbers (`PASSWORD_MIN_LENGTH: 8`,
    /// `DISABLE_PASSWORD: true`).
    static func isHarmless(_ value: String) -> Bool {
        let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "none", "null", "disabled", "enabled"]
        return words.contains(value.lowercased()) || value.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A PEM block of a private key.
    static func holdsPrivateKey(_ value: String) -> Bool {
        value.contains("-----BEGIN") && value.contains("PRIVATE KEY-----")
    }

    /// A long run of letters and digits without structure, as API keys and tokens are: at least 20 characters
    /// of the base64 and hex alphabets (no spaces, dots, colons or leading `/`, so no path, URL, version or
    /// time zone), letters and digits both, and at least 10 different characters (a 32-digit hex key has about 14). A JSON Web Token
    /// (`eyJ…`, with dots) counts too.
    static func looksRandom(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        if value.hasPrefix("eyJ"), scalars.count >= 20, value.split(separator: ".").count == 3 { return true }
        guard scalars.count >= 20, !value.hasPrefix("/") else { return false }
        let isAlphabet = scalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "+/=_-".unicodeScalars
                    .contains($0)
        }
        guard isAlphabet, scalars.contains(where: { ("0"..."9").contains($0) }),
            scalars.contains(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
        else { return false }
        return Set(scalars).count >= 10
    }
}
