import ArgumentsKit

/// The shells' completion scripts (`social-console --generate-completion-script SHELL`;
/// `make install` puts them where bash, zsh and fish look), made from the commands'
/// definitions: command names, each command's options, the values of a choice, files
/// for file arguments, and `set`'s KEY=VALUE words, which the script asks of the binary
/// (`SetCompletion`).
enum CompletionScript {
    static let argument = "--generate-completion-script"
    static let shells = ["bash", "zsh", "fish"]

    static func script(for shell: String) -> String? {
        switch shell {
        case "bash": return BashCompletion.script
        case "zsh": return ZshCompletion.script
        case "fish": return FishCompletion.script
        default: return nil
        }
    }

    static var program: String { SocialConsole.programName }
    static var specs: [CommandSpec] { SocialConsole.commands.map { $0.spec } }
    static var defaultSpec: CommandSpec { SocialConsole.defaultCommand.spec }

    /// A word in single quotes for any of the three shells.
    static func singleQuoted(_ s: String) -> String { "'" + s.replacing(text: "'", with: "'\\''") + "'" }
}
