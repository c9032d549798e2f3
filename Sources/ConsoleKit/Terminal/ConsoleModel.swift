import SettingsKit

/// What a terminal session runs (`ConsoleSession`): a state, its one reducer
/// (`EventHandling`) and the frame drawn from it. The walkthrough of one file
/// (`ConsoleState`) is one; the fleet list (`FleetState`), which holds a walkthrough while
/// a file of the fleet is open, is another.
public protocol ConsoleModel: EventHandling, Equatable {
    /// The whole frame, at the size last reported (`Event.resized`).
    func render() -> CellBuffer
    /// The file whose copy on disk the session compares with the one it holds, about once
    /// a second (`Event.diskChecked`); nil while no file is open.
    var watchedFile: (path: String, base: LoadedFile?)? { get }
    /// Lines for standard error once the terminal is the shell's again.
    var farewell: [String] { get }
    /// The dialog waiting for an answer, if any: one a job opened is answered only by keys
    /// typed once it is on screen.
    var shownDialog: ShownDialog? { get }
}

/// Which dialog is open (`Overlay`, seen from outside ConsoleKit only as itself).
public struct ShownDialog: Equatable, Sendable {
    let overlay: Overlay
}

extension ConsoleState: ConsoleModel {
    public func render() -> CellBuffer { Renderer.render(self, width: width, height: height) }
    public var watchedFile: (path: String, base: LoadedFile?)? { (path, edit.base) }
    public var farewell: [String] { edit.farewell }
    public var shownDialog: ShownDialog? { overlay.map(ShownDialog.init) }
}
