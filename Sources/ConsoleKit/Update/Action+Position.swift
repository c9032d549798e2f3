extension Action {
    /// Where a scrolling key (Down, Up, PgDn, PgUp, Home, End) moves a position in a list
    /// or a text: one step, a `page`, the top, or `end`. The caller keeps the result in
    /// its bounds. Help's text, a dialog's list, the fleet list and its by-code panel all
    /// move so.
    func position(from position: Int, page: Int, end: Int) -> Int {
        switch self {
        case .scrollDown: position + 1
        case .scrollUp: position - 1
        case .pageDown: position + page
        case .pageUp: position - page
        case .scrollTop: 0
        default: end
        }
    }
}
