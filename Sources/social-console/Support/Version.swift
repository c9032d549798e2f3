/// The program's version: `--version`, `--help`, the man page and `make install` read it from here.
enum Version {
    static let number = "1.0.0"
    /// What `social-console --version` prints.
    static let line = "social-console \(number)"
}
