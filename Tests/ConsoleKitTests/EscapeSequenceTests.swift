@testable import ConsoleKit
import Testing

/// Escape sequences ncurses did not recognise reach the decoder as Esc and plain
/// characters; they must come out as one key (or one `.unknown`), never as typed text
/// and never as the Esc that cancels an edit.
@Suite struct EscapeSequenceTests {
    /// The reads a terminal's bytes become when ncurses does not know the sequence: one
    /// character each, then the silence after them.
    static func reads(_ text: String, silence: Bool = true) -> [RawInput] {
        text.unicodeScalars.map { .character($0.value) } + (silence ? [.nothing(milliseconds: Int(KeyDecoder.escapePollMilliseconds))] : [])
    }

    static func keys(_ text: String, silence: Bool = true) -> [Key] {
        KeyDecoderTests.decode(reads(text, silence: silence))
    }

    @Test func aLoneEscIsTheEscKeyOnceSilenceFollows() {
        #expect(Self.keys("\u{1B}", silence: false) == [], "more may follow")
        #expect(Self.keys("\u{1B}") == [.escape])
        // Esc, then later a letter: two keys.
        #expect(Self.keys("\u{1B}") + Self.keys("x") == [.escape, .char("x")])
    }

    @Test func altAndALetterIsOneAltKeyNeverTheLetter() {
        #expect(Self.keys("\u{1B}x") == [.alt("x")])
        #expect(Self.keys("\u{1B}x", silence: false) == [.alt("x")], "complete without waiting")
        #expect(Self.keys("\u{1B}é") == [.alt("é")])
        #expect(Self.keys("\u{1B}\u{7F}") == [.alt("\u{7F}")], "Alt-Backspace")
        #expect(Self.keys("\u{1B}\u{08}") == [.alt("\u{7F}")], "Alt-Backspace where Backspace is ^H")
        #expect(Self.keys("\u{1B}\u{03}") == [.ctrl("c")], "Ctrl-C gets out, Alt or not")
        #expect(Self.keys("\u{1B}\t") == [.unknown])
        #expect(Self.keys("\u{1B}x" + "y") == [.alt("x"), .char("y")])
    }

    /// xterm's modified keys, tmux's and rxvt's: none is a key the console uses.
    @Test(arguments: [
        "\u{1B}[1;5C", "\u{1B}[1;5D", "\u{1B}[1;2A", "\u{1B}[1;3B", "\u{1B}[1;8H", "\u{1B}[3;5~", "\u{1B}[5;3~",
        "\u{1B}[1;5P", "\u{1B}[15;2~", "\u{1B}[27;5;9~", "\u{1B}[97;5u", "\u{1B}[1:2C",
        // rxvt: Ctrl-Home, Shift-Home, Ctrl-Shift-Home, Shift-Insert, Shift/Ctrl arrows.
        "\u{1B}[7^", "\u{1B}[7$", "\u{1B}[7@", "\u{1B}[2$", "\u{1B}[2^", "\u{1B}[a", "\u{1B}[d", "\u{1B}Oa", "\u{1B}Od",
        // Alt with an arrow: Esc before the sequence.
        "\u{1B}\u{1B}[A", "\u{1B}\u{1B}OD",
        // Focus in and out, answers to queries (device attributes, cursor position).
        "\u{1B}[I", "\u{1B}[O", "\u{1B}[?1;2c", "\u{1B}[>0;276;0c", "\u{1B}[12;40R", "\u{1B}[?2004;1$y",
        // Mouse: X10 with its three raw bytes (SGR 1006 reports are mouse events: MouseTests),
        // and an SGR report with a button the console does not use.
        "\u{1B}[M !!", "\u{1B}[<3;10;5M",
        // Strings: OSC ended by BEL or ST, DCS, APC, PM, SOS.
        "\u{1B}]11;rgb:0000/0000/0000\u{07}", "\u{1B}]52;c;aGk=\u{1B}\\", "\u{1B}P1$r0m\u{1B}\\", "\u{1B}_Gi=1;OK\u{1B}\\",
        "\u{1B}^note\u{1B}\\", "\u{1B}Xsos\u{1B}\\",
        // Insert, keypad 5, and a sequence with too many parameters.
        "\u{1B}[2~", "\u{1B}[E", "\u{1B}[1;1;1;1A", "\u{1B}[" + String(repeating: "9", count: 100) + "~",
    ])
    func anUnknownSequenceIsOneUnknownKey(_ sequence: String) {
        #expect(Self.keys(sequence) == [.unknown], "\(sequence.debugDescription)")
        // Complete without waiting for silence, and whatever is typed next is itself.
        #expect(Self.keys(sequence + "z", silence: false) == [.unknown, .char("z")], "\(sequence.debugDescription)")
    }

