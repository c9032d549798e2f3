/// Where each part of the screen goes at a given terminal size. From 80x24 up: title,
/// a step list on the left, the form, a status line and the key bar. Smaller: the step
/// list shrinks to one line under the title. Below 40x10 there is no room to edit, and
/// the screen says so.
struct Layout: Equatable, Sendable {
    enum Mode: Equatable, Sendable { case full, compact, tooSmall }

    static let fullWidth = 80, fullHeight = 24
    static let minimumWidth = 40, minimumHeight = 10
    static let sidebarWidth = 17

    let width: Int
    let height: Int
    let mode: Mode
    /// Rows of the status line: a long fix or message is wrapped onto more, taken from
    /// the bottom of the body.
    let statusLines: Int

    init(width: Int, height: Int, statusLines: Int = 1) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.statusLines = max(1, statusLines)
        if width >= Layout.fullWidth && height >= Layout.fullHeight {
            mode = .full
        } else if width >= Layout.minimumWidth && height >= Layout.minimumHeight {
            mode = .compact
        } else {
            mode = .tooSmall
        }
    }

    /// The first row of the status line.
    var statusRow: Int { height - 1 - statusLines }
    var keyBarRow: Int { height - 1 }

    /// The step list: a column in the full layout, one line in the compact one.
    var steps: Rect {
        mode == .full
            ? Rect(x: 0, y: 1, width: Layout.sidebarWidth, height: height - 2 - statusLines)
            : Rect(x: 0, y: 1, width: width, height: 1)
    }

    /// Where the screen's own content goes (form, review, help).
    var body: Rect {
        mode == .full
            ? Rect(x: Layout.sidebarWidth + 2, y: 1, width: width - Layout.sidebarWidth - 3, height: height - 2 - statusLines)
            : Rect(x: 1, y: 2, width: width - 2, height: height - 3 - statusLines)
    }

    /// Width of the label column in forms.
    var labelWidth: Int { mode == .full ? 22 : min(16, body.width / 3) }
}
