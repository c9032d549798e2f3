/// The data files from the package's Resources/ folder, embedded at build time.
public enum BundledResources {
    public static func text(_ name: String) -> String? { EmbeddedResources.files[name] }
    public static var names: [String] { EmbeddedResources.files.keys.sorted() }
}
