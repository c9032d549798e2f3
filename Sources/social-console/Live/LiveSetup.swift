import ArgumentsKit
import LiveKit
import SettingsKit

/// What `pull`, `push` and `verify` share: the key file option, and the environment
/// their requests run in.
struct LiveKeyOption {
    static let spec = OptionSpec.value(
        "api-key-file", as: "file",
        help: "A file holding the Platform API key (a regular file, not readable by group or others); else \(PlatformKey.variable).",
        completion: .file)

    let apiKeyFile: String?

    init(_ arguments: ParsedArguments) { apiKeyFile = arguments.option(Self.spec.name) }
}

enum LiveSetup {
    /// The environment from the process's variables and the key, or one clear line and
    /// exit 2: no libcurl on this machine, or a key that cannot be used.
    static func environment(_ option: LiveKeyOption) throws -> LiveEnvironment {
        if case .failure(let failure) = HTTPClient.availability() {
            Output.error(
                "the live commands need libcurl, which cannot be used here: \(failure.message) (on Debian and Ubuntu: apt-get install libcurl4)")
            throw ExitCode(2)
        }
        switch PlatformKey.fromProcess(file: option.apiKeyFile) {
        case .success(let key):
            // A secret of every output sink from here on, as a settings file's secrets are
            // once it is read: wherever it turns up (a file named after it), it is masked.
            if let key { Output.hide([key.textToHide]) }
            return LiveEnvironment.fromProcess(key: key, userAgent: "social-console/\(Version.number)")
        case .failure(let e):
            Output.error("\(e)")
            throw ExitCode(2)
        }
    }

    /// A LiveError as the one line a command ends with, exit 2.
    static func fail(_ file: String, _ error: LiveError) -> ExitCode {
        Output.error("\(file): \(error)")
        return ExitCode(2)
    }
}
