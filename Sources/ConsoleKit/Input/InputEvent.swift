/// What one decoded terminal input is to the console, decided here and nowhere else: a
/// key for the reducer, the terminal's new size, a click or a turn of the wheel
/// hit-tested against the frame on screen, or nothing at all (a release, a click on
/// nothing, a sequence or Alt key the console has no use for).
extension Event {
    /// `frame`: what the terminal shows now; `size`: the terminal's size now (asked only
    /// for a resize).
    init?(_ key: Key, frame: CellBuffer?, size: () -> (width: Int, height: Int)) {
        switch key {
        case .resize:
            let (width, height) = size()
            self = .resized(width: width, height: height)
        case .mouse(let mouse):
            switch mouse.kind {
            case .wheelUp: self = .scrolled(-1)
            case .wheelDown: self = .scrolled(1)
            case .press(button: 0):
                guard let target = frame?.target(atX: mouse.x, y: mouse.y) else { return nil }
                self = .clicked(target)
            case .press, .release: return nil
            }
        default:
            // An unknown sequence, Alt with a letter: changes nothing at all (Alt-x
            // neither types "x" nor cancels the edit, as a lone Esc would).
            if key.isIgnored { return nil }
            self = .key(key)
        }
    }
}
