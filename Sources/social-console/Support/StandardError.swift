import SettingsKit

/// Writes straight to file descriptor 2 (Swift 6 will not touch the C `stderr` global).
func writeStandardError(_ text: String) {
    _ = SystemIO.writeAll(2, Array(text.utf8))
}
