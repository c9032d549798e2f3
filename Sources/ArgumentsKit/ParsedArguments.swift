/// A command line as the parser read it against a command's `CommandSpec`: every option
/// known, every value of a choice one of its values, every required argument present. A
/// command's `init` takes its values from here.
public struct ParsedArguments {
    public let spec: CommandSpec

    init(spec: CommandSpec) { self.spec = spec }
    public internal(set) var flags: Set<String> = []
    /// Each option's values by long name, in the order given.
    public internal(set) var options: [String: [String]] = [:]
    /// Each positional's words by name (its default when left out).
    public internal(set) var positionals: [String: [String]] = [:]

    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An option's value; given more than once, the last one.
    public func option(_ name: String) -> String? { options[name]?.last }

    /// A repeatable option's values.
    public func options(_ name: String) -> [String] { options[name] ?? [] }

    /// A positional's word (its default when left out and it has one; "" for none).
    public func argument(_ name: String) -> String { positionals[name]?.first ?? "" }

    /// A repeating positional's words.
    public func arguments(_ name: String) -> [String] { positionals[name] ?? [] }

    /// An option's value as a number.
    public func integer(_ name: String) throws(UsageError) -> Int? {
        guard let text = option(name) else { return nil }
        guard let n = Int(text) else { throw .invalidValue(text, for: spec.option(named: name)!, in: spec) }
        return n
    }

    /// A choice option's value (the parser already refused any other), or `fallback`.
    public func choice<Value: ArgumentChoice>(_ name: String, default fallback: Value) -> Value {
        option(name).flatMap(Value.init(rawValue:)) ?? fallback
    }

    public func choice<Value: ArgumentChoice>(_ name: String) -> Value? {
        option(name).flatMap(Value.init(rawValue:))
    }
}

/// A closed set of values an option takes (`--format text|json`): an enum of strings.
public protocol ArgumentChoice: RawRepresentable<String>, CaseIterable {}

extension ArgumentChoice {
    public static var names: [String] { allCases.map(\.rawValue) }
}
