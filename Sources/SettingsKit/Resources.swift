/// The data files from the package's Resources/ folder, embedded at build time by the
/// EmbedResources plugin, so the binary works from any folder and as a lone copy.
public enum BundledResources {
    public static func text(_ name: String) -> String? { EmbeddedResources.files[name] }
    public static var names: [String] { EmbeddedResources.files.keys.sorted() }

    /// A file the program cannot work without; its absence is a build mistake.
    static func required(_ name: String) -> String {
        guard let text = text(name) else { fatalError("Resources/\(name) was not embedded at build time") }
        return text
    }

    /// The guide's help text for a console screen ("instance" … "distribution", "review").
    public static func help(for screen: String) -> String? { text("help/\(screen).md") }
}
