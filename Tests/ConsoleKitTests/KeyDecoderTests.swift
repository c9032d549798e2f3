@testable import ConsoleKit
import Testing

extension KeyCodes {
    /// curses.h's values (ncurses 6), written out here only: production code takes them
    /// from CNcursesw. The paste markers are the backend's KEY_MAX + 1 and + 2.
    static let curses = KeyCodes(
        up: 0o403, down: 0o402, left: 0o404, right: 0o405, home: 0o406, end: 0o550,
        pageUp: 0o523, pageDown: 0o522, backspace: 0o407, delete: 0o512, backTab: 0o541, enter: 0o527,
        resize: 0o632, function: { 0o410 + Int32($0) }, pasteStart: 0o777 + 1, pasteEnd: 0o777 + 2, mouse: 0o631)
}

/// Raw reads that make a bracketed paste of `text`, one character code each.
/// A paste as the terminal sends it: the start marker, the text, and (`end`) the end
/// marker followed by the read that finds nothing more.
func pasteInput(_ codes: [UInt32], end: Bool = true) -> [RawInput] {
    [.keyCode(KeyCodes.curses.pasteStart)] + codes.map { .character($0) } + (end ? pasteEnd : [])
}

/// The end marker, and the read after it that finds nothing more: the paste is over.
let pasteEnd: [RawInput] = [.keyCode(KeyCodes.curses.pasteEnd), .nothing(milliseconds: 0)]

func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

@Suite struct KeyDecoderTests {
    /// Feeds every input; returns the keys that came out, in order.
    static func decode(_ inputs: [RawInput], _ decoder: inout KeyDecoder) -> [Key] {
        var keys: [Key] = []
        for input in inputs {
            if let held = decoder.takeHeldKey() { keys.append(held) }
            if let key = decoder.decode(input) { keys.append(key) }
        }
        if let held = decoder.takeHeldKey() { keys.append(held) }
        return keys
    }

    static func decode(_ inputs: [RawInput]) -> [Key] {
        var decoder = KeyDecoder(codes: .curses)
        return decode(inputs, &decoder)
    }

    static let silence = RawInput.nothing(milliseconds: Int(KeyDecoder.pastePollMilliseconds))

    // MARK: Plain keys

    @Test func everyKeyCodeMapsToItsKey() {
        let expected: [(Int32, Key)] =
            [
                (0o403, .up), (0o402, .down), (0o404, .left), (0o405, .right), (0o406, .home), (0o550, .end),
                (0o523, .pageUp), (0o522, .pageDown), (0o407, .backspace), (0o512, .delete), (0o541, .backTab),
                (0o527, .enter), (0o632, .resize),
            ] + (1...12).map { (0o410 + Int32($0), .function($0)) }
        for (code, key) in expected {
            #expect(Self.decode([.keyCode(code)]) == [key], "key code \(code)")
        }
    }

    @Test func unknownKeyCodesGiveNothing() {
        // F0, F13, KEY_MAX, a mouse event, and codes no terminal sends.
        for code: Int32 in [0o410, 0o410 + 13, 0o777, 0o631, 0, -1, Int32.min, Int32.max] {
            #expect(Self.decode([.keyCode(code)]) == [], "key code \(code)")
        }
    }

