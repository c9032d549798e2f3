/// Turns the terminal's raw reads into `Key`s, assembling bracketed paste and escape
/// sequences ncurses did not recognise (EscapeParser) on the way. Pure: the backend only
/// reads (`wget_wch`) and feeds what it got, so every mapping, every paste corner and
/// every sequence is tested, and fuzzed, without a terminal.
///
/// A paste (between the ESC[200~ and ESC[201~ markers) arrives as one `.paste` text, so
/// a pasted secret is never seen as typed keys: a line break in it does not press Enter
/// and a Ctrl character in it does not save or quit. Text that holds an end marker of its
/// own (most terminals pass one on unchanged) ends the paste early; what follows it in the
/// same read is still the pasted text, not keys: a paste ends for good only once the
/// terminal has nothing more to give at once.
public struct KeyDecoder: Sendable {
    /// How long the backend waits per read while a paste is arriving.
    static let pastePollMilliseconds: Int32 = 50
    /// How long the backend waits for the rest of an escape sequence. ncurses has waited
    /// ESCDELAY before it hands over an Esc whose sequence it does not know, and a
    /// terminal writes a sequence in one piece: what is still to come is there already,
    /// or at once. A lone Esc costs this much more than ESCDELAY.
    static let escapePollMilliseconds: Int32 = 10
    /// A paste whose end marker never comes (a terminal that drops it, a cut-off stream)
    /// ends after this much silence, with what arrived.
    static let pasteSilenceMilliseconds = 1_000
    /// The most of one paste that is kept, in Unicode scalars (at most 256 KiB as UTF-8).
    /// Every field is one line and a secret is far shorter, so only a mistake (a whole
    /// file, a runaway program's output) gets near it. Then the first part is kept, as the
    /// user would see it in the field, and the rest is dropped up to the end marker:
    /// memory stays bounded, a field cannot grow without end, and the paste is handed over
    /// at once instead of the console waiting on input that may never stop.
    static let pasteLimit = 65_536

    private struct Paste: Sendable {
        var text = ""
        var scalars = 0
        var idleMilliseconds = 0
        var afterCarriageReturn = false
    }

    private enum Mode: Sendable {
        case keys
        case collecting(Paste)
        /// After an end marker, until a read finds nothing more waiting: what comes at once
        /// is part of the same paste (text, never a command).
        case ending(Paste)
        /// Past the limit: what remains of the paste is read and dropped, but no longer
        /// held up the run loop (which keeps drawing and checking signals meanwhile).
        case discarding(idleMilliseconds: Int)
        /// An escape sequence ncurses passed on byte by byte.
        case escape(EscapeParser)
    }

    private let codes: KeyCodes
    private let table: [Int32: Key]
    private var mode = Mode.keys
    /// The terminal was resized during a paste: reported once the paste is out.
    private var resizeHeld = false

    public init(codes: KeyCodes) {
        self.codes = codes
        table = codes.table()
    }

    /// Whether a paste is being collected: the backend then reads on, every
    /// `pastePollMilliseconds`, until `decode` returns it.
    var isCollectingPaste: Bool {
        switch mode {
        case .collecting, .ending: return true
        default: return false
        }
    }

    /// Whether a paste or an escape sequence is being read: the backend then reads on,
    /// every `pollMilliseconds`, until `decode` gives a key or the silence ends it.
    var isAssembling: Bool {
        switch mode {
        case .collecting, .ending, .escape: return true
        case .keys, .discarding: return false
        }
    }

    var pollMilliseconds: Int32 {
        switch mode {
        case .escape: return Self.escapePollMilliseconds
        // Only what is there already belongs to the paste that just ended.
        case .ending: return 0
        default: return Self.pastePollMilliseconds
        }
    }

    /// A key decoded earlier but held back (a resize during a paste); the backend asks
    /// for it before reading the terminal again.
    mutating func takeHeldKey() -> Key? {
        guard resizeHeld, !isCollectingPaste else { return nil }
        resizeHeld = false
        return .resize
    }

    /// The next key from a terminal, waiting at most `milliseconds` for the first read (0:
    /// only what is already there). A paste or an escape sequence is read whole before
    /// returning: while one is being assembled the terminal is read again every
    /// `pollMilliseconds`. `read` is one read of the terminal, waiting at most that long.
    public mutating func readKey(milliseconds: Int32, _ read: (Int32) -> RawInput) -> Key? {
        if let held = takeHeldKey() { return held }
        var wait = milliseconds
        while true {
            let key = decode(read(wait))
            if key != nil || !isAssembling { return key }
            wait = pollMilliseconds
        }
    }

    /// The key this read completes, if any.
    mutating func decode(_ input: RawInput) -> Key? {
        switch mode {
        case .keys:
            return decodeKey(input)
        case .collecting(var paste):
            mode = .keys  // so `paste.text` is not shared while it grows
            return collect(input, into: &paste)
        case .ending(var paste):
            mode = .keys
            return end(input, &paste)
        case .discarding(let idle):
            return discard(input, idle: idle)
        case .escape(var parser):
            mode = .keys
            return continueEscape(input, &parser)
        }
    }

    // MARK: Keys outside a paste

