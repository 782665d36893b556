/// One command in the command table.
struct CommandSpec: Hashable, Sendable {
    /// How many positional arguments a command takes.
    enum Arguments: Hashable, Sendable {
        /// None.
        case none
        /// Exactly one.
        case one(String)
        /// At most one.
        case optional(String)
        /// One or more.
        case oneOrMore(String)
        /// Zero or more.
        case any(String)
    }

    /// The command's name.
    let name: String
    /// Its positional arguments.
    let arguments: Arguments
    /// The values its argument accepts, when it is a fixed set (`completion bash|zsh|fish`).
    let argumentChoices: [String]?
    /// One line for the command list.
    let summary: String
    /// A paragraph for `help COMMAND`.
    let details: String
    /// Its own options (global options apply to every command).
    let options: [OptionSpec]
    /// Whether it works yet; an unimplemented command says so in help and exits 1.
    let isImplemented: Bool
    /// The issue that brings an unimplemented command.
    let arrivesWith: String?
    /// Whether its arguments are folders (shells complete them as folders).
    var argumentsAreFolders = false

    /// How its arguments appear in a usage line.
    var argumentSynopsis: String? {
        switch arguments {
        case .none: nil
        case .one(let name): name
        case .optional(let name): "[\(name)]"
        case .oneOrMore(let name): "\(name)…"
        case .any(let name): "[\(name)…]"
        }
    }

    /// Whether `count` positional arguments are acceptable.
    func accepts(argumentCount count: Int) -> Bool {
        switch arguments {
        case .none: count == 0
        case .one: count == 1
        case .optional: count <= 1
        case .oneOrMore: count >= 1
        case .any: true
        }
    }
}
