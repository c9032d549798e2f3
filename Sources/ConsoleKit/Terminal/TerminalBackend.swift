/// What the session needs of a terminal, and no more (as ratatui's `Backend`): the
/// ncurses backend in the executable is one, the tests' fake terminal another, so whole
/// sessions (save, merge, reload, recovery, suspend, clicks, resizes) run in tests
/// without a terminal.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// The next key, waiting at most `milliseconds` (0: only what is already there).
    func readKey(milliseconds: Int32) -> Key?
    /// Asked while a save waits for another program's lock, when no key is read: whether
    /// Esc or Ctrl-C was typed since, which stops the wait. Esc is taken; Ctrl-C and every
    /// other key typed meanwhile are read after, in their order (Ctrl-C then leaves, as it
    /// always does).
    func stopKeyTyped() -> Bool
    /// Shows a frame: the session has worked out which cells changed (`FrameUpdate`),
    /// the backend copies them and places the cursor.
    func draw(_ update: FrameUpdate)
    /// The terminal is cleared at the next frame, whatever is believed to be on it
    /// (another program may have written over the screen); the session sends it whole.
    func repaintAll()
    /// Gives the terminal back to the shell until the job is continued (Ctrl-Z, `fg`).
    func suspend()
    /// Puts text on the terminal's clipboard: `OSC52.sequence(for:)`, written between frames.
    func copyToClipboard(_ text: String)
    /// Turns mouse reporting on or off; it stays so after a suspend and `fg`.
    func setMouseCapture(_ on: Bool)
    /// The terminal went away: reads end at once and will never give a key again.
    var hungUp: Bool { get }
    /// The locale has no UTF-8: frames are sent in ASCII look-alikes (`AsciiGlyphs`).
    var asciiOnly: Bool { get }
}
