import ArgumentParser
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

// Exit codes, which scripts rely on: 0 ready or success, 1 a blocker, 2 usage or file error.
// ArgumentParser's own usage errors exit 64, so they are mapped to 2 here.
CrashGuard.install()
do {
    // Read as bytes: `CommandLine.arguments` repairs an argument that is not UTF-8, and a
    // file name that is not would then name no file (`SystemPath`).
    let arguments = (1..<max(1, Int(CommandLine.argc))).map { SystemPath.string(cString: CommandLine.unsafeArgv[$0]!) }
    // `make files`: the generated man page in, the page with the sections the command
    // definitions cannot give out (ManPage). Not a command: not in --help or the page.
    if arguments == [ManPage.argument] {
        ManPage.run()
        exit(0)
    }
    if let first = arguments.first, !QuickStart.commands.contains(first),
        let command = CommandTypo.suggestion(for: first, commands: SocialConsole.commandNames)
    {
        Output.error(lines: CommandTypo.message(first, command))
        exit(2)
    }
    if let quick = QuickStart.parse(arguments) {
        try QuickStart.run(quick)
        exit(0)
    }
    var command = try SocialConsole.parseAsRoot(arguments)
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
