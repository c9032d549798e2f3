import ArgumentParser
import SettingsKit

/// Reads a settings file whose contents a command is about to print: from here on its
/// secrets are masked in everything the command writes (`Output.hide`), whatever value,
/// key or name they turn up in.
func loadForOutput(_ path: String) throws(FileError) -> LoadedFile {
    let loaded = try SettingsStore.load(path)
    Output.hide(Secret.values(in: loaded.settings))
    return loaded
}

/// Loads a settings file (as `loadForOutput`) or reports why not (exit 2).
func loadOrExit(_ path: String) throws -> LoadedFile {
    do {
        return try loadForOutput(path)
    } catch {
        Output.fileError(error)
        throw ExitCode(2)
    }
}
