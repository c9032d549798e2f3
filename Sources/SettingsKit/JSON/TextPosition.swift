/// A 1-based line and column (counted in characters, not bytes) for a byte offset.
public struct TextPosition: Equatable, Sendable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) { self.line = line; self.column = column }

    public init(offset: Int, in bytes: [UInt8]) { self = TextPosition.positions(of: [offset], in: bytes)[0] }

    /// The positions of several offsets, in their order, from one pass over the bytes.
    public static func positions(of offsets: [Int], in bytes: [UInt8]) -> [TextPosition] {
        var positions = [TextPosition](repeating: TextPosition(line: 1, column: 1), count: offsets.count)
        var line = 1, column = 1
        var k = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { k = 3 }
        for index in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            let end = min(offsets[index], bytes.count)
            while k < end {
                let b = bytes[k]
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
                k += 1
            }
            positions[index] = TextPosition(line: line, column: column)
        }
        return positions
    }
}
