/// What the session needs of a terminal, and no more (as ratatui's `Backend`): the
/// ncurses backend in the executable is one, the tests' fake terminal another, so whole
/// sessions (save, merge, reload, recovery, suspend) run in tests without a terminal.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// The next key, waiting at most `milliseconds` (0: only what is already there).
    func readKey(milliseconds: Int32) -> Key?
    /// Shows a frame; a real terminal is sent only what changed since the last one.
    func draw(_ buffer: CellBuffer)
    /// The next frame paints every cell, whatever the terminal is believed to show.
    func repaintAll()
    /// Gives the terminal back to the shell until the job is continued (Ctrl-Z, `fg`).
    func suspend()
    /// The terminal went away: reads end at once and will never give a key again.
    var hungUp: Bool { get }
}