    @Test func controlCharactersMapAsTerminalsSendThem() {
        #expect(KeyDecoder.key(forCharacter: 9) == .tab)
        #expect(KeyDecoder.key(forCharacter: 10) == .enter)
        #expect(KeyDecoder.key(forCharacter: 13) == .enter)
        #expect(KeyDecoder.key(forCharacter: 27) == .escape)
        #expect(KeyDecoder.key(forCharacter: 8) == .backspace)
        #expect(KeyDecoder.key(forCharacter: 127) == .backspace)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for code in UInt32(1)...26 where ![8, 9, 10, 13].contains(code) {
            #expect(KeyDecoder.key(forCharacter: code) == .ctrl(letters[Int(code) - 1]), "code \(code)")
        }
        // Ctrl-_ (also Ctrl-/ on most terminals) is undo.
        #expect(KeyDecoder.key(forCharacter: 31) == .ctrl("_"))
        for code: UInt32 in [0, 28, 29, 30, 0x80, 0x85, 0x9B, 0x9F] {
            #expect(KeyDecoder.key(forCharacter: code) == nil, "code \(code)")
        }
    }

    @Test func printableCharactersArriveAsThemselves() {
        for text in [" ", "a", "Z", "~", "é", "日", "😀", "\u{301}", "\u{A0}"] {
            let code = text.unicodeScalars.first!.value
            #expect(KeyDecoder.key(forCharacter: code) == .char(Character(text)), "U+\(String(code, radix: 16))")
        }
    }

    @Test func invalidScalarsGiveNothing() {
        for code: UInt32 in [0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x11_0000, 0x7FFF_FFFF, UInt32.max] {
            #expect(KeyDecoder.key(forCharacter: code) == nil, "code \(code)")
            #expect(Self.decode([.character(code)]) == [])
        }
    }

    @Test func silenceOutsideAPasteIsNothing() {
        #expect(Self.decode([.nothing(milliseconds: 0), .nothing(milliseconds: 100_000)]) == [])
    }

    // MARK: Paste

    @Test func aPasteArrivesWholeWithoutItsMarkers() {
        var decoder = KeyDecoder(codes: .curses)
        #expect(decoder.decode(.keyCode(KeyCodes.curses.pasteStart)) == nil)
        #expect(decoder.isCollectingPaste)
        for code in scalars("sk-日本😀") { #expect(decoder.decode(.character(code)) == nil) }
        #expect(decoder.decode(.keyCode(KeyCodes.curses.pasteEnd)) == nil, "over once nothing more is waiting")
        #expect(decoder.pollMilliseconds == 0)
        #expect(decoder.decode(.nothing(milliseconds: 0)) == .paste("sk-日本😀"))
        #expect(!decoder.isCollectingPaste)
        // Keys after it decode as keys again.
        #expect(Self.decode([.character(13), .character(97)], &decoder) == [.enter, .char("a")])
    }

    @Test func lineBreaksInAPasteBecomeOneNewlineEach() {
        #expect(Self.decode(pasteInput(scalars("a\rb\nc\r\nd\n\re"))) == [.paste("a\nb\nc\nd\n\ne")])
        #expect(Self.decode(pasteInput(scalars("secret\r\n"))) == [.paste("secret\n")])
    }

    @Test func tabsBecomeSpacesAndOtherControlCodesAreDropped() {
        // Ctrl-C, Ctrl-S, Esc, DEL and the C1 CSI inside a paste are text, never keys.
        let codes: [UInt32] = [97, 9, 98, 0, 3, 19, 27, 91, 65, 127, 8, 0x9B, 0x85, 0x9F, 0xA0, 99]
        #expect(Self.decode(pasteInput(codes)) == [.paste("a b[A\u{A0}c")])
    }

    @Test func invalidScalarsInAPasteAreDropped() {
        let codes: [UInt32] = [120, 0xD800, 0xDFFF, 0x11_0000, UInt32.max, 121]
        #expect(Self.decode(pasteInput(codes)) == [.paste("xy")])
    }

    @Test func keyCodesInsideAPasteAreDropped() {
        let c = KeyCodes.curses
        let inputs: [RawInput] =
            [
                .keyCode(c.pasteStart), .character(97), .keyCode(c.up), .keyCode(c.enter),
                .keyCode(c.function[0]), .keyCode(c.pasteStart), .keyCode(-1), .character(98),
            ] + pasteEnd
        #expect(Self.decode(inputs) == [.paste("ab")])
    }

    @Test func aResizeDuringAPasteIsReportedAfterIt() {
        let c = KeyCodes.curses
        var decoder = KeyDecoder(codes: .curses)
        for input: RawInput in [.keyCode(c.pasteStart), .character(97), .keyCode(c.resize), .character(98)] {
            #expect(decoder.decode(input) == nil)
            #expect(decoder.takeHeldKey() == nil, "held back while the paste is arriving")
        }
        #expect(decoder.decode(.keyCode(c.pasteEnd)) == nil)
        #expect(decoder.takeHeldKey() == nil, "held back until the paste is over")
        #expect(decoder.decode(.nothing(milliseconds: 0)) == .paste("ab"))
        #expect(decoder.takeHeldKey() == .resize)
        #expect(decoder.takeHeldKey() == nil, "reported once")
    }

    /// Text that holds an end marker of its own (the terminal passes it on) ends the paste
    /// there; what came with it in the same read is pasted text too, never keys: a Ctrl-S
    /// or an Enter after the early marker neither saves nor confirms anything.
    @Test func keysThatArriveWithAPastesEndAreNotCommands() {
        let c = KeyCodes.curses
        let early: [RawInput] = [.keyCode(c.pasteStart)] + scalars("ab").map { .character($0) } + [.keyCode(c.pasteEnd)]
        let after: [RawInput] = [.character(19), .character(13), .keyCode(c.function[1]), .character(113)] + scalars("cd").map { .character($0) }
        #expect(Self.decode(early + after + pasteEnd) == [.paste("ab\nqcd")], "the rest is the same paste")
        // Keys typed after the terminal went quiet are keys again.
        #expect(Self.decode(early + [.nothing(milliseconds: 0), .character(19)]) == [.paste("ab"), .ctrl("s")])
    }

    @Test func anEndMarkerWithNoStartIsIgnored() {
        let c = KeyCodes.curses
        #expect(Self.decode([.keyCode(c.pasteEnd), .character(97), .keyCode(c.pasteEnd), .keyCode(c.up)]) == [.char("a"), .up])
    }

    @Test func aPasteWithNoEndMarkerEndsAfterASecondOfSilence() {
        var decoder = KeyDecoder(codes: .curses)
        let reads = KeyDecoder.pasteSilenceMilliseconds / Int(KeyDecoder.pastePollMilliseconds)
        #expect(reads == 20, "as before the decoder: 20 idle reads of 50 ms")
        _ = Self.decode(pasteInput(scalars("abc"), end: false), &decoder)
        for _ in 1..<reads { #expect(decoder.decode(Self.silence) == nil) }
        // Anything that arrives starts the silence again.
        #expect(decoder.decode(.character(100)) == nil)
        for _ in 1..<reads { #expect(decoder.decode(Self.silence) == nil) }
        #expect(decoder.decode(Self.silence) == .paste("abcd"))
        #expect(!decoder.isCollectingPaste)
        #expect(decoder.decode(.character(101)) == .char("e"))
    }

    @Test func anEmptyPasteEndedBySilenceIsAnEmptyPaste() {
        let inputs = pasteInput([], end: false) + [.nothing(milliseconds: Int.max)]
        #expect(Self.decode(inputs) == [.paste("")])
        #expect(Self.decode(pasteInput([])) == [.paste("")])
    }

    @Test func aPasteOverTheLimitKeepsItsFirstPartAndDropsTheRest() {
        let limit = KeyDecoder.pasteLimit
        var decoder = KeyDecoder(codes: .curses)
        var codes = Array(repeating: UInt32(120), count: limit - 1) + [121]
        codes += Array(repeating: UInt32(122), count: 1_000)
        let keys = Self.decode(pasteInput(codes) + [.character(97)], &decoder)
        #expect(keys.count == 2)
        #expect(keys.first == .paste(String(repeating: "x", count: limit - 1) + "y"))
        #expect(keys.last == .char("a"), "keys after the end marker are keys again")
    }

    @Test func theRestOfAnOverlongPasteIsDroppedUntilSilenceAndResizesStillCome() {
        let c = KeyCodes.curses
        var decoder = KeyDecoder(codes: .curses)
        let keys = Self.decode(pasteInput(Array(repeating: 0x65E5, count: KeyDecoder.pasteLimit + 5), end: false), &decoder)
        #expect(keys == [.paste(String(repeating: "日", count: KeyDecoder.pasteLimit))])
        #expect(!decoder.isCollectingPaste, "the run loop gets control back at the limit")
        #expect(decoder.decode(.character(13)) == nil)
        #expect(decoder.decode(.keyCode(c.resize)) == .resize)
        #expect(decoder.decode(.nothing(milliseconds: 999)) == nil)
        #expect(decoder.decode(.character(3)) == nil, "arriving text starts the silence again")
        #expect(decoder.decode(.nothing(milliseconds: 999)) == nil)
        #expect(decoder.decode(.nothing(milliseconds: 1)) == nil)
        #expect(decoder.decode(.character(3)) == .ctrl("c"), "after a second of silence keys are keys again")
    }

    @Test func lineBreaksAndTabsCountTowardsTheLimitButDroppedCodesDoNot() {
        let limit = KeyDecoder.pasteLimit
        let dropped = Array(repeating: UInt32(0), count: 1_000)
        let codes = dropped + Array(repeating: 13, count: limit - 1) + dropped + [9, 98]
        let keys = Self.decode(pasteInput(codes) + [.character(97)])
        #expect(keys == [.paste(String(repeating: "\n", count: limit - 1) + " "), .char("a")])
    }
}
