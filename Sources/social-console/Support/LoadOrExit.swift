import ArgumentsKit
import ConsoleKit
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

/// Opens a file for the console or plain mode (`EditSession.open`: loaded, or new and
/// created on first save, with any recovered edits), or reports why not (the caller exits 2).
func openForEditing(_ path: String, readOnly: Bool, files: StoreFiles) -> EditSession.Opened? {
    switch EditSession.open(path, readOnly: readOnly, files: files) {
    case .success(let opened): return opened
    case .failure(let error):
        Output.fileError(error)
        return nil
    }
}
