/// One step of a path into a document: an object key or an array index.
public enum JSONPathComponent: Equatable, Sendable {
    case key(String)
    case index(Int)
}
