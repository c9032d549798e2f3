/// A mouse report as the terminal sends it with SGR 1006 mouse reporting on
/// (`ESC [ < button ; column ; row M`, `m` for a release). Positions are from 0 here.
public struct MouseEvent: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case press(button: Int)
        case release(button: Int)
        case wheelUp, wheelDown
    }

    let kind: Kind
    let x: Int
    let y: Int

    init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// The report after `ESC [ <`: "0;12;5M". Nil for anything else; motion reports and
    /// the modifier bits (Shift 4, Alt 8, Ctrl 16) are taken as the plain event.
    init?(sgr text: some StringProtocol) {
        guard let final = text.last, final == "M" || final == "m" else { return nil }
        let numbers = text.dropLast().split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 3, let code = numbers[0], let column = numbers[1], let row = numbers[2],
            code >= 0, column >= 1, row >= 1
        else { return nil }
        let button = code & ~(4 | 8 | 16 | 32)
        switch button {
        case 64: kind = .wheelUp
        case 65: kind = .wheelDown
        case 0, 1, 2: kind = final == "M" ? .press(button: button) : .release(button: button)
        default: return nil
        }
        // A motion report (bit 32) with a button held is a drag: not a click.
        if code & 32 != 0, case .press = kind { return nil }
        x = column - 1
        y = row - 1
    }
}
