import SettingsKit

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
    /// Alt (Meta) plus a key, as terminals send it: Esc, then the key. A printable
    /// character, or "\u{7F}" for Alt-Backspace.
    case alt(Character)
    /// An escape sequence, read whole, that the console has no use for (a modified arrow,
    /// a focus report, a terminal's answer): none of it reaches a field.
    case unknown
    /// The terminal changed size; the session reports the new size (`Event.resized`).
    case resize
    /// A click or a turn of the wheel (SGR 1006 mouse reporting).
    case mouse(MouseEvent)
}

extension Key {
    /// How a status line names the key: "x", Ctrl-B, F5, a paste.
    var shownName: String {
        switch self {
        case .char(let c): return "\"" + String(c).displayEscaped + "\""
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        case .paste: return "A paste"
        default: return "That key"
        }
    }

    /// Keys that mean nothing to the console: an unknown sequence, and Alt with anything
    /// but Backspace. The reducer drops them before anything else, so they change nothing
    /// (Alt-x neither types "x" nor cancels the edit, as a lone Esc would).
    var isIgnored: Bool {
        switch self {
        case .unknown: return true
        case .alt(let c): return c != "\u{7F}"
        default: return false
        }
    }
}
