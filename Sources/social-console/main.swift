import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

// Exit codes, which scripts rely on: 0 ready or success, 1 a blocker, 2 usage or file error.
// ArgumentParser's own usage errors exit 64, so they are mapped to 2 here.
CrashGuard.install()
do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let first = arguments.first, let command = CommandTypo.suggestion(for: first, commands: SocialConsole.commandNames) {
        Output.error(CommandTypo.message(first, command))
        exit(2)
    }
    if let quick = QuickStart.parse(arguments) {
        try QuickStart.run(quick)
        exit(0)
    }
    var command = try SocialConsole.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = SocialConsole.exitCode(for: error)
    if code == .success {
        print(SocialConsole.fullMessage(for: error))
        exit(0)
    }
    Output.error(lines: SocialConsole.fullMessage(for: error))
    exit(2)
}
