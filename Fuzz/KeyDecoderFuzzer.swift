// libFuzzer entry for the key decoder. Compiled with Key.swift, RawInput.swift and
// KeyDecoder.swift into one module by Fuzz/run-libfuzzer.sh keys (they need nothing
// else), so coverage guides the byte stream into the paste corners. The suite's
// KeyFuzzTests drive decoder, reducer and renderer together; this goes deeper into the
// decoder alone. Properties are checked with traps, so libFuzzer keeps the input.
#if canImport(Glibc)
import Glibc
#endif

/// curses.h's values, as in the tests; the paste markers are KEY_MAX + 1 and + 2.
let fuzzCodes = KeyCodes(
    up: 0o403, down: 0o402, left: 0o404, right: 0o405, home: 0o406, end: 0o550,
    pageUp: 0o523, pageDown: 0o522, backspace: 0o407, delete: 0o512, backTab: 0o541, enter: 0o527,
    resize: 0o632, function: { 0o410 + Int32($0) }, pasteStart: 0o1000, pasteEnd: 0o1001, mouse: 0o631)

/// Bytes → raw reads: a tag byte picks the kind, the next bytes give its value. Markers
/// and resizes get their own tags so the fuzzer finds them without guessing 16 bits.
func rawInputs(_ bytes: UnsafeBufferPointer<UInt8>) -> [RawInput] {
    var out: [RawInput] = []
    var i = 0
    func next() -> UInt32 { defer { i += 1 }; return i < bytes.count ? UInt32(bytes[i]) : 0 }
    while i < bytes.count {
        switch next() % 8 {
        case 0: out.append(.keyCode(fuzzCodes.pasteStart))
        case 1: out.append(.keyCode(fuzzCodes.pasteEnd))
        case 2: out.append(.keyCode(fuzzCodes.resize))
        case 3: out.append(.keyCode(Int32(bitPattern: next() << 8 | next()) - 0x100))
        case 4: out.append(.nothing(milliseconds: Int(next()) * 10))
        case 5: out.append(.character(next() << 24 | next() << 16 | next() << 8 | next()))
        case 6: out.append(.character(next() << 8 | next()))
        default: out.append(.character(next()))
        }
    }
    return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var decoder = KeyDecoder(codes: fuzzCodes)
    let inputs = rawInputs(UnsafeBufferPointer(start: data, count: size))
    // To turn a crash into a KeyDecoderTests case: the reads it stands for.
    if getenv("KEY_FUZZ_PRINT") != nil { inputs.forEach { print($0) } }
    for input in inputs {
        if let held = decoder.takeHeldKey() { precondition(held == .resize, "only a resize is ever held") }
        let collecting = decoder.isCollectingPaste
        let inSequence = decoder.isAssembling && !collecting
        guard let key = decoder.decode(input) else { continue }
        switch key {
        case .paste(let text):
            precondition(collecting, "a paste came out of no paste")
            precondition(text.unicodeScalars.count <= KeyDecoder.pasteLimit, "a paste over the limit")
            for scalar in text.unicodeScalars {
                let v = scalar.value
                precondition(v == 10 || (v >= 0x20 && !(0x7F..<0xA0).contains(v)), "control code \(v) in a paste")
            }
        case .char(let c):
            precondition(!collecting, "a key from inside a paste")
            // Out of an escape sequence only the keypad's characters come (ESC O p is 0).
            precondition(!inSequence || "*+,-./0123456789=".contains(c), "an escape sequence typed \(c)")
            let v = c.unicodeScalars.first!.value
            precondition(c.unicodeScalars.count == 1 && v >= 0x20 && v != 0x7F, "control code \(v) as a character")
        default:
            precondition(!collecting, "a key from inside a paste")
        }
    }
    return 0
}
