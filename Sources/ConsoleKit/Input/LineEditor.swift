/// The text of a field while it is being edited, with a cursor. Text is kept as
/// Characters so the cursor never splits "ë" or "日".
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters`, 0...count.
    public private(set) var cursor: Int
    /// The value when editing began: Esc goes back to it.
    public let original: String
    /// `original.count`, kept because String counts by walking the whole text.
    private let originalCount: Int

    public init(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        original = text
        originalCount = characters.count
    }

    public var text: String { String(characters) }

    /// Asked on every frame (the title's unsaved marker): compares without building the
    /// text, and a typed or deleted character changes the count, so that case is O(1).
    public var isChanged: Bool {
        characters.count != originalCount || !characters.elementsEqual(original)
    }

    public mutating func insert(_ text: String) {
        let new = Array(text)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = characters.count }

    /// Back to the text editing began with.
    public mutating func revert() {
        characters = Array(original)
        cursor = characters.count
    }
}
