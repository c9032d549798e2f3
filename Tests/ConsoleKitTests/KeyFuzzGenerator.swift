@testable import ConsoleKit
import TestSupport

/// Makes and mutates key fuzz cases, biased to what breaks terminal programs: pastes
/// (with and without their end marker, full of line breaks, escapes and invalid code
/// points, sometimes past the decoder's limit), stray markers, Ctrl keys, F-keys,
/// resizes down to 0x0, key codes no terminal sends, and long runs of one key.
struct KeyFuzzGenerator {
    var random: SplitMix64
    /// Cases to mutate: the kept corpus first, then recent generated ones.
    var pool: [KeyFuzzCase]
    let kept: Int

    init(seed: UInt64, corpus: [KeyFuzzCase]) {
        random = SplitMix64(seed: seed)
        pool = corpus
        kept = corpus.count
    }

    mutating func int(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    static let codes = KeyCodes.curses
    static let namedKeys: [Int32] =
        [
            codes.up, codes.down, codes.left, codes.right, codes.home, codes.end, codes.pageUp,
            codes.pageDown, codes.backspace, codes.delete, codes.backTab, codes.enter,
        ] + codes.function
    static let oddKeyCodes: [Int32] = [0, -1, Int32.min, Int32.max, 0o410, 0o410 + 13, 0o777, 0o631, codes.pasteEnd + 1, 0x1_0000]
    /// Characters a console must cope with: wide, combining, joined, bidi, zero-width,
    /// non-breaking, C1 controls, and the keys its dialogs answer to.
    static let oddCharacters: [UInt32] = [
        0xE9, 0x65E5, 0x1F600, 0x301, 0x200D, 0x200B, 0x202E, 0xFEFF, 0xA0, 0x2028,
        0x85, 0x9B, 0x9F, 0xAD, 0x1F1EF, 0xFF21, 0x10FFFF, 0xFFFD, 0xD800, 0xDFFF,
        0x11_0000, UInt32.max,
    ]
    /// Letters the dialogs answer to (quit, conflict, restore), those of screens where no
    /// text is typed (?, q, y), a choice's first letters, and some that are text.
    static let typed = Array("yYnNcCrRoOdDlLq? pshaZ09.:/-_,@")
    static let pieces: [String] = [
        "https://clerk.acme.com/v1/oauth_callback", "read:jira-work, offline_access read:me", "acme-prod",
        "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6", "日本語のテキスト", "e\u{301}\u{301}", "👩‍👩‍👧", "\u{1B}[31mred\u{1B}[0m",
        "\u{1B}[201~", "\r\n", "\n\n\n", "\t", " ", "\u{202E}txt.exe", String(repeating: "W", count: 300),
    ]
    /// Escape sequences ncurses passes on byte by byte: Alt keys, modified keys of xterm,
    /// tmux and rxvt, focus reports, mouse reports (SGR and X10), strings, the linux
    /// console's F-keys, 8-bit introducers, and sequences with a control or an Esc inside.
    static let sequences: [String] = [
        "\u{1B}x", "\u{1B}y", "\u{1B}\u{7F}", "\u{1B}\u{1B}", "\u{1B}[1;5C", "\u{1B}[1;3D", "\u{1B}[3;5~", "\u{1B}[7^", "\u{1B}[2$",
        "\u{1B}[a", "\u{1B}Oa", "\u{1B}\u{1B}[A", "\u{1B}[I", "\u{1B}[O", "\u{1B}[<0;10;5M", "\u{1B}[<0;10;5m", "\u{1B}[<65;1;1M",
        "\u{1B}[M !!", "\u{1B}]11;rgb:0/0/0\u{07}", "\u{1B}]52;c;eA==\u{1B}\\", "\u{1B}P1$r0m\u{1B}\\", "\u{1B}[[A", "\u{1B}[?1;2c",
        "\u{1B}[12;40R", "\u{1B}[200~", "\u{1B}[201~", "\u{9B}1;5C", "\u{1B}[1;\u{03}5C", "\u{1B}[1;\u{11}5C", "\u{1B}[1;\u{1B}[B",
        "\u{1B}OM", "\u{1B}Op", "\u{1B}[27;5;9~", "\u{1B}[97;5u",
    ]
    static let sizes: [(Int, Int)] = [
        (0, 0), (1, 1), (0, 24), (80, 0), (2, 1), (5, 3), (39, 9), (40, 10), (41, 11),
        (50, 12), (60, 16), (79, 23), (80, 24), (80, 24), (100, 30), (120, 40), (400, 12), (1_000, 3),
    ]

    // MARK: Cases

    mutating func next() -> KeyFuzzCase {
        if !pool.isEmpty, chance(50) { return mutated(pick(pool)) }
        let fresh = generated()
        if pool.count - kept < 64 { pool.append(fresh) } else { pool[kept + int(64)] = fresh }
        return fresh
    }

    mutating func generated() -> KeyFuzzCase {
        var c = KeyFuzzCase()
        c.start = pick(KeyFuzzCase.Start.allCases)
        c.readOnly = chance(25)
        c.fileMode = chance(50) ? 0o644 : 0o600
        c.recovery = chance(80) ? .none : pick([.offered, .fileChangedSince])
        (c.width, c.height) = chance(60) ? (80, 24) : pick(Self.sizes)
        var size = (c.width, c.height)
        for _ in 0..<(chance(10) ? 1 + int(300) : 1 + int(40)) {
            let more = steps(size: size)
            for case .resize(let w, let h) in more { size = (w, h) }
            c.steps += more
        }
        return c
    }

    mutating func mutated(_ base: KeyFuzzCase) -> KeyFuzzCase {
        var c = base
        for _ in 0...int(3) {
            let at = int(c.steps.count + 1)
            switch int(8) {
            case 0, 1, 2: c.steps.insert(contentsOf: steps(size: (c.width, c.height)), at: at)
            case 3 where !c.steps.isEmpty: c.steps.removeSubrange(min(at, c.steps.count - 1)..<min(c.steps.count, at + 1 + int(8)))
            case 4 where at < c.steps.count: c.steps.insert(contentsOf: c.steps[at..<min(c.steps.count, at + 1 + int(16))], at: at)
            case 5:
                let other = pick(pool).steps
                c.steps = Array(c.steps.prefix(at)) + other.suffix(int(other.count + 1))
            case 6: c.readOnly.toggle()
            default: (c.width, c.height) = pick(Self.sizes)
            }
        }
        if c.steps.count > 2_000 { c.steps.removeLast(c.steps.count - 2_000) }
        return c
    }

    // MARK: Steps

    /// A few steps of one kind. `size`: the terminal's, for clicks on what it shows.
    mutating func steps(size: (width: Int, height: Int)) -> [KeyFuzzCase.Step] {
        switch int(110) {
        case 100..<110: return [pointer(size)]
        case 0..<24: return [.raw(.character(UInt32(pick(Self.typed).unicodeScalars.first!.value)), times: 1)]
        case 24..<28: return escapeSequence()
        case 28..<40: return [.raw(.keyCode(pick(Self.namedKeys)), times: 1)]
        case 40..<50: return [.raw(.character(pick([9, 13, 10, 27, 127, 8, 19, 17, 18, 1, 5, 14, 16, 0, 28, 31])), times: 1)]
        case 50: return [.raw(.character(3), times: 1)]
        case 51..<54: return [chance(50) ? .raw(.character(19), times: 1) : .raw(.keyCode(Self.codes.function[1]), times: 1)]
        case 54..<58: return [.raw(.character(pick(Self.oddCharacters)), times: 1)]
        case 58..<61: return [.raw(.keyCode(chance(50) ? pick(Self.oddKeyCodes) : Int32(truncatingIfNeeded: random.next())), times: 1)]
        case 61..<63: return [.raw(.character(UInt32(truncatingIfNeeded: random.next()) >> UInt32(int(32))), times: 1)]
        case 63..<75: return paste()
        case 75..<78: return [.raw(.keyCode(chance(50) ? Self.codes.pasteEnd : Self.codes.pasteStart), times: 1)]
        case 78..<81: return [.raw(.nothing(milliseconds: pick([0, 50, 100, 999, 1_000, Int.max])), times: 1 + int(25))]
        case 81..<86: return [.resize(width: pick(Self.sizes).0, height: pick(Self.sizes).1)]
        case 86..<88: return [.saves(pick(KeyFuzzCase.SaveResult.allCases))]
        case 88: return [.diskChanged(chance(70))]
        case 89..<95:
            // A jump of a few screens, so every screen (Review too) is reached often.
            return [.raw(.keyCode(chance(70) ? Self.codes.pageDown : Self.codes.pageUp), times: 1 + int(7))]
        default: return [longRun()]
        }
    }

    /// A click or a turn of the wheel: half anywhere, half where the console draws what
    /// takes clicks (the step list, the rows, the key bar, a dialog's middle).
    mutating func pointer(_ size: (width: Int, height: Int)) -> KeyFuzzCase.Step {
        let (w, h) = (max(1, size.width), max(1, size.height))
        let (x, y): (Int, Int)
        switch int(8) {
        case 0, 1, 2, 3: (x, y) = (int(w), int(h))
        case 4: (x, y) = (int(min(w, 16)), 1 + int(min(h - 1, 8)))
        case 5: (x, y) = (18 + int(max(1, w - 20)), 2 + int(max(1, h - 5)))
        case 6: (x, y) = (int(w), h - 1)
        default: (x, y) = (w / 4 + int(max(1, w / 2)), h / 3 + int(max(1, h / 3)))
        }
        return chance(85) ? .click(x: x, y: y) : .wheel(up: chance(50), x: x, y: y)
    }

    /// An escape sequence as raw reads, now and then cut short, and mostly followed by the
    /// silence in which the backend's read ends it.
    mutating func escapeSequence() -> [KeyFuzzCase.Step] {
        var scalars = Array(pick(Self.sequences).unicodeScalars)
        if chance(15) { scalars = Array(scalars.prefix(1 + int(scalars.count))) }
        var out: [KeyFuzzCase.Step] = scalars.map { .raw(.character($0.value), times: 1) }
        if chance(80) { out.append(.raw(.nothing(milliseconds: chance(50) ? 0 : Int(KeyDecoder.escapePollMilliseconds)), times: 1)) }
        return out
    }

    /// A held key: a long word, Backspace or Tab pressed thousands of times.
    mutating func longRun() -> KeyFuzzCase.Step {
        let inputs: [RawInput] = [
            .character(120), .character(0x65E5), .character(32), .character(127), .character(9),
            .keyCode(Self.codes.down), .keyCode(Self.codes.left), .keyCode(Self.codes.pageDown), .character(13),
        ]
        return .raw(pick(inputs), times: 1 + int(chance(5) ? 3_000 : 200))
    }

    /// A bracketed paste: markers, then pieces of text, line breaks, control and invalid
    /// codes and key codes; the end marker sometimes missing, then silence ends it.
    mutating func paste() -> [KeyFuzzCase.Step] {
        var out: [KeyFuzzCase.Step] = [.raw(.keyCode(Self.codes.pasteStart), times: 1)]
        for _ in 0..<(1 + int(6)) {
            switch int(10) {
            case 0..<4: out += pick(Self.pieces).unicodeScalars.map { .raw(.character($0.value), times: 1) }
            case 4: out.append(.raw(.character(pick([0, 3, 13, 10, 9, 27, 127, 0x9B])), times: 1 + int(3)))
            case 5: out.append(.raw(.character(pick(Self.oddCharacters)), times: 1))
            case 6: out.append(.raw(.keyCode(pick(Self.namedKeys + [Self.codes.resize, Self.codes.pasteStart])), times: 1))
            case 7: out.append(.resize(width: pick(Self.sizes).0, height: pick(Self.sizes).1))
            case 8: out.append(.raw(.nothing(milliseconds: 50), times: 1 + int(25)))
            default:
                // Long pastes, now and then past the limit.
                let count = chance(15) ? KeyDecoder.pasteLimit - 2 + int(5) : 1 + int(3_000)
                out.append(.raw(.character(pick([97, 0x65E5, 32, 13, 0x301])), times: count))
            }
        }
        if chance(85) { out.append(.raw(.keyCode(Self.codes.pasteEnd), times: 1)) }
        return out
    }
}
