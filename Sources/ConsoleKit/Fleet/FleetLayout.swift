/// Where the fleet list's parts go at a terminal size: the title, the column headings, the
/// rows, a status line, the key bar. Below the console's smallest size (40x10) the screen
/// says the window is too small, as every screen does.
struct FleetLayout: Equatable, Sendable {
    let width: Int
    let height: Int

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }

    let titleRow = 0
    let headerRow = 1
    /// The first row of the list.
    let listTop = 2
    var statusRow: Int { height - 2 }
    var keyBarRow: Int { height - 1 }
    /// Rows of files (or codes) in view.
    var listRows: Int { max(1, statusRow - listTop) }
    /// Where help goes: every row between the title and the status line.
    var body: Rect { Rect(x: 1, y: 1, width: width - 2, height: statusRow - 1) }
}