    private mutating func decodeKey(_ input: RawInput) -> Key? {
        switch input {
        case .keyCode(let code):
            if code == codes.pasteStart {
                mode = .collecting(Paste())
                return nil
            }
            // An end marker with no start (a paste cut short by the limit, a stray
            // sequence): nothing to do.
            if code == codes.pasteEnd { return nil }
            // The rest of the mouse report follows as characters: read it whole.
            if code == codes.mouse {
                mode = .escape(EscapeParser(afterMouseKey: ()))
                return nil
            }
            return table[code]
        case .character(let code):
            if code == 27 {
                mode = .escape(EscapeParser())
                return nil
            }
            if let parser = EscapeParser(c1: code) {
                mode = .escape(parser)
                return nil
            }
            return Self.key(forCharacter: code)
        case .nothing:
            return nil
        }
    }

    // MARK: Escape sequences ncurses passed on

    private mutating func continueEscape(_ input: RawInput, _ parser: inout EscapeParser) -> Key? {
        switch input {
        case .character(let code):
            switch parser.feed(code) {
            case .pending:
                mode = .escape(parser)
                return nil
            case .control(let key):
                mode = .escape(parser)
                return key
            case .key(let key):
                return key
            case .pasteStart:
                mode = .collecting(Paste())
                return nil
            case .pasteEnd:
                return nil
            }
        case .keyCode(let code):
            guard parser.isAtStart else {
                // A key ncurses matched cut the sequence short: the part read is dropped.
                return decodeKey(input)
            }
            // Esc and then a key ncurses knows, at once: Alt plus that key (an Esc pressed
            // on its own comes after ESCDELAY of silence). A resize is not a key: it was the
            // Esc key, and the resize follows. A paste starting: the Esc goes with it.
            if code == codes.resize {
                resizeHeld = true
                return .escape
            }
            if code == codes.pasteStart {
                mode = .collecting(Paste())
                return nil
            }
            // Where Backspace is in terminfo (kbs), Esc DEL comes as Esc and that key.
            if code == codes.backspace { return .alt("\u{7F}") }
            return .unknown
        case .nothing:
            return parser.finish()
        }
    }

    /// A typed character: the control codes terminals send for Tab, Enter, Esc,
    /// Backspace, Ctrl-letter and Ctrl-_ (Ctrl-/ on most terminals); nothing for other
    /// control codes (C1 included: typed into a value it would be an invisible character
    /// saved in the file) or invalid scalars.
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 31: return .ctrl("_")
        case 0..<32, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(code).map { .char(Character($0)) }
        }
    }

    // MARK: Inside a paste

    /// A read while a paste arrives; the mode is `.keys` while `paste` grows, and is set
    /// again here to what comes next.
    private mutating func collect(_ input: RawInput, into paste: inout Paste) -> Key? {
        switch input {
        case .keyCode(let code):
            paste.idleMilliseconds = 0
            if code == codes.pasteEnd {
                mode = .ending(paste)
                return nil
            }
            if code == codes.resize { resizeHeld = true }
        // Any other code is ncurses matching an escape sequence inside the pasted
        // text (a pasted "ESC [ A"): the paste is text, so it is dropped.
        case .character(let code):
            paste.idleMilliseconds = 0
            append(code, to: &paste)
            if paste.scalars >= Self.pasteLimit {
                mode = .discarding(idleMilliseconds: 0)
                return .paste(paste.text)
            }
        case .nothing(let milliseconds):
            paste.idleMilliseconds += min(max(0, milliseconds), Self.pasteSilenceMilliseconds)
            if paste.idleMilliseconds >= Self.pasteSilenceMilliseconds { return .paste(paste.text) }
        }
        mode = .collecting(paste)
        return nil
    }

    /// A read right after an end marker: nothing waiting ends the paste; anything else
    /// came with it (an end marker inside the pasted text), and is pasted text too.
    private mutating func end(_ input: RawInput, _ paste: inout Paste) -> Key? {
        if case .nothing = input { return .paste(paste.text) }
        let key = collect(input, into: &paste)
        // Still the same paste: it ends at the next read that finds nothing.
        if case .collecting(let more) = mode { mode = .ending(more) }
        return key
    }

    /// Line breaks become "\n" (CR LF counts once: a Windows clipboard's line ending is
    /// one break), a tab a space; other control codes (C0, DEL, C1) and invalid scalars
    /// are dropped, so a paste cannot smuggle an escape sequence into a value.
    private static func pasted(_ code: UInt32, afterCarriageReturn: Bool) -> Unicode.Scalar? {
        switch code {
        case 13: return "\n"
        case 10: return afterCarriageReturn ? nil : "\n"
        case 9: return " "
        case 0..<32, 0x7F..<0xA0: return nil
        default: return Unicode.Scalar(code)
        }
    }

    private func append(_ code: UInt32, to paste: inout Paste) {
        let scalar = Self.pasted(code, afterCarriageReturn: paste.afterCarriageReturn)
        paste.afterCarriageReturn = code == 13
        guard let scalar else { return }
        paste.text.unicodeScalars.append(scalar)
        paste.scalars += 1
    }

    private mutating func discard(_ input: RawInput, idle: Int) -> Key? {
        switch input {
        case .keyCode(let code):
            if code == codes.pasteEnd { mode = .keys; return nil }
            if code == codes.resize { return .resize }
            mode = .discarding(idleMilliseconds: 0)
        case .character:
            mode = .discarding(idleMilliseconds: 0)
        case .nothing(let milliseconds):
            let total = idle + min(max(0, milliseconds), Self.pasteSilenceMilliseconds)
            mode = total >= Self.pasteSilenceMilliseconds ? .keys : .discarding(idleMilliseconds: total)
        }
        return nil
    }
}
