/// Reads one escape sequence, a character at a time, framed as ECMA-48 and DEC's VT
/// parser frame them, and says which key it was. ncurses only recognises the sequences
/// its terminfo entry lists (and those the backend teaches it); anything else arrives as
/// Esc followed by plain characters, which would otherwise type "[1;5C" into a field and
/// take the Esc for "cancel the edit". Read whole, a sequence the console has no use for
/// becomes one `.unknown`.
///
/// What terminals send, and what it becomes:
/// - CSI `ESC [` parameters (0x30–0x3F), intermediates (0x20–0x2F), a final byte
///   (0x40–0x7E): unmodified cursor and editing keys are decoded (`ESC[A`, `ESC[3~`,
///   `ESC[7~`/`ESC[8~` Home/End of rxvt, `ESC[11~`… F-keys); modified ones (`ESC[1;5C`,
///   rxvt's `ESC[7^`, `ESC[2$`, `ESC[a`), focus reports (`ESC[I`/`ESC[O`), answers to
///   queries (`ESC[?1;2c`, `ESC[12;40R`), kitty's `ESC[97;5u` are `.unknown`.
/// - SGR mouse reports (`ESC[<0;10;5M` / `…m`) are one unit, a `.mouse` event; X10 ones
///   (`ESC[M` then three raw bytes) are `.unknown`.
/// - SS3 `ESC O` and one final byte: arrows, Home/End, F1–F4, the keypad in application
///   mode; with parameters (old xterm's modified F-keys) `.unknown`.
/// - The linux console's `ESC[[A`…`ESC[[E`: F1–F5.
/// - DCS, OSC, SOS, PM, APC (`ESC P`, `ESC ]`, `ESC X`, `ESC ^`, `ESC _`): a string up to
///   BEL or ST (`ESC \`), all of it `.unknown`.
/// - `ESC` and a printable character: `.alt(c)`; `ESC` DEL or BS: `.alt("\u{7F}")`
///   (Alt-Backspace); `ESC ESC …` (rxvt's Alt with a sequence): `.unknown`.
/// - A C0 control inside a sequence is delivered as its key and the sequence goes on, as
///   in DEC's parser; an Esc inside one drops it and starts another.
///
/// Silence ends a sequence (`finish`): an Esc alone is the Esc key, a sequence cut short
/// is `.unknown`. The backend reads on briefly after an Esc (`KeyDecoder`), and ncurses
/// has already waited ESCDELAY for more before handing over a lone Esc.
struct EscapeParser: Sendable {
    /// What one character did.
    enum Outcome: Equatable, Sendable {
        /// The sequence goes on.
        case pending
        /// The sequence is complete: this key (`.unknown` for one the console ignores).
        case key(Key)
        /// A C0 control inside the sequence: this key now, and the sequence goes on.
        case control(Key)
        /// CSI 200 ~ and CSI 201 ~: the bracketed-paste markers, for a terminal whose
        /// markers ncurses did not match itself.
        case pasteStart, pasteEnd
    }

    private enum State: Sendable {
        /// Right after Esc.
        case start
        case csi
        case ss3
        /// DCS, OSC, SOS, PM or APC: everything up to BEL or ST.
        case string
        /// An Esc inside a string: ST if a backslash follows.
        case stringEscape
        /// X10 mouse report: this many raw bytes still to come.
        case x10(remaining: Int)
        /// The linux console's `ESC [ [` and a letter.
        case linuxFunction
        /// What follows KEY_MOUSE: ncurses matched `ESC [ <` (SGR) or `ESC [ M` (X10).
        case mouseReport
    }

    private var state = State.start
    /// The parameter and intermediate bytes of a CSI or SS3, up to `limit`.
    private var bytes: [UInt8] = []
    private var overflowed = false
    /// `ESC ESC`: a Meta prefix before another sequence, so the key is Alt-modified.
    private var meta = false
    static let limit = 32

    init() {}

