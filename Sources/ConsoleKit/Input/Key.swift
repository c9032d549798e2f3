/// One input event, already decoded from the terminal. The backend turns ncurses codes
/// into these; the reducer and the tests only ever see this enum.
public enum Key: Equatable, Sendable {
    /// A printable character typed on its own.
    case char(Character)
    /// Text that arrived through bracketed paste, markers already removed.
    case paste(String)
    /// Ctrl plus a letter, as the lower-case letter ("s" for Ctrl-S).
    case ctrl(Character)
    case function(Int)
    case tab, backTab
    case up, down, left, right
    case home, end, pageUp, pageDown
    case backspace, delete
    case enter, escape
    /// The terminal changed size; the session reports the new size (`Event.resized`).
    case resize
    /// A click or a turn of the wheel (SGR 1006 mouse reporting).
    case mouse(MouseEvent)
}
