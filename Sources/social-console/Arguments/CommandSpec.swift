/// One command of the command line, as data. The parser, `--help`, usage errors, the man
/// page and the bash, zsh and fish completions are all made from it, so none can drift
/// from another.
struct CommandSpec: Sendable {
    let name: String
    let abstract: String
    var discussion = ""
    var arguments: [Positional] = []
    var options: [OptionSpec] = []

    /// The options every command takes besides its own (shown last in its help).
    static let common: [OptionSpec] = [
        .flag("version", help: "Show the version."),
        .flag("help", short: "h", help: "Show help information."),
    ]

    var allOptions: [OptionSpec] { options + Self.common }

    func option(named name: String) -> OptionSpec? { allOptions.first { $0.name == name } }
    func option(short: Character) -> OptionSpec? { allOptions.first { $0.short == short } }
}

/// An argument given by position: `<file>`, `<paths> ...`.
struct Positional: Sendable {
    enum Count: Sendable, Equatable {
        case one
        /// May be left out; the command then takes `default`.
        case optional(default: String)
        /// All the words left, at least one.
        case oneOrMore
        /// All the words left, maybe none.
        case any
    }

    let name: String
    let help: String
    var count = Count.one
    var completion = Completion.none

    var isRepeating: Bool { count == .oneOrMore || count == .any }
    var isRequired: Bool { count == .one || count == .oneOrMore }
    /// As usage and errors show it: `<file>`, `<paths> ...`.
    var label: String { "<\(name)>" + (isRepeating ? " ..." : "") }
}

/// An option: a flag (`--dry-run`, `-q`) or one that takes a value (`--format <format>`).
struct OptionSpec: Sendable {
    /// The long name, without its dashes.
    let name: String
    var short: Character?
    /// The value's name in usage and help; nil for a flag.
    var valueName: String?
    let help: String
    /// The only values taken (a choice), checked by the parser and listed in help; empty: any.
    var values: [String] = []
    /// What help says is taken when the option is left out.
    var defaultValue: String?
    var repeating = false
    /// Must be given (`init --environment`).
    var required = false
    var completion = Completion.none

    static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help)
    }

    static func value(
        _ name: String, as valueName: String? = nil, help: String, values: [String] = [], default defaultValue: String? = nil,
        repeating: Bool = false, required: Bool = false, completion: Completion = .none
    ) -> OptionSpec {
        OptionSpec(
            name: name, valueName: valueName ?? name, help: help, values: values, defaultValue: defaultValue, repeating: repeating,
            required: required, completion: values.isEmpty ? completion : .values(values))
    }

    var isFlag: Bool { valueName == nil }
    /// `--format <format>`, as errors and help show it.
    var label: String { "--\(name)" + (valueName.map { " <\($0)>" } ?? "") }
    /// `-q, --quiet`, as help lists it.
    var helpLabel: String { (short.map { "-\($0), " } ?? "") + label }
}

/// What a shell offers for a word.
enum Completion: Sendable, Equatable {
    case none
    case file
    case values([String])
    /// `set`'s KEY=VALUE words: asked of the binary itself (`SetCompletion`).
    case assignment
}
