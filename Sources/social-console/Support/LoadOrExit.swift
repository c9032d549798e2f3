import ArgumentParser
import SettingsKit

/// Loads a settings file or reports why not (exit 2).
func loadOrExit(_ path: String) throws -> LoadedFile {
    do {
        return try SettingsStore.load(path)
    } catch {
        Output.fileError(error)
        throw ExitCode(2)
    }
}
