/// A command of the command line: its definition as data, how it takes its values from a
/// parsed command line, the checks of the command line as a whole, and the work. Its type
/// is `SendableMetatype`: the program's list of commands is a constant any thread may read.
public protocol Command: SendableMetatype {
    /// The command's name, apart from its `spec` so that finding a command by name (at
    /// every start) builds no command's definition.
    static var name: String { get }
    static var spec: CommandSpec { get }
    init(_ arguments: ParsedArguments) throws(UsageError)
    /// Checked before anything runs, so that a refusal comes with the command's usage.
    func validate() throws
    func run() throws
}

extension Command {
    public func validate() throws {}
}

/// How a command ends other than by returning (exit 0): the exit status scripts read
/// (0 ready or success, 1 a blocker, 2 usage or file error), its message already printed.
public struct ExitCode: Error {
    public let rawValue: Int32
    public init(_ rawValue: Int32) { self.rawValue = rawValue }
}
