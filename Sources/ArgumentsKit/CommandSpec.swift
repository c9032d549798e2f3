/// One command of the command line, as data. The parser, `--help`, usage errors, the man
/// page and the bash, zsh and fish completions are all made from it, so none can drift
/// from another.
public struct CommandSpec: Sendable {
    public let name: String
    public let abstract: String
    public var discussion = ""
    public var arguments: [Positional] = []
    public var options: [OptionSpec] = []

    public init(name: String, abstract: String, discussion: String = "", arguments: [Positional] = [], options: [OptionSpec] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
    }

    /// The options every command takes besides its own (shown last in its help).
    public static let common: [OptionSpec] = [
        .flag("version", help: "Show the version."),
        .flag("help", short: "h", help: "Show help information."),
    ]

    public var allOptions: [OptionSpec] { options + Self.common }

    public func option(named name: String) -> OptionSpec? { allOptions.first { $0.name == name } }
    public func option(short: Character) -> OptionSpec? { allOptions.first { $0.short == short } }
}

/// An argument given by position: `<file>`, `<paths> ...`.
public struct Positional: Sendable {
    public enum Count: Sendable, Equatable {
        case one
        /// May be left out; the command then takes `default`.
        case optional(default: String)
        /// All the words left, at least one.
        case oneOrMore
        /// All the words left, maybe none.
        case any
    }

    public let name: String
    public let help: String
    public var count = Count.one
    public var completion = Completion.none

    public init(name: String, help: String, count: Count = .one, completion: Completion = .none) {
        self.name = name
        self.help = help
        self.count = count
        self.completion = completion
    }

    public var isRepeating: Bool { count == .oneOrMore || count == .any }
    public var isRequired: Bool { count == .one || count == .oneOrMore }
    /// As usage and errors show it: `<file>`, `<paths> ...`.
    public var label: String { "<\(name)>" + (isRepeating ? " ..." : "") }
}

/// An option: a flag (`--dry-run`, `-q`) or one that takes a value (`--format <format>`).
public struct OptionSpec: Sendable {
    /// The long name, without its dashes.
    public let name: String
    public var short: Character?
    /// The value's name in usage and help; nil for a flag.
    public var valueName: String?
    public let help: String
    /// The only values taken (a choice), checked by the parser and listed in help; empty: any.
    public var values: [String] = []
    /// What help says is taken when the option is left out.
    public var defaultValue: String?
    public var repeating = false
    /// Must be given (`init --environment`).
    public var required = false
    public var completion = Completion.none

    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help)
    }

    public static func value(
        _ name: String, as valueName: String? = nil, help: String, values: [String] = [], default defaultValue: String? = nil,
        repeating: Bool = false, required: Bool = false, completion: Completion = .none
    ) -> OptionSpec {
        OptionSpec(
            name: name, valueName: valueName ?? name, help: help, values: values, defaultValue: defaultValue, repeating: repeating,
            required: required, completion: values.isEmpty ? completion : .values(values))
    }

    public var isFlag: Bool { valueName == nil }
    /// `--format <format>`, as errors and help show it.
    public var label: String { "--\(name)" + (valueName.map { " <\($0)>" } ?? "") }
    /// `-q, --quiet`, as help lists it.
    public var helpLabel: String { (short.map { "-\($0), " } ?? "") + label }
}

/// What a shell offers for a word.
public enum Completion: Sendable, Equatable {
    case none
    case file
    case values([String])
    /// `set`'s KEY=VALUE words: asked of the binary itself (`SetCompletion`).
    case assignment
}