    /// A sequence that began with an 8-bit C1 introducer instead of Esc (CSI 0x9B,
    /// SS3 0x8F, DCS 0x90, SOS 0x98, OSC 0x9D, PM 0x9E, APC 0x9F); nil for other codes.
    init?(c1 code: UInt32) {
        switch code {
        case 0x9B: state = .csi
        case 0x8F: state = .ss3
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: state = .string
        default: return nil
        }
    }

    /// The rest of a mouse report after ncurses' KEY_MOUSE: SGR's `b;x;yM` (or `m`), or
    /// X10's three raw bytes. Where ncurses reads the report itself, nothing follows and
    /// the silence ends this at once.
    init(afterMouseKey: Void) {
        state = .mouseReport
    }

    /// An SGR report's parameters and final byte as a mouse event (`.unknown` for a report
    /// the console has no use for).
    static func mouse(_ parameters: ArraySlice<UInt8>, final: UInt8) -> Key {
        MouseEvent(sgr: String(decoding: Array(parameters) + [final], as: UTF8.self)).map(Key.mouse) ?? .unknown
    }

    /// Only the Esc has arrived so far.
    var isAtStart: Bool {
        if case .start = state { return true }
        return false
    }

    /// Silence: what arrived so far is all there is.
    func finish() -> Key {
        if case .start = state { return .escape }
        return .unknown
    }

    mutating func feed(_ code: UInt32) -> Outcome {
        switch state {
        case .start: return afterEscape(code)
        case .csi: return csi(code)
        case .ss3: return ss3(code)
        case .string:
            switch code {
            case 0x07, 0x9C: return .key(.unknown)  // BEL (xterm's OSC end) or the C1 ST
            case 0x1B: state = .stringEscape
            default: break  // the string's contents, whatever they are, are not keys
            }
            return .pending
        case .stringEscape:
            if code == 0x5C { return .key(.unknown) }  // ESC \ : ST
            // Esc ends the string and begins a new sequence, as in DEC's parser.
            self = EscapeParser()
            return afterEscape(code)
        case .x10(let remaining):
            if remaining <= 1 { return .key(.unknown) }
            state = .x10(remaining: remaining - 1)
            return .pending
        case .linuxFunction:
            if (0x41...0x45).contains(code) { return .key(.function(Int(code) - 0x40)) }
            return .key(.unknown)
        case .mouseReport:
            // SGR: numbers and ";" up to M or m. Anything else first: X10's raw bytes.
            if (0x30...0x3B).contains(code) { keep(code); return .pending }
            if code == 0x4D || code == 0x6D, !bytes.isEmpty { return .key(Self.mouse(bytes[...], final: UInt8(code))) }
            if bytes.isEmpty { state = .x10(remaining: 2); return .pending }
            return .key(.unknown)
        }
    }

    // MARK: States

    private mutating func afterEscape(_ code: UInt32) -> Outcome {
        switch code {
        case 0x5B: state = .csi  // [
        case 0x4F: state = .ss3  // O
        case 0x50, 0x5D, 0x58, 0x5E, 0x5F: state = .string  // P ] X ^ _
        case 0x1B:
            meta = true
        case 0x7F, 0x08:
            return .key(meta ? .unknown : .alt("\u{7F}"))
        case 0x03:
            // Ctrl-C always gets out, with Alt held or not.
            return .key(.ctrl("c"))
        case 0..<0x20, 0x80..<0xA0:
            return .key(.unknown)
        default:
            guard !meta, let scalar = Unicode.Scalar(code) else { return .key(.unknown) }
            return .key(.alt(Character(scalar)))
        }
        return .pending
    }

