/// Where keys are named in a file: for each dotted key asked about, the line and column of
/// the first key at that path (list items are not part of a path, as findings name fields).
public struct KeyPositions: Equatable, Sendable {
    private var positions: [ByteString: TextPosition] = [:]

    public init() {}

    /// Reads `bytes` (a file that parsed) once more, for the keys at these paths.
    public init(of keys: [String], in bytes: [UInt8]) {
        let offsets = Array(JSONParser.keyOffsets(of: keys, in: bytes))
        for (i, position) in TextPosition.positions(of: offsets.map(\.value), in: bytes).enumerated() {
            positions[offsets[i].key] = position
        }
    }

    /// The position of the key at this dotted path; nil when the file does not have it.
    public subscript(key: String) -> TextPosition? { positions[ByteString(key)] }
}
