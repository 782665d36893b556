import MediaYAML

/// The JSON Schema (draft 2020-12) of `mediactl.yaml`, built from ``ConfigKeys``, the tables the decoder reads
/// with: for editors (yaml-language-server) and CI (`check-jsonschema`). It states the shape of every value
/// (keys, types, enumerations, ranges, required keys, DNS-1123 names and quantities) with the descriptions and
/// defaults of `Docs/Config.md`; `mediactl validate` checks the rest.
///
/// It accepts every config the decoder accepts, warnings included, so an editor never flags a valid file: a string
/// field takes any scalar, an optional key takes `null` (its default), `'true'` is as good as `true` where a
/// word is expected. It uses only keywords that draft-07 validators read the same way (yaml-language-server
/// supports draft-07), inlining every table rather than referring to definitions.
package enum ConfigSchema {
    /// The JSON Schema draft the document follows.
    package static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// A DNS-1123 label.
    static let namePattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
    /// An app name: a DNS-1123 label that starts with a letter.
    static let appNamePattern = "^[a-z]([-a-z0-9]*[a-z0-9])?$"
    /// A Kubernetes quantity as `Quantity.isValid` reads it.
    static let quantityPattern = "^[+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([numkMGTPE]|[KMGTPE]i|[eE][-+]?[0-9]+)?$"

    /// The schema as a value, members in documented order.
    package static func document() -> YAMLMapping {
        var document = YAMLMapping()
        document.set("$schema", .string(draft))
        document.set("title", "mediactl.yaml")
        document.set(
            "description",
            .string(
                "The media stack of a Flux repository, version 1: mediactl render writes its manifests. Every key: "
                    + "Docs/Config.md."))
        for entry in object(ConfigKeys.root, exactlyOne: false).entries { document.set(entry.key, entry.value) }
        return document
    }

    /// The schema of a value of `shape`.
    static func schema(_ shape: ConfigShape) -> YAMLMapping {
        switch shape {
        case .string:
            return entries(["type": ["string", "integer", "number", "boolean"], "minLength": 1])
        case .name:
            return entries([
                "type": ["string", "integer"], "pattern": .string(namePattern), "maxLength": 63, "minimum": 0,
            ])
        case .quantity:
            return entries([
                "type": ["string", "integer", "number"], "pattern": .string(quantityPattern), "minimum": 0,
            ])
        case .integer(let range):
            return entries([
                "type": "integer", "minimum": .integer(range.lowerBound), "maximum": .integer(range.upperBound),
            ])
        case .boolean:
            return entries(["type": "boolean"])
        case .off:
            return entries(["const": false])
        case .choice(let words):
            // The decoder compares a scalar's text: `true` and `'true'` are the same word.
            var values: [YAMLValue] = []
            for word in words {
                if word == "true" || word == "false" { values.append(.boolean(word == "true")) }
                values.append(.string(word))
            }
            return entries(["enum": .sequence(values)])
        case .constant(let number):
            return entries(["const": .integer(number)])
        case .mapping(let table):
            return object(table, exactlyOne: false)
        case .oneKeyOf(let table):
            return object(table, exactlyOne: true)
        case .map(let value, let keys):
            var map = entries(["type": "object"])
            switch keys {
            case .any: break
            case .names: map.set("propertyNames", ["pattern": .string(namePattern), "maxLength": 63])
            case .appNames:
                map.set(
                    "propertyNames",
                    ["pattern": .string(appNamePattern), "maxLength": .integer(ConfigDecoder.maximumAppNameLength)])
            }
            map.set("additionalProperties", .mapping(schema(value)))
            return map
        case .list(let item, let nonEmpty):
            var list = entries(["type": "array", "items": .mapping(schema(item))])
            if nonEmpty { list.set("minItems", 1) }
            return list
        case .either(let shapes):
            return entries(["anyOf": .sequence(shapes.map { .mapping(schema($0)) })])
        case .anyMapping:
            return entries(["type": "object"])
        case .orEmpty(let shape):
            return nullable(schema(shape))
        }
    }

    /// An object of `table`'s keys and no others; with `exactlyOne`, of exactly one of them.
    private static func object(_ table: ConfigTable, exactlyOne: Bool) -> YAMLMapping {
        var properties = YAMLMapping()
        for key in table.keys {
            // An empty value or null leaves an optional key at its default; `version` has none.
            let optional = !table.required.contains(key.name) && key.name != "version"
            var property = YAMLMapping()
            property.set("description", .string(key.summary))
            if let value = key.defaultValue { property.set("default", value) }
            for entry in (optional ? nullable(schema(key.shape)) : schema(key.shape)).entries {
                property.set(entry.key, entry.value)
            }
            properties.set(key.name, .mapping(property))
        }
        var object = entries(["type": "object", "properties": .mapping(properties), "additionalProperties": false])
        if !table.required.isEmpty { object.set("required", .sequence(table.required.map(YAMLValue.string))) }
        if !table.requiredOneOf.isEmpty {
            object.set("anyOf", .sequence(table.requiredOneOf.map { ["required": [.string($0)]] }))
        }
        if exactlyOne {
            object.set("minProperties", 1)
            object.set("maxProperties", 1)
        }
        return object
    }

    /// A mapping of `pairs` in their order.
    private static func entries(_ pairs: KeyValuePairs<String, YAMLValue>) -> YAMLMapping {
        YAMLMapping(pairs.map { ($0.key, $0.value) })
    }

    /// `schema` that also accepts `null`.
    private static func nullable(_ schema: YAMLMapping) -> YAMLMapping {
        var schema = schema
        switch schema["type"] {
        case .string(let type)?:
            schema.set("type", [.string(type), "null"])
            return schema
        case .sequence(let types)?:
            schema.set("type", .sequence(types + ["null"]))
            return schema
        default:
            break
        }
        if case .sequence(let values)? = schema["enum"] {
            schema.set("enum", .sequence(values + [.null]))
            return schema
        }
        if case .sequence(let options)? = schema["anyOf"] {
            schema.set("anyOf", .sequence(options + [["type": "null"]]))
            return schema
        }
        return entries(["anyOf": [.mapping(schema), ["type": "null"]]])
    }
}
