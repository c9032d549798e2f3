/// The text of a field while it is being edited, with a cursor. Text is kept as
/// Characters so the cursor never splits "ë" or "日".
struct LineEditor: Equatable, Sendable {
    private(set) var characters: [Character]
    /// Index into `characters`, 0...count.
    private(set) var cursor: Int
    /// The value when editing began: Esc goes back to it.
    let original: String
    /// `original.count`, kept because String counts by walking the whole text.
    private let originalCount: Int

    init(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        original = text
        originalCount = characters.count
    }

    var text: String { String(characters) }

    /// Asked on every frame (the title's unsaved marker): compares without building the
    /// text, and a typed or deleted character changes the count, so that case is O(1).
    var isChanged: Bool {
        characters.count != originalCount || !characters.elementsEqual(original)
    }

    mutating func insert(_ text: String) {
        let new = Array(text)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    /// The whole text replaced, the cursor after it.
    mutating func replaceAll(with text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    mutating func left() { cursor = max(0, cursor - 1) }
    mutating func right() { cursor = min(characters.count, cursor + 1) }
    mutating func home() { cursor = 0 }
    mutating func end() { cursor = characters.count }

    /// Ctrl-U: everything before the cursor.
    mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-K: everything from the cursor on.
    mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Ctrl-W, as the shell's: back to the previous space, so a whole URL or scope goes
    /// at once. A comma separates too, since lists are typed with commas as well.
    mutating func deleteWordBeforeCursor() {
        deleteBack { $0.isWhitespace || $0 == "," }
    }

    /// Alt-Backspace, as the shell's: back over one run of letters and digits, so
    /// "…/oauth_callback" loses "callback" and the rest of a URL stays.
    mutating func deleteAlphanumericWordBeforeCursor() {
        deleteBack { !($0.isLetter || $0.isNumber) }
    }

    /// Deletes the separators just before the cursor, then the word before them.
    private mutating func deleteBack(separator: (Character) -> Bool) {
        var start = cursor
        while start > 0, separator(characters[start - 1]) { start -= 1 }
        while start > 0, !separator(characters[start - 1]) { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// What the key table's editing actions do (their keys are its "In a text field"
    /// rows, as in a shell); false for an action that does not edit text.
    mutating func perform(_ action: Action) -> Bool {
        switch action {
        case .cursorLeft: left()
        case .cursorRight: right()
        case .cursorHome: home()
        case .cursorEnd: end()
        case .deleteBackward: backspace()
        case .deleteForward: deleteForward()
        case .deleteToStart: deleteToStart()
        case .deleteToEnd: deleteToEnd()
        case .deleteWord: deleteWordBeforeCursor()
        case .deleteAlphanumericWord: deleteAlphanumericWordBeforeCursor()
        case .revert: revert()
        default: return false
        }
        return true
    }

    /// Back to the text editing began with.
    mutating func revert() {
        characters = Array(original)
        cursor = characters.count
    }
}
