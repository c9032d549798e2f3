/// The key codes the decoder recognises. ncurses defines them (curses.h); the backend
/// fills this from CNcursesw's constants and tests from curses.h's numbers, so the
/// table lives in ncurses only and ConsoleKit needs no ncurses import.
public struct KeyCodes: Equatable, Sendable {
    var up, down, left, right: Int32
    var home, end, pageUp, pageDown: Int32
    var backspace, delete, backTab, enter: Int32
    var resize: Int32
    /// F1 to F12, in order.
    var function: [Int32]
    /// The codes the backend teaches ncurses (define_key) for ESC[200~ and ESC[201~.
    var pasteStart, pasteEnd: Int32
    /// KEY_MOUSE: ncurses matches the start of a mouse report (terminfo's kmous, `ESC [ <`
    /// for xterm) and, unless mouse reporting is its own, hands the rest on as characters.
    var mouse: Int32?

    public init(
        up: Int32, down: Int32, left: Int32, right: Int32,
        home: Int32, end: Int32, pageUp: Int32, pageDown: Int32,
        backspace: Int32, delete: Int32, backTab: Int32, enter: Int32,
        resize: Int32, function: (Int) -> Int32, pasteStart: Int32, pasteEnd: Int32, mouse: Int32? = nil
    ) {
        self.up = up; self.down = down; self.left = left; self.right = right
        self.home = home; self.end = end; self.pageUp = pageUp; self.pageDown = pageDown
        self.backspace = backspace; self.delete = delete; self.backTab = backTab; self.enter = enter
        self.resize = resize
        self.function = (1...12).map(function)
        self.pasteStart = pasteStart; self.pasteEnd = pasteEnd
        self.mouse = mouse
    }

    /// Code → key, first entry winning as in the switch this replaced. Paste markers are
    /// not keys: the decoder handles them before looking here.
    func table() -> [Int32: Key] {
        var keys: [(Int32, Key)] = [
            (up, .up), (down, .down), (left, .left), (right, .right), (home, .home), (end, .end),
            (pageDown, .pageDown), (pageUp, .pageUp), (backspace, .backspace), (delete, .delete),
            (backTab, .backTab), (enter, .enter), (resize, .resize),
        ]
        keys += function.enumerated().map { ($1, .function($0 + 1)) }
        return Dictionary(keys, uniquingKeysWith: { first, _ in first })
    }
}
