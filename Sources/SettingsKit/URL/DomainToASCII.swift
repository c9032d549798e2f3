/// The URL Standard's "domain to ASCII" for a host that is not plain ASCII, or that has
/// an "xn--" label: UTS #46 processing (non-transitional, no STD3 rules, no DNS length
/// check), as far as it can be done without Unicode's IDNA mapping table.
///
/// Covered: ASCII lowercasing; the fullwidth ASCII forms (U+FF01–FF5E) and the
/// ideographic, fullwidth and halfwidth full stops as label separators; default-ignorable
/// code points (soft hyphen, zero-width space, word joiner, BOM, variation selectors)
/// removed; other characters lowercased (Unicode's full lowercase mapping) and put in
/// NFC; controls, unassigned, private-use, format, separator and non-characters and
/// U+FFFD refused; every "xn--" label decoded as Punycode and checked (not empty, not all
/// ASCII, in NFC, no leading combining mark, only characters the mapping keeps as they
/// are); non-ASCII labels Punycode-encoded.
///
/// Not covered (so refused, or accepted, where full UTS #46 would differ): characters
/// whose mapping needs the compatibility decomposition tables (ligatures, mathematical
/// letters, circled and squared forms, ...) are refused instead of mapped; the joiners
/// U+200C/U+200D are refused instead of judged by their context (CheckJoiners); the
/// Bidi rule (RFC 5893, CheckBidi) is not checked; case folding differs from Unicode's
/// lowercase mapping for a few characters (e.g. Cherokee). Hosts in settings files are
/// ASCII in practice: these gaps only matter for hand-made international domains.
enum DomainToASCII {
    /// The ASCII domain, lowercase, with Punycode labels; or why the host is refused.
    static func convert(_ input: [UInt8]) -> Result<[UInt8], WebAddress.Refusal> {
        // Percent-decoded bytes that are not UTF-8 become U+FFFD, which is refused below.
        var mapped: [Unicode.Scalar] = []
        for s in String(decoding: input, as: UTF8.self).unicodeScalars {
            switch s.value {
            case 0x41...0x5A: mapped.append(Unicode.Scalar(s.value + 0x20)!)
            case 0..<0x80: mapped.append(s)
            case 0x3002, 0xFF0E, 0xFF61: mapped.append(".")
            case 0xFF01...0xFF5E:
                let ascii = s.value - 0xFEE0
                mapped.append(Unicode.Scalar((0x41...0x5A).contains(ascii) ? ascii + 0x20 : ascii)!)
            case 0x200C, 0x200D:
                return .failure(.invalidDomain)
            default:
                let p = s.properties
                if p.isDefaultIgnorableCodePoint { continue }
                guard !isDisallowed(s) else { return .failure(.invalidDomain) }
                mapped.append(contentsOf: p.lowercaseMapping.unicodeScalars)
            }
        }
        let nfc = String(decoding: String(String.UnicodeScalarView(mapped))._nfcCodeUnits, as: UTF8.self)

        var out: [UInt8] = []
        var first = true
        for label in nfc.unicodeScalars.split(separator: ".", omittingEmptySubsequences: false) {
            if !first { out.append(UInt8(ascii: ".")) }
            first = false
            let scalars = Array(label)
            if scalars.count >= 4, scalars[0] == "x", scalars[1] == "n", scalars[2] == "-", scalars[3] == "-" {
                guard scalars.allSatisfy(\.isASCII) else { return .failure(.invalidPunycode) }
                let ascii = scalars.map { UInt8($0.value) }
                // Decoding never yields a surrogate or a value beyond Unicode, so every value is a scalar.
                guard let decoded = Punycode.decode(ascii[4...]), !decoded.isEmpty, !decoded.allSatisfy({ $0 < 0x80 }),
                    isValidLabel(decoded.compactMap(Unicode.Scalar.init))
                else { return .failure(.invalidPunycode) }
                out += ascii
            } else if scalars.allSatisfy(\.isASCII) {
                out += scalars.map { UInt8($0.value) }
            } else {
                guard isValidLabel(scalars), let encoded = Punycode.encode(scalars.map(\.value)) else {
                    return .failure(.invalidDomain)
                }
                out += Array("xn--".utf8) + encoded
            }
        }
        return .success(out)
    }

    /// A label UTS #46 would keep as it is: in NFC, not starting with a combining mark,
    /// and made only of characters the mapping leaves alone.
    static func isValidLabel(_ label: [Unicode.Scalar]) -> Bool {
        if let first = label.first {
            switch first.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return false
            default: break
            }
        }
        let text = String(String.UnicodeScalarView(label))
        guard text._nfcCodeUnits.elementsEqual(text.utf8) else { return false }
        return label.allSatisfy { s in
            if s.isASCII { return !(0x41...0x5A).contains(s.value) }
            if s.value == 0x200C || s.value == 0x200D { return false }
            let p = s.properties
            if isDisallowed(s) || p.isDefaultIgnorableCodePoint { return false }
            // ß and final sigma are deviations: kept by non-transitional processing,
            // though case folding would change them.
            return !p.changesWhenNFKCCaseFolded || s.value == 0xDF || s.value == 0x3C2
        }
    }

    static func isDisallowed(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        switch p.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return p.isNoncharacterCodePoint || s.value == 0xFFFD
        }
    }
}
