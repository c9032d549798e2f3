import LiveKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

// Exit codes, which scripts rely on: 0 ready or success, 1 a blocker, 2 usage or file error.
CrashGuard.install()
// Read as bytes: `CommandLine.arguments` repairs an argument that is not UTF-8, and a
// file name that is not would then name no file (`SystemPath`).
let arguments = (1..<max(1, Int(CommandLine.argc))).map { SystemPath.string(cString: CommandLine.unsafeArgv[$0]!) }
// A Platform API key typed on the command line (in place of its file's name, or as a
// stray argument) is masked in all this run prints, a usage error's echo included.
Output.hide(arguments.filter(PlatformKey.looksLikeAKey))
if let first = arguments.first, let command = CommandTypo.suggestion(for: first, commands: SocialConsole.commandNames) {
    Output.error(lines: CommandTypo.message(first, command))
    exit(2)
}
exit(SocialConsole.run(arguments))
