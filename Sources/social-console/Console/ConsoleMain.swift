/// Entry point of the full-screen console, called by the `edit` command.
/// Returns the process exit code.
func runConsole(path: String, readOnly: Bool) -> Int32 {
    print("social-console: the console is not built yet")
    return 2
}
