/// A 1-based line and column (counted in characters, not bytes) for a byte offset.
public struct TextPosition: Equatable, Sendable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) { self.line = line; self.column = column }

    public init(offset: Int, in bytes: [UInt8]) {
        var line = 1, column = 1
        let end = min(offset, bytes.count)
        var k = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { k = min(3, end) }
        while k < end {
            let b = bytes[k]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        self.init(line: line, column: column)
    }
}
