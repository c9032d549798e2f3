import CNcursesw
import ConsoleKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// The one file that talks to ncurses: starts and restores the terminal (its modes are
/// `TerminalModes`'), reads keys (KeyDecoder turns them into `Key`), and copies the cells
/// a frame changed (the session's `FrameUpdate`) to the screen; ncurses then sends what
/// differs from what the terminal shows. ConsoleKit's session drives it through
/// `TerminalBackend`.
final class NcursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private var cursorShown: Bool?
    private let colour: Bool
    private var stopped = false
    /// The locale has no UTF-8: frames are drawn in ASCII (AsciiGlyphs).
    let asciiOnly: Bool
    /// The terminal has no alternate screen (TERM=linux, vt100): the last frame would stay
    /// on screen after exit, so it is cleared first.
    private let noAlternateScreen: Bool

    // Key codes past ncurses' own for the sequences we teach it with define_key.
    private static let pasteStart = KEY_MAX + 1
    private static let pasteEnd = KEY_MAX + 2

    /// Starts ncurses on the controlling terminal; nil when the terminal type is unknown.
    static func start(asciiOnly: Bool) -> NcursesBackend? {
        guard let output = fdopen(1, "w"), let input = fdopen(0, "r") else { return nil }
        // A stream on a terminal is line-buffered: a frame would leave in one write per
        // row. Fully buffered, it leaves in one write at doupdate's flush.
        setvbuf(output, nil, _IOFBF, 1 << 16)
        guard let screen = newterm(nil, output, input) else { return nil }
        guard let window = shim_stdscr() else { endwin(); delscreen(screen); return nil }
        return NcursesBackend(screen: screen, window: window, output: output, asciiOnly: asciiOnly)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, output: UnsafeMutablePointer<FILE>, asciiOnly: Bool) {
        self.screen = screen
        self.window = window
        self.output = output
        self.asciiOnly = asciiOnly
        // tigetstr: nil when the terminal lacks it, -1 when terminfo has no such string.
        let enter = tigetstr("smcup")
        noAlternateScreen = enter == nil || Int(bitPattern: enter) == -1 || enter?.pointee == 0
        // raw(): Ctrl-S, Ctrl-Q and Ctrl-C reach the program instead of flow control and SIGINT.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        let escDelay = getenv("ESCDELAY").flatMap { Int32(String(cString: $0)) } ?? 25
        set_escdelay(escDelay)
        // Sequences terminfo for xterm does not list but tmux and others send.
        for (sequence, code) in [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
            ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
            ("\u{1B}[200~", NcursesBackend.pasteStart), ("\u{1B}[201~", NcursesBackend.pasteEnd),
        ] {
            define_key(sequence, code)
        }
        let noColour = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let colour = has_colors() && !noColour
        self.colour = colour
        blanks = Style.allCases.map { NcursesBackend.blank($0, colour: colour) }
        if colour {
            start_color()
            use_default_colors()
            for (index, pair) in NcursesBackend.colourPairs.enumerated() {
                init_pair(Int16(index + 1), pair.0, pair.1)
            }
        }
        // The terminal as the console runs it, put back after any stop (TerminalModes).
        var programModes = termios()
        if tcgetattr(0, &programModes) == 0 { TerminalModes.setProgram(programModes) }
        TerminalModes.setScreen(enter: Self.enterSequence(), leave: Self.leaveSequence(), mouseOn: Self.mouseOn, mouseOff: Self.mouseOff)
        // Until the screen has once been left and taken back, ncurses counts it as not set
        // up and flushes after every cursor move: the first frame left in 43 writes, each
        // one waking the terminal. Leaving and taking it back once, before anything is
        // drawn (the first doupdate takes it back), sends every frame in one write.
        endwin()
        TerminalModes.screen(true)
        // endwin took keypad mode back (ncurses' own record of it, too), and the enter
        // sequence just sent it again: told so now, ncurses does not send it once more at
        // the first key read, a write of its own after the first frame, which would leave
        // the frame complete only when that write goes out.
        keypad(window, true)
    }

    /// Bracketed paste (a pasted secret arrives as one piece, not as typed keys) and SGR
    /// 1006 mouse reporting (clicks and the wheel, at any column; F4 turns it off and on):
    /// ours, besides what ncurses turns on. All of them off whenever the shell has the
    /// terminal, or its pastes would arrive marked and clicks as text.
    private static let pasteOn = "\u{1B}[?2004h", pasteOff = "\u{1B}[?2004l"
    private static let mouseOn = "\u{1B}[?1000h\u{1B}[?1006h", mouseOff = "\u{1B}[?1006l\u{1B}[?1000l"

    /// terminfo's string for `name`, or "" where the terminal has none.
    private static func capability(_ name: String) -> String {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return "" }
        return String(cString: value)
    }

    /// What the console turns on: ncurses' alternate screen and keypad mode, and ours.
    private static func enterSequence() -> String {
        capability("smcup") + capability("smkx") + pasteOn
    }

    /// What turns every mode the console sets off again, for a crash or a stop that
    /// bypasses ncurses: ours, then keypad, cursor, attributes and the alternate screen.
    private static func leaveSequence() -> String {
        mouseOff + pasteOff + capability("rmkx") + capability("cnorm") + capability("sgr0") + capability("rmcup")
    }

    /// On a terminal without an alternate screen, a blank screen before ncurses lets go
    /// (endwin leaves the cursor on the bottom row): the shell does not continue under the
    /// console's last frame.
    private func clearIfNoAlternateScreen() {
        guard noAlternateScreen else { return }
        werase(window)
        wnoutrefresh(window)
        doupdate()
    }

    /// Restores the terminal. Safe to call twice; every exit path calls it.
    func stop() {
        guard !stopped else { return }
        stopped = true
        TerminalModes.screen(false)
        TerminalModes.setProgram(nil)
        clearIfNoAlternateScreen()
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    /// Whether the terminal hung up (`TerminalCheck.isHungUp`).
    var hungUp: Bool { TerminalCheck.isHungUp }

    var size: (width: Int, height: Int) {
        (Int(shim_getmaxx(window)), Int(shim_getmaxy(window)))
    }

    // MARK: Keys

    /// ncurses' key codes for the decoder, from curses.h through CNcursesw.
    private static let keyCodes = KeyCodes(
        up: KEY_UP, down: KEY_DOWN, left: KEY_LEFT, right: KEY_RIGHT,
        home: KEY_HOME, end: KEY_END, pageUp: KEY_PPAGE, pageDown: KEY_NPAGE,
        backspace: KEY_BACKSPACE, delete: KEY_DC, backTab: KEY_BTAB, enter: KEY_ENTER,
        resize: KEY_RESIZE, function: { shim_key_f(Int32($0)) },
        pasteStart: NcursesBackend.pasteStart, pasteEnd: NcursesBackend.pasteEnd, mouse: KEY_MOUSE)

    private var decoder = KeyDecoder(codes: NcursesBackend.keyCodes)
    /// Keys typed while a save waited for a lock (`stopKeyTyped`): read before any other.
    private var typedWhileWaiting: [Key] = []

    func stopKeyTyped() -> Bool {
        while let key = decoder.readKey(milliseconds: 0, { readRaw(milliseconds: $0) }) {
            if key == .escape { return true }
            typedWhileWaiting.append(key)
            if key == .ctrl("c") { return true }
        }
        return false
    }

    /// The next key, waiting at most `milliseconds` (0: only what is already there).
    func readKey(milliseconds: Int32) -> Key? {
        if !typedWhileWaiting.isEmpty { return typedWhileWaiting.removeFirst() }
        // Continued after a stop from outside (`kill -TSTP`, Ctrl-Z): the shell had the
        // screen and the size may have changed, so all of it is drawn again.
        if TerminalModes.takeContinued() {
            cursorShown = nil
            repaintAll()
            return .resize
        }
        return decoder.readKey(milliseconds: milliseconds) { readRaw(milliseconds: $0) }
    }

    /// One wget_wch, as it came.
    private func readRaw(milliseconds: Int32) -> RawInput {
        wtimeout(window, milliseconds)
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case KEY_CODE_YES: return .keyCode(Int32(truncatingIfNeeded: code))
        case ERR: return .nothing(milliseconds: Int(max(0, milliseconds)))
        default: return .character(UInt32(code))
        }
    }

    // MARK: Drawing

    /// The next frame clears the terminal and sends every cell, whatever ncurses
    /// believes is on it (another program may have written over the screen).
    func repaintAll() {
        clearok(window, true)
    }

    /// Ctrl-Z: the same stop as any SIGTSTP (`TerminalModes`): gives the terminal back as
    /// it was, stops until the shell's `fg` (SIGCONT), then takes it again; the next read
    /// repaints. Only this process stops: it may share its process group with a shell
    /// that has no job control, which must not stop with it.
    func suspend() {
        clearIfNoAlternateScreen()
        raise(SIGTSTP)
    }

    /// OSC 52 between frames: what ncurses buffered is out first.
    func copyToClipboard(_ text: String) {
        fflush(output)
        _ = SystemIO.writeAll(1, Array(OSC52.sequence(for: text).utf8))
    }

    func setMouseCapture(_ on: Bool) {
        fflush(output)
        TerminalModes.mouse(on)
    }

    /// Copies the changed cells and moves the cursor; one doupdate per frame.
    func draw(_ update: FrameUpdate) {
        // After a resize ncurses' idea of the screen may hold stale cells: start clean.
        if update.isWhole { werase(window) }
        // Runs of plain ASCII cells side by side on a row are copied in one call: put's
        // wadd_wch for each of the first frame's cells was dear (Benchmarks/README.md, "The first frame
        // beside dialog's"). Any other character goes through put, which ncurses measures itself.
        var plain: [cchar_t] = []
        plain.reserveCapacity(update.width)
        var plainX = 0
        var last: (x: Int, y: Int, cell: Cell)?
        for run in update.runs {
            for x in run.x..<run.x + run.count {
                let cell = update[x, run.y]
                guard !cell.isContinuation else {
                    copy(&plain, x: plainX, y: run.y)
                    continue
                }
                last = (x, run.y, cell)
                guard let byte = Self.plainASCII(cell.text) else {
                    copy(&plain, x: plainX, y: run.y)
                    put(cell, x: x, y: run.y)
                    continue
                }
                // A whole frame starts from a cleared screen, which is the normal style's
                // blank cells already (pair 0, `look`): most of a frame is, and copying them
                // was 0.4 M instructions of the first frame's 6.6 M.
                if update.isWhole && byte == 0x20 && cell.style == .normal {
                    copy(&plain, x: plainX, y: run.y)
                    continue
                }
                if plain.isEmpty { plainX = x }
                var cchar = blanks[Int(cell.style.rawValue)]
                cchar.chars.0 = wchar_t(byte)
                plain.append(cchar)
            }
            copy(&plain, x: plainX, y: run.y)
        }
        // ncurses leaves its cursor after the last cell written one at a time, and its
        // frame ends by moving the terminal's there: the last cell is written so again,
        // and the frame's bytes are what they were when every cell was.
        if let last { put(last.cell, x: last.x, y: last.y) }
        let show = update.cursor != nil
        if show != cursorShown {
            curs_set(show ? 1 : 0)
            cursorShown = show
        }
        if let cursor = update.cursor { wmove(window, Int32(cursor.y), Int32(cursor.x)) }
        wnoutrefresh(window)
        doupdate()
    }

    /// Copies a run of plain cells to (x, y) and empties it.
    private func copy(_ run: inout [cchar_t], x: Int, y: Int) {
        guard !run.isEmpty else { return }
        run.withUnsafeBufferPointer { cells in _ = mvwadd_wchnstr(window, Int32(y), Int32(x), cells.baseAddress, Int32(cells.count)) }
        run.removeAll(keepingCapacity: true)
    }

    /// A printable ASCII character that is the whole of a cell's text: one column wide in
    /// every terminal and to ncurses, so it can be copied without being measured.
    private static func plainASCII(_ text: String) -> UInt8? {
        let utf8 = text.utf8
        guard utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F else { return nil }
        return byte
    }

    /// A blank cell in each style's look (by raw value): what setcchar makes of one
    /// character, for a plain character to be put in (`chars.0`).
    private let blanks: [cchar_t]

    private static func blank(_ style: Style, colour: Bool) -> cchar_t {
        var cchar = cchar_t()
        let (attributes, pair) = look(style, colour: colour)
        var text: (wchar_t, wchar_t) = (0x20, 0)
        withUnsafePointer(to: &text) { $0.withMemoryRebound(to: wchar_t.self, capacity: 2) { _ = setcchar(&cchar, $0, attributes, pair, nil) } }
        return cchar
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        // The characters go into a buffer on the stack: an array per cell was a large part
        // of the console's first frame (every cell is put once then; Benchmarks/README.md's profile).
        var characters: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0)
        let (attributes, pair) = Self.look(cell.style, colour: colour)
        var cchar = cchar_t()
        withUnsafeMutableBytes(of: &characters) { raw in
            let text = raw.bindMemory(to: wchar_t.self)
            var n = 0
            for scalar in cell.text.unicodeScalars where n < 4 {
                text[n] = wchar_t(bitPattern: scalar.value)
                n += 1
            }
            _ = setcchar(&cchar, text.baseAddress, attributes, pair, nil)
        }
        // At the bottom-right cell this returns ERR (the cursor cannot advance) but draws.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cchar)
    }

    // MARK: Looks

    /// Foreground and background for each Style with colour (-1: the terminal's default).
    private static let colourPairs: [(Int16, Int16)] = Style.allCases.map { style in
        switch style {
        case .normal, .label, .field, .selected: return (-1, -1)
        case .title: return (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        case .heading: return (Int16(COLOR_CYAN), -1)
        case .focusLabel: return (Int16(COLOR_YELLOW), -1)
        case .focusField: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        case .stepCurrent: return (Int16(COLOR_BLACK), Int16(COLOR_WHITE))
        case .complete: return (Int16(COLOR_GREEN), -1)
        case .blocker: return (Int16(COLOR_RED), -1)
        case .warning: return (Int16(COLOR_YELLOW), -1)
        case .info, .dim: return (-1, -1)
        case .keyName: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        case .keyBar: return (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        case .dialog: return (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        }
    }

    /// Attributes and colour pair for a style; without colour, bold / reverse / underline only.
    private static func look(_ style: Style, colour: Bool) -> (attr_t, Int16) {
        let bold = shim_a_bold(), reverse = shim_a_reverse(), underline = shim_a_underline(), dim = shim_a_dim()
        if colour {
            // The normal style in pair 0, the terminal's own colours: what a cleared screen
            // is made of, so a whole frame need not copy its blank cells (`draw`).
            let pair = style == .normal ? 0 : Int16(style.rawValue) + 1
            switch style {
            case .title, .heading, .blocker, .focusLabel, .selected, .keyName: return (bold, pair)
            case .field: return (underline, pair)
            case .dim: return (dim, pair)
            default: return (shim_a_normal(), pair)
            }
        }
        switch style {
        case .title, .keyName: return (reverse | bold, 0)
        case .focusField, .stepCurrent, .keyBar: return (reverse, 0)
        case .heading, .focusLabel, .blocker, .warning, .selected: return (bold, 0)
        case .field: return (underline, 0)
        case .dim: return (dim, 0)
        default: return (shim_a_normal(), 0)
        }
    }
}
