import MediaYAML

/// The keys of one mapping of `mediactl.yaml`, in the order `Docs/Config.md` lists them: the one list the decoder
/// accepts (anything else is an unknown key, with a "did you mean" from these names) and the schema describes.
package struct ConfigTable: Sendable {
    /// One key: its name, the shape of its value, what it is for and its default.
    package struct Key: Sendable {
        /// The key as written.
        package let name: String
        /// What its value may be.
        package let shape: ConfigShape
        /// What it is for, in the words of `Docs/Config.md` (the schema's `description`).
        package let summary: String
        /// Its default, when it has one a schema can state.
        package let defaultValue: YAMLValue?

        /// A key.
        package init(_ name: String, _ shape: ConfigShape, _ summary: String, default defaultValue: YAMLValue? = nil) {
            self.name = name
            self.shape = shape
            self.summary = summary
            self.defaultValue = defaultValue
        }
    }

    /// The keys, in documented order.
    package let keys: [Key]
    /// The keys that must be there.
    package let required: [String]
    /// Groups of keys of which at least one must be there (an image mapping needs a `tag` or a `digest`).
    package let requiredOneOf: [String]

    /// A table of `keys`.
    package init(_ keys: [Key], required: [String] = [], requiredOneOf: [String] = []) {
        self.keys = keys
        self.required = required
        self.requiredOneOf = requiredOneOf
    }

    /// The key names, in documented order: what ``ConfigDecoder`` accepts.
    package var names: [String] { keys.map(\.name) }

    /// The key called `name`.
    package func key(_ name: String) -> Key? { keys.first { $0.name == name } }
}
