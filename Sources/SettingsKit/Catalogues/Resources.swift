/// The data files from the package's Resources/ folder, embedded at build time by the
/// EmbedResources plugin, so the binary works from any folder and as a lone copy. Each is
/// a generated constant: a renamed resource fails the build, not the first run.
public enum BundledResources {
    public static var rules: String { EmbeddedResources.rules }
    public static var scopes: String { EmbeddedResources.scopes }
    public static var explain: String { EmbeddedResources.explain }
    /// The findings of `verify`'s live checks (LiveKit), beside the rules.
    public static var live: String { EmbeddedResources.live }
    /// The man page's sections beyond the commands: exit status, environment, files, examples.
    public static var manual: String { EmbeddedResources.manual }
    /// The console's keys, shown after every screen's help.
    public static var keysHelp: String { EmbeddedResources.Help.keys }
    /// The fleet list's help (`social-console DIR`), before the keys.
    public static var fleetHelp: String { EmbeddedResources.Help.fleet }

    /// The guide's help text for a console screen ("instance" … "distribution", "review").
    public static func help(for screen: String) -> String? { EmbeddedResources.Help.all[screen] }
}
