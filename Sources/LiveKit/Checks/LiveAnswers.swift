/// The answers of one run, shared by every file it judges: files that name the same
/// instance (or Frontend API, or Client ID and Secret) share one request each, however
/// many there are and however many threads judge them at once.
public final class LiveAnswers: @unchecked Sendable {
    private let configs = Locked<[String: Once<Result<RemoteConfig, LiveError>>]>([:])
    private let domains = Locked<[String: Once<Result<RemoteDomain, LiveError>>]>([:])
    private let frontends = Locked<[String: Once<Result<FrontendState, LiveError>>]>([:])
    private let probes = Locked<[String: Once<Result<ProbeAnswer, LiveError>>]>([:])

    public init() {}

    func config(_ target: ClerkTarget, _ base: String, _ make: () -> Result<RemoteConfig, LiveError>) -> Result<RemoteConfig, LiveError> {
        Self.cell(configs, base + "\u{0}" + target.app + "\u{0}" + target.instance).get(make)
    }

    func domain(_ app: String, _ base: String, _ make: () -> Result<RemoteDomain, LiveError>) -> Result<RemoteDomain, LiveError> {
        Self.cell(domains, base + "\u{0}" + app).get(make)
    }

    func frontend(_ url: String, _ make: () -> Result<FrontendState, LiveError>) -> Result<FrontendState, LiveError> {
        Self.cell(frontends, url).get(make)
    }

    /// Keyed by the pair itself, in memory only: two files with one Client ID but
    /// different secrets are two questions.
    func probe(_ key: String, _ make: () -> Result<ProbeAnswer, LiveError>) -> Result<ProbeAnswer, LiveError> {
        Self.cell(probes, key).get(make)
    }

    private static func cell<T>(_ table: Locked<[String: Once<T>]>, _ key: String) -> Once<T> {
        table.with { cells in
            if let cell = cells[key] { return cell }
            let cell = Once<T>()
            cells[key] = cell
            return cell
        }
    }
}