    /// Alt-[ and Alt-O, a cut sequence, a string with no end: silence ends each.
    @Test(arguments: ["\u{1B}[", "\u{1B}O", "\u{1B}[1;", "\u{1B}[<0;1", "\u{1B}]0;unterminated", "\u{1B}P", "\u{1B}[M!"])
    func anIncompleteSequenceEndsWithTheSilenceAfterIt(_ sequence: String) {
        #expect(Self.keys(sequence, silence: false) == [], "\(sequence.debugDescription)")
        #expect(Self.keys(sequence) == [.unknown], "\(sequence.debugDescription)")
    }

    @Test func theTypedCharacterAfterASequenceIsKept() {
        #expect(Self.keys("\u{1B}[1;5Cz") == [.unknown, .char("z")])
        #expect(Self.keys("\u{1B}[<0;10;5Mz") == [.mouse(MouseEvent(.press(button: 0), x: 9, y: 4)), .char("z")])
        #expect(Self.keys("\u{1B}]0;title\u{07}z") == [.unknown, .char("z")])
    }

    /// Sequences a terminfo entry may lack but the console knows: decoded to their keys.
    @Test(arguments: [
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OD", .left), ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}[3~", .delete),
        ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[Z", .backTab), ("\u{1B}[1;1C", .right),
        ("\u{1B}OP", .function(1)), ("\u{1B}OS", .function(4)), ("\u{1B}[11~", .function(1)), ("\u{1B}[15~", .function(5)),
        ("\u{1B}[21~", .function(10)), ("\u{1B}[24~", .function(12)),
        // The linux console's F1-F5.
        ("\u{1B}[[A", .function(1)), ("\u{1B}[[E", .function(5)),
        // The keypad in application mode.
        ("\u{1B}OM", .enter), ("\u{1B}Op", .char("0")), ("\u{1B}Oy", .char("9")), ("\u{1B}Ok", .char("+")), ("\u{1B}On", .char(".")),
    ])
    func aKnownSequenceIsItsKey(_ sequence: String, _ key: Key) {
        #expect(Self.keys(sequence) == [key], "\(sequence.debugDescription)")
    }

    @Test func eightBitIntroducersWorkLikeEsc() {
        #expect(Self.keys("\u{9B}1;5C") == [.unknown])
        #expect(Self.keys("\u{9B}A") == [.up])
        #expect(Self.keys("\u{8F}P") == [.function(1)])
        #expect(Self.keys("\u{9D}0;title\u{07}") == [.unknown])
    }

    @Test func aControlInsideASequenceIsDeliveredAndTheSequenceGoesOn() {
        // As in DEC's parser: Ctrl-C inside still gets out, and the rest is not typed.
        #expect(Self.keys("\u{1B}[1;\u{03}5C") == [.ctrl("c"), .unknown])
        #expect(Self.keys("\u{1B}[1\u{7F};5C") == [.unknown], "DEL inside is ignored")
        // An Esc inside starts a new sequence; the first is dropped.
        #expect(Self.keys("\u{1B}[1;\u{1B}[A") == [.up])
        #expect(Self.keys("\u{1B}]0;t\u{1B}x") == [.alt("x")], "an Esc that is not ST ends the string")
        #expect(Self.keys("\u{1B}[1é") == [.unknown], "a character no sequence has ends it")
    }

    @Test func aPasteStartNcursesDidNotMatchStillStartsAPaste() {
        let keys = KeyDecoderTests.decode(Self.reads("\u{1B}[200~hello", silence: false) + pasteEnd)
        #expect(keys == [.paste("hello")])
        #expect(Self.keys("\u{1B}[201~") == [], "a stray end marker is nothing")
    }

    @Test func escThenAKeyNcursesKnowsIsAltWithThatKey() {
        let codes = KeyCodes.curses
        #expect(KeyDecoderTests.decode([.character(27), .keyCode(codes.left)]) == [.unknown], "Alt-Left")
        #expect(KeyDecoderTests.decode([.character(27), .keyCode(codes.resize)]) == [.escape, .resize])
        #expect(KeyDecoderTests.decode([.character(27), .keyCode(codes.pasteStart), .character(97)] + pasteEnd) == [.paste("a")])
        // A sequence cut short by a key ncurses matched: that key, the part read dropped.
        #expect(KeyDecoderTests.decode([.character(27), .character(91), .keyCode(codes.up)]) == [.up])
    }

    /// Found by the tmux test: xterm's terminfo has kmous=ESC[<, so ncurses matches the
    /// start of an SGR mouse report as KEY_MOUSE and passes the rest on as characters; and
    /// Alt-Backspace comes as Esc and the key code of Backspace (kbs is DEL).
    @Test func theRestOfAMouseReportAfterKeyMouseIsReadWhole() {
        let mouse = RawInput.keyCode(KeyCodes.curses.mouse!)
        #expect(KeyDecoderTests.decode([mouse] + Self.reads("0;30;5M")) == [.mouse(MouseEvent(.press(button: 0), x: 29, y: 4))])
        #expect(KeyDecoderTests.decode([mouse] + Self.reads("64;1;1Mz", silence: false)) == [.mouse(MouseEvent(.wheelUp, x: 0, y: 0)), .char("z")])
        #expect(KeyDecoderTests.decode([mouse] + Self.reads(" !!z", silence: false)) == [.unknown, .char("z")], "X10's raw bytes")
        #expect(KeyDecoderTests.decode([mouse, .nothing(milliseconds: 0)]) == [.unknown], "ncurses read the report itself")
        #expect(KeyDecoderTests.decode([.character(27), .keyCode(KeyCodes.curses.backspace)]) == [.alt("\u{7F}")])
    }

    @Test func theBackendReadsOnWhileASequenceIsIncomplete() {
        var decoder = KeyDecoder(codes: .curses)
        #expect(!decoder.isAssembling)
        #expect(decoder.decode(.character(27)) == nil)
        #expect(decoder.isAssembling && !decoder.isCollectingPaste)
        #expect(decoder.pollMilliseconds == KeyDecoder.escapePollMilliseconds)
        #expect(decoder.decode(.character(91)) == nil)
        #expect(decoder.decode(.nothing(milliseconds: 0)) == .unknown)
        #expect(!decoder.isAssembling)
        #expect(decoder.decode(.keyCode(KeyCodes.curses.pasteStart)) == nil)
        #expect(decoder.isAssembling && decoder.pollMilliseconds == KeyDecoder.pastePollMilliseconds)
    }

    /// Every prefix of every sequence, followed by silence, gives at most one key and
    /// never a typed character: a sequence cut anywhere is not text.
    @Test func aSequenceCutAnywhereNeverTypes() {
        let sequences = ["\u{1B}[1;5C", "\u{1B}[<0;10;5M", "\u{1B}]11;rgb:0/0/0\u{1B}\\", "\u{1B}[27;5;9~", "\u{1B}Oa", "\u{1B}[M !!"]
        for sequence in sequences {
            let scalars = Array(sequence.unicodeScalars)
            for end in 1...scalars.count {
                var prefix = ""
                prefix.unicodeScalars.append(contentsOf: scalars[..<end])
                let keys = Self.keys(prefix)
                #expect(keys.count == 1, "\(prefix.debugDescription): \(keys)")
                #expect(
                    !keys.contains {
                        if case .char = $0 { return true }; return false
                    }, "\(prefix.debugDescription): \(keys)")
            }
        }
    }
}
