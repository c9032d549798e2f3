import SettingsKit
import Testing

@Suite struct BidiControlTests {
    /// The fast range check is exactly Unicode's property: over the whole Basic
    /// Multilingual Plane (where every bidi control is) and a spread of the planes above.
    @Test func theRangesAreExactlyUnicodesBidiControls() {
        var mismatches: [UInt32] = []
        for value in Array(UInt32(0)...0xFFFF) + Array(stride(from: UInt32(0x10000), through: 0x10FFFF, by: 97)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isBidiControlCharacter != scalar.properties.isBidiControl { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "differs at \(mismatches.prefix(10).map { String($0, radix: 16) })")
    }
}
