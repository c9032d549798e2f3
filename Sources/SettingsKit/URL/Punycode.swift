/// Punycode (RFC 3492), the Bootstring encoding behind IDNA's "xn--" labels: a domain
/// label in any script written with the ASCII letters, digits and hyphen. Decoding tells
/// a valid "xn--" label from one that only looks like it; encoding gives the ASCII form of
/// a non-ASCII label.
enum Punycode {
    // The parameter values RFC 3492 section 5 fixes for Punycode.
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN: UInt32 = 0x80
    private static let delimiter = UInt8(ascii: "-")

    /// The code points a label's Punycode stands for (the text after "xn--"), or nil
    /// when it is not valid Punycode: a digit that is not a letter or digit, a number
    /// that overflows, a code point beyond Unicode or a surrogate, an encoded ASCII
    /// character, or a run that ends in the middle of a number.
    static func decode(_ input: ArraySlice<UInt8>) -> [UInt32]? {
        var output: [UInt32] = []
        var position = input.startIndex
        // The basic code points come before the last delimiter; a delimiter with nothing
        // before it is not one, and then fails below as a digit.
        if let last = input.lastIndex(of: delimiter), last > input.startIndex {
            for b in input[..<last] {
                guard b < 0x80 else { return nil }
                output.append(UInt32(b))
            }
            position = last + 1
        }
        var n = initialN, i = 0, bias = initialBias
        while position < input.endIndex {
            let oldI = i
            var w = 1, k = base
            while true {
                guard position < input.endIndex, let digit = digitValue(input[position]) else { return nil }
                position += 1
                guard digit <= (Int(Int32.max) - i) / w else { return nil }
                i += digit * w
                let t = threshold(k, bias)
                if digit < t { break }
                guard w <= Int(Int32.max) / (base - t) else { return nil }
                w *= base - t
                k += base
            }
            let count = output.count + 1
            bias = adapt(i - oldI, count, first: oldI == 0)
            let step = i / count
            guard step <= 0x10FFFF, n + UInt32(step) <= 0x10FFFF else { return nil }
            n += UInt32(step)
            i %= count
            // An encoded basic (ASCII) code point, or a surrogate, is not valid Punycode.
            guard n >= 0x80, !(0xD800...0xDFFF).contains(n) else { return nil }
            output.insert(n, at: i)
            i += 1
        }
        return output
    }

    /// The Punycode of a label's code points (without "xn--"), or nil on overflow.
    static func encode(_ input: [UInt32]) -> [UInt8]? {
        var output: [UInt8] = input.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(delimiter) }
        var n = initialN, delta = 0, bias = initialBias
        while handled < input.count {
            guard let m = input.filter({ $0 >= n }).min() else { return nil }
            let increase = Int(m - n)
            guard increase <= (Int(Int32.max) - delta) / (handled + 1) else { return nil }
            delta += increase * (handled + 1)
            n = m
            for c in input {
                if c < n {
                    delta += 1
                    guard delta <= Int(Int32.max) else { return nil }
                }
                guard c == n else { continue }
                var q = delta, k = base
                while true {
                    let t = threshold(k, bias)
                    if q < t { break }
                    output.append(digitByte(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digitByte(q))
                bias = adapt(delta, handled + 1, first: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return output
    }

    private static func threshold(_ k: Int, _ bias: Int) -> Int {
        k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
    }

    private static func adapt(_ delta: Int, _ numPoints: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / numPoints
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    /// a–z (or A–Z) are 0–25, 0–9 are 26–35.
    private static func digitValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x61...0x7A: return Int(b - 0x61)
        case 0x41...0x5A: return Int(b - 0x41)
        case 0x30...0x39: return Int(b - 0x30) + 26
        default: return nil
        }
    }

    private static func digitByte(_ d: Int) -> UInt8 { d < 26 ? UInt8(0x61 + d) : UInt8(0x30 + d - 26) }
}
