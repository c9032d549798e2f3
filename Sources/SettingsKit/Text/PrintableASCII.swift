extension Sequence where Element == UInt8 {
    /// Whether every byte is printable ASCII (space to tilde): text shown as it is, a column
    /// a byte, in any locale and terminal. The fast path of measuring, escaping and drawing
    /// text, which is nearly always this.
    @inlinable public var isPrintableASCII: Bool { allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
}