    private mutating func csi(_ code: UInt32) -> Outcome {
        if let other = insideSequence(code) { return other }
        switch code {
        case 0x20...0x3F:
            // rxvt ends Shift-modified keys with "$", which ECMA-48 counts as an
            // intermediate: after one plain number it ends the sequence.
            if code == 0x24, !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) }) { return .key(.unknown) }
            keep(code)
            return .pending
        case 0x40...0x7E:
            if bytes.isEmpty && !overflowed {
                if code == 0x4D { state = .x10(remaining: 3); return .pending }  // ESC [ M b x y
                if code == 0x5B { state = .linuxFunction; return .pending }  // ESC [ [ A
            }
            return csiFinal(UInt8(code))
        default:
            return .key(.unknown)
        }
    }

    private mutating func ss3(_ code: UInt32) -> Outcome {
        if let other = insideSequence(code) { return other }
        switch code {
        case 0x30...0x3F:
            keep(code)
            return .pending
        case 0x40...0x7E:
            guard bytes.isEmpty, !overflowed, !meta, let key = Self.ss3Keys[UInt8(code)] else { return .key(.unknown) }
            return .key(key)
        default:
            return .key(.unknown)
        }
    }

    /// What every byte inside a CSI or SS3 that is not part of it does: a C0 control is
    /// delivered and the sequence goes on; Esc starts a new one; DEL is ignored.
    private mutating func insideSequence(_ code: UInt32) -> Outcome? {
        switch code {
        case 0x1B:
            self = EscapeParser()
            return .pending
        case 0x7F:
            return .pending
        case 0..<0x20:
            return KeyDecoder.key(forCharacter: code).map(Outcome.control) ?? .pending
        default:
            return nil
        }
    }

    private mutating func keep(_ code: UInt32) {
        if bytes.count < Self.limit { bytes.append(UInt8(code)) } else { overflowed = true }
    }

    // MARK: What a complete sequence means

    private func csiFinal(_ final: UInt8) -> Outcome {
        guard !overflowed, !meta else { return .key(.unknown) }
        // An SGR (1006) mouse report, ESC [ < button ; column ; row M (press) or m
        // (release), read as one unit and decoded (a report it cannot read is ignored).
        if bytes.first == 0x3C, final == 0x4D || final == 0x6D {
            return .key(Self.mouse(bytes.dropFirst(), final: final))
        }
        // Another private marker (<, =, >, ?): answers to queries; intermediates and
        // sub-parameters (":"): requests and answers, never keys.
        // Past that, only numbers and ";" are a key's.
        guard bytes.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x3B }) else { return .key(.unknown) }
        let numbers = bytes.split(separator: 0x3B, omittingEmptySubsequences: false).map { part -> Int? in
            part.isEmpty ? nil : Int(String(decoding: part, as: UTF8.self))
        }
        // A modifier (xterm's second parameter, 2 = Shift … 8 = Ctrl-Alt-Shift) makes
        // the key one the console does not use: Ctrl-Right never types, nor moves.
        if numbers.count > 2 || (numbers.count == 2 && (numbers[1] ?? 1) != 1) { return .key(.unknown) }
        let first = numbers.first ?? nil
        switch final {
        case 0x7E:  // ~
            switch first {
            case 200: return .pasteStart
            case 201: return .pasteEnd
            case let n?: return .key(Self.tildeKeys[n] ?? .unknown)
            case nil: return .key(.unknown)
            }
        case 0x5A:  // Z: Shift-Tab
            return .key(first == nil ? .backTab : .unknown)
        default:
            guard first == nil || first == 1, let key = Self.csiKeys[final] else { return .key(.unknown) }
            return .key(key)
        }
    }

    /// `ESC [` final, unmodified.
    private static let csiKeys: [UInt8: Key] = [
        0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
        0x50: .function(1), 0x51: .function(2), 0x52: .function(3), 0x53: .function(4),
    ]

    /// `ESC [ n ~`: vt220/xterm numbering, with rxvt's and the linux console's Home/End.
    private static let tildeKeys: [Int: Key] = [
        1: .home, 7: .home, 4: .end, 8: .end, 3: .delete, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// `ESC O` final: the same cursor and function keys as `ESC [`, and the keypad in
    /// application mode.
    private static let ss3Keys: [UInt8: Key] = {
        var keys = csiKeys
        keys[0x4D] = .enter
        // ESC O p…y are 0…9, j k l m n o are * + , - . /, X is =.
        for (byte, text) in zip(Array(0x6A...0x79) as [UInt8], Array("*+,-./0123456789")) { keys[byte] = .char(text) }
        keys[0x58] = .char("=")
        return keys
    }()
}
