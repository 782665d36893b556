import Foundation

/// Renovate's `regex` custom manager, as far as mediactl's preset uses it, to test the preset the way Renovate
/// reads it: extraction by the `any` or `recursive` strategy (`lib/modules/manager/custom/regex/strategies.ts`:
/// every match of the first pattern, then of the next pattern inside it; the last match is the text to replace),
/// and an update as `doAutoReplace` makes it (`lib/workers/repository/update/branch/auto-replace.ts`: each place
/// the text to replace occurs, rewritten by `autoReplaceStringTemplate` or by putting the new version and digest
/// in place of the current ones, until extracting again finds the dependency updated).
///
/// Patterns run as Swift regular expressions over Unicode scalars, which read the preset's patterns as RE2 does;
/// `.ci/run` runs them through RE2 itself and JavaScript as well.
public struct RenovateRegexManager {
    /// One dependency found: its named groups merged over the managers' templates, and the text to replace.
    public struct Dependency: Equatable, CustomStringConvertible {
        /// `depName`, `currentValue`, `currentDigest` and the other fields.
        public var fields: [String: String]
        /// The last match: what an update replaces.
        public var replaceString: String

        /// `depName:currentValue@currentDigest`, for messages.
        public var description: String {
            (fields["depName"] ?? "?") + ":" + (fields["currentValue"] ?? "?")
                + (fields["currentDigest"].map { "@" + $0 } ?? "")
        }
    }

    /// Why a preset or an update did not work.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The patterns, in order.
    public let matchStrings: [String]
    /// `any` or `recursive`.
    public let strategy: String
    /// `autoReplaceStringTemplate`, if set.
    public let autoReplaceStringTemplate: String?
    /// The `…Template` fields (`depNameTemplate`, `datasourceTemplate`…) by the field they fill (`depName`…).
    public let templates: [String: String]
    /// The manager's `managerFilePatterns`.
    public let managerFilePatterns: [String]

    /// The custom managers of a JSON5 preset written as JSON after leading `//` comment lines.
    public static func managers(inPreset text: String) throws -> [RenovateRegexManager] {
        let json = text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("//") }
            .joined(separator: "\n")
        guard let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let managers = root["customManagers"] as? [[String: Any]]
        else { throw Failure(description: "no customManagers in the preset") }
        return try managers.map(RenovateRegexManager.init(json:))
    }

    /// A manager from its JSON object.
    public init(json: [String: Any]) throws {
        guard json["customType"] as? String == "regex", let patterns = json["matchStrings"] as? [String] else {
            throw Failure(description: "not a regex manager with matchStrings: \(json)")
        }
        matchStrings = patterns
        strategy = json["matchStringsStrategy"] as? String ?? "any"
        guard ["any", "recursive"].contains(strategy) else { throw Failure(description: "strategy \(strategy)") }
        autoReplaceStringTemplate = json["autoReplaceStringTemplate"] as? String
        managerFilePatterns = json["managerFilePatterns"] as? [String] ?? []
        var templates: [String: String] = [:]
        for (key, value) in json where key.hasSuffix("Template") && key != "autoReplaceStringTemplate" {
            templates[String(key.dropLast("Template".count))] = value as? String
        }
        self.templates = templates
    }

    /// The dependencies found in `content`, in the order Renovate lists them.
    public func dependencies(in content: String) throws -> [Dependency] {
        let regexes = try matchStrings.map { try Regex($0).matchingSemantics(.unicodeScalar) }
        var found: [Dependency] = []
        func descend(_ text: Substring, level: Int, groups: [String: String]) {
            if level == regexes.count || (strategy == "any" && level == 1) {
                var fields = groups
                for (field, template) in templates { fields[field] = Self.render(template, with: groups) }
                found.append(Dependency(fields: fields, replaceString: String(text)))
                return
            }
            let patterns = strategy == "any" ? regexes : [regexes[level]]
            for regex in patterns {
                for match in text.matches(of: regex) {
                    var merged = groups
                    for name in ["depName", "currentValue", "currentDigest", "datasource", "versioning"] {
                        if let value = match.output[name]?.substring { merged[name] = String(value) }
                    }
                    descend(text[match.range], level: level + 1, groups: merged)
                }
            }
        }
        descend(content[...], level: 0, groups: [:])
        return found
    }

    /// `content` after Renovate updates dependency `index` to `newValue` (and `newDigest`), or a failure when no
    /// place gives a file whose dependency `index` reads as updated.
    public func update(
        _ index: Int, in content: String, newValue: String, newDigest: String? = nil
    ) throws -> String {
        let found = try dependencies(in: content)
        guard found.indices.contains(index) else { throw Failure(description: "no dependency \(index)") }
        let dependency = found[index]
        var values = dependency.fields
        values["newValue"] = newValue
        values["newDigest"] = newDigest
        let newString: String
        if let template = autoReplaceStringTemplate {
            newString = Self.render(template, with: values)
        } else {
            var text = dependency.replaceString
            if let current = dependency.fields["currentValue"], let range = text.range(of: current) {
                text.replaceSubrange(range, with: newValue)
            }
            if let current = dependency.fields["currentDigest"], let newDigest, let range = text.range(of: current) {
                text.replaceSubrange(range, with: newDigest)
            }
            newString = text
        }
        var searchFrom = content.startIndex
        while let range = content.range(of: dependency.replaceString, range: searchFrom..<content.endIndex) {
            let candidate = content.replacingCharacters(in: range, with: newString)
            let again = try dependencies(in: candidate)
            if again.indices.contains(index), again[index].fields["currentValue"] == newValue,
                newDigest == nil || again[index].fields["currentDigest"] == newDigest,
                again[index].fields["depName"] == dependency.fields["depName"]
            {
                return candidate
            }
            searchFrom = content.index(after: range.lowerBound)
        }
        throw Failure(description: "Renovate could not update \(dependency)")
    }

    /// `template` with `{{{name}}}`, `{{name}}` and `{{#if name}}…{{/if}}` filled from `values` (the only
    /// Handlebars the preset uses; anything else fails the test that meets it).
    public static func render(_ template: String, with values: [String: String]) -> String {
        var text = template
        while let open = text.range(of: "{{#if "),
            let close = text.range(of: "}}", range: open.upperBound..<text.endIndex),
            let end = text.range(of: "{{/if}}", range: close.upperBound..<text.endIndex)
        {
            let name = String(text[open.upperBound..<close.lowerBound])
            let body = String(text[close.upperBound..<end.lowerBound])
            text.replaceSubrange(open.lowerBound..<end.upperBound, with: (values[name] ?? "").isEmpty ? "" : body)
        }
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{{{\(name)}}}", with: value)
            text = text.replacingOccurrences(of: "{{\(name)}}", with: value)
        }
        return text
    }
}
