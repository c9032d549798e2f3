/// The checks behind the rule table, keyed by finding code. Each returns one hit per
/// problem found; the wording lives in Resources/rules.json.
enum Rules {
    typealias Check = @Sendable (RuleInput) -> [Hit]

    static let redirectPath = "/v1/oauth_callback"

    static let checks: [String: Check] = [
        "instance/environment-missing": { input in
            choiceHits(input, "instance.environment", wanted: nil)
        },
        "instance/redirect-uri-missing": { input in
            input.filled("instance.redirectUri") == nil ? [Hit()] : []
        },
        "instance/redirect-uri-invalid": { input in
            // One problem at a time, the one most in the way first: what the URL Standard
            // refuses, then the scheme and path, then the parts a redirect URI never has.
            guard let (uri, parsed) = input.redirect else { return [] }
            switch parsed {
            case .failure(let refusal):
                return [Hit(value: uri, hint: refusal.reason, message: "notAURL")]
            case .success(let address):
                if !address.isHTTPS || !address.path.hasSuffix(redirectPath) { return [redirectShape(uri)] }
                if address.hasUserInfo { return [Hit(value: uri, message: "userInfo")] }
                if address.query != nil { return [Hit(value: uri, message: "query")] }
                if address.fragment != nil { return [Hit(value: uri, message: "fragment")] }
                return []
            }
        },
        "instance/redirect-uri-development-host": { input in
            guard input.text("instance.environment")?.isSameBytes(as: "production") == true,
                case .success(let address)? = input.redirect?.address, let host = address.parsedHost.domain
            else { return [] }
            let name = host.hasSuffix(".") ? String(host.dropLast()) : host
            guard let suffix = developmentHostSuffixes.first(where: { name.hasSuffix($0) }) else { return [] }
            return [Hit(value: input.redirect!.text, hint: suffix)]
        },
        "instance/redirect-uri-account-portal": { input in
            guard case .success(let address)? = input.redirect?.address, let host = address.parsedHost.domain,
                host.utf8.starts(with: (accountPortalLabel + ".").utf8)
            else { return [] }
            // The Frontend API of the same domain: clerk.<domain> for accounts.<domain>.
            let domain = String(decoding: host.utf8.dropFirst(accountPortalLabel.utf8.count + 1), as: UTF8.self)
            let frontend = "https://clerk." + domain + (address.port.map { ":\($0)" } ?? "") + redirectPath
            return [Hit(value: input.redirect!.text, hint: frontend)]
        },
        "app/name-missing": { input in input.filled("atlassianApp.name") == nil ? [Hit()] : [] },
        "app/description-missing": { input in input.filled("atlassianApp.description") == nil ? [Hit()] : [] },
        "app/logo-missing": { input in input.filled("atlassianApp.logo") == nil ? [Hit()] : [] },
        "permissions/read-me-missing": { input in
            (input.list("atlassianApp.scopes") ?? []).containsBytes(ScopeCatalogue.identityScope) ? [] : [Hit()]
        },
        "permissions/invalid-scope": { input in
            scopeLists(input).flatMap { key, scopes in
                scopes.filter { !ScopeCatalogue.isValidName($0) }.map { Hit(value: $0.isEmpty ? "An empty entry" : "\"\($0)\"", field: key) }
            }
        },
        "permissions/unknown-scope": { input in
            var seen = Set<ByteString>()
            var hits: [Hit] = []
            for (key, scopes) in scopeLists(input) {
                for scope in scopes
                where ScopeCatalogue.isValidName(scope) && !ScopeCatalogue.contains(scope) && seen.insert(ByteString(scope)).inserted {
                    // Only findings that are listed get a suggestion: a hostile file holds 400,000 scopes.
                    if let hit = unknownScope(scope, field: key, suggesting: hits.count < Readiness.findingsPerRule) { hits.append(hit) }
                }
            }
            return hits
        },
        "permissions/scope-not-enabled": { input in
            let enabled = Set((input.list("atlassianApp.scopes") ?? []).map(ByteString.init))
            // offline_access is asked for in the consent URL; no app enables it.
            return (input.list("connection.scopes") ?? [])
                .filter { ScopeCatalogue.isValidName($0) && !ScopeCatalogue.isRequestedOnly($0) && !enabled.contains(ByteString($0)) }
                // The catalogue's name, so the console can focus its checkbox; only public names,
                // never a value of the file (which could be the secret pasted there).
                .map { Hit(value: $0, entry: ScopeCatalogue.contains($0) ? $0 : nil) }
        },
        "authorization/callback-missing": { input in
            (input.list("atlassianApp.callbackUrls") ?? []).contains { !$0.trimmingWhitespace.isEmpty } ? [] : [Hit()]
        },
        "authorization/callback-mismatch": { input in
            let urls = input.list("atlassianApp.callbackUrls") ?? []
            guard let redirect = input.text("instance.redirectUri"), !redirect.trimmingWhitespace.isEmpty,
                urls.contains(where: { !$0.trimmingWhitespace.isEmpty })
            else { return [] }
            // Atlassian compares bytes: a callback in another Unicode normalization is another URL.
            if urls.containsBytes(redirect) { return [] }
            // Never "copy the redirect URI" when it is itself wrong.
            if !redirectRules.allSatisfy({ checks[$0]!(input).isEmpty }) { return [Hit(value: redirect, expected: redirect, fix: "redirectInvalid")] }
            for url in urls {
                if let miss = NearMiss.between(url, redirect) { return [miss.hit(value: url, expected: redirect)] }
            }
            return [Hit(value: redirect, expected: redirect)]
        },
        "authorization/callback-not-https": { input in
            // Judged by the same URL parser as the redirect URI: a callback URL the URL
            // Standard refuses (port 99999, a bad IPv4 host, ...) is not an https URL
            // either, and the message says why.
            // A loopback callback over http is how Atlassian apps are tested locally: not reported.
            (input.list("atlassianApp.callbackUrls") ?? []).compactMap { url in
                guard !url.trimmingWhitespace.isEmpty else { return nil }
                switch input.webAddress(url) {
                case .success(let address):
                    return address.isHTTPS || (address.scheme == "http" && isLocalTestCallback(address.parsedHost)) ? nil : Hit(value: url)
                case .failure(let refusal): return Hit(value: url, hint: refusal.reason, message: "notAURL")
                }
            }
        },
        "credentials/custom-credentials-off": { input in
            input.flag("connection.useCustomCredentials") == true ? [] : [Hit()]
        },
        "credentials/client-id-missing": { input in input.filled("connection.clientId") == nil ? [Hit()] : [] },
        "credentials/client-secret-missing": { input in input.filled("connection.clientSecret") == nil ? [Hit()] : [] },
        "credentials/client-id-malformed": { input in
            guard let id = input.filled("connection.clientId") else { return [] }
            return looksLikeClientID(id) ? [] : [Hit()]
        },
        "credentials/whitespace": { input in
            ["connection.clientId", "connection.clientSecret"].compactMap { key in
                guard let value = input.text(key), !value.trimmingWhitespace.isEmpty, value.containsWhitespace else { return nil }
                return Hit(field: key, label: Fields.field(key)!.label)
            }
        },
        "credentials/secret-equals-id": { input in
            guard let id = input.filled("connection.clientId"),
                let secret = input.filled("connection.clientSecret")
            else { return [] }
            return id.isSameBytes(as: secret) ? [Hit()] : []
        },
        "credentials/secret-too-short": { input in
            guard let secret = input.filled("connection.clientSecret") else { return [] }
            return Secret.isTooShort(secret) ? [Hit()] : []
        },
        "credentials/file-readable-by-others": { input in
            guard let mode = input.fileMode, input.filled("connection.clientSecret") != nil, mode & 0o044 != 0 else { return [] }
            return [Hit(value: "0" + String(mode & 0o777, radix: 8))]
        },
        "distribution/not-sharing": { input in
            choiceHits(input, "atlassianApp.distribution.status", wanted: "sharing")
        },
        "distribution/vendor-missing": { input in
            input.filled("atlassianApp.distribution.vendorName") == nil ? [Hit()] : []
        },
        "distribution/privacy-url-missing": { input in
            input.filled("atlassianApp.distribution.privacyPolicyUrl") == nil ? [Hit()] : []
        },
        "distribution/privacy-url-invalid": { input in
            invalidWebURL(input, "atlassianApp.distribution.privacyPolicyUrl")
        },
        "distribution/terms-url-missing": { input in
            input.filled("atlassianApp.distribution.termsUrl") == nil ? [Hit()] : []
        },
        "distribution/terms-url-invalid": { input in
            invalidWebURL(input, "atlassianApp.distribution.termsUrl")
        },
        "distribution/contact-url-invalid": { input in
            guard let url = input.text("atlassianApp.distribution.contactUrl"), !url.trimmingWhitespace.isEmpty else { return [] }
            return input.isWebURL(url) || WebAddress.isMailto(url) ? [] : [Hit(value: url)]
        },
        "distribution/personal-data-undeclared": { input in
            input.flag("atlassianApp.distribution.storesPersonalData") == true ? [] : [Hit()]
        },
        "connection/disabled": { input in input.flag("connection.enabled") == true ? [] : [Hit()] },
        "connection/link-only": { input in
            input.flag("connection.enabled") == true && input.flag("connection.signUpAndSignIn") != true ? [Hit()] : []
        },
        "credentials/secret-in-other-field": secretInOtherField,
        "permissions/too-many-scopes": { input in
            var seen = Set<[UInt8]>()
            for scope in input.list("atlassianApp.scopes") ?? [] where !scope.trimmingWhitespace.isEmpty {
                seen.insert(Array(scope.utf8))
            }
            return seen.count >= tooManyScopes ? [Hit(value: String(seen.count))] : []
        },
        "permissions/requested-scope-on-app": { input in
            var seen = Set<[UInt8]>()
            return (input.list("atlassianApp.scopes") ?? [])
                .filter { ScopeCatalogue.isRequestedOnly($0) && seen.insert(Array($0.utf8)).inserted }
                .map { Hit(value: $0) }
        },
    ]

    /// The rules that find the redirect URI itself wrong (it is there: the mismatch needs one).
    static let redirectRules = ["instance/redirect-uri-invalid", "instance/redirect-uri-development-host", "instance/redirect-uri-account-portal"]

    /// `localhost`, `127.0.0.1` and `[::1]`, the callbacks SPEC lets be http (Atlassian takes
    /// them for local testing): named hosts, not every loopback address (`URLHost.isLoopback`
    /// takes all of 127.0.0.0/8, where only the transport's safety is asked).
    static func isLocalTestCallback(_ host: URLHost) -> Bool {
        host == .domain("localhost") || host == .ipv4(0x7F00_0001) || host == .ipv6([0, 0, 0, 0, 0, 0, 0, 1])
    }

    /// A redirect URI that is not https or does not end in /v1/oauth_callback, held against
    /// what it should be, https://ITS-HOST/v1/oauth_callback: a near miss (a trailing slash,
    /// `oauth-callback`, `http`) gets a message that names the character and where it is.
    static func redirectShape(_ uri: String) -> Hit {
        let scalars = Array(uri.unicodeScalars)
        let end = scalars.firstIndex { $0 == "?" || $0 == "#" } ?? scalars.count
        guard end >= 3, let separator = (0...(end - 3)).first(where: { scalars[$0] == ":" && scalars[$0 + 1] == "/" && scalars[$0 + 2] == "/" })
        else { return Hit(value: uri) }
        let authority = scalars[(separator + 3)..<end].prefix { $0 != "/" }
        let expected = "https://" + String(String.UnicodeScalarView(authority)) + redirectPath
        guard let miss = NearMiss.between(String(String.UnicodeScalarView(scalars[..<end])), expected) else { return Hit(value: uri) }
        return miss.hit(value: uri)
    }

    /// A scope the catalogue does not have. A well-formed granular scope of a product
    /// Atlassian's scopes name (`read:issue:jira`) is not reported: the catalogue cannot
    /// list them all. One of an unknown product, or a near miss of a catalogue scope, says so.
    static func unknownScope(_ scope: String, field: String, suggesting: Bool) -> Hit? {
        /// The candidate at most two edits away; only those of about the same length are compared.
        func nearest(_ word: String, in candidates: [String]) -> String? {
            guard suggesting else { return nil }
            let length = word.unicodeScalars.count
            return EditDistance.nearest(to: word, in: candidates.filter { abs($0.unicodeScalars.count - length) <= 2 }, limit: 2)
        }
        switch ScopeCatalogue.granularShape(scope) {
        case .known?: return nil
        case .unknownProduct(let product)?:
            let near = nearest(product, in: ScopeCatalogue.granularProducts)
            return Hit(
                value: scope, field: field, hint: product, expected: near ?? "", message: near == nil ? "unknownProduct" : "nearProduct",
                fix: near == nil ? nil : "nearProduct")
        case nil:
            let near = nearest(scope, in: ScopeCatalogue.all.map(\.name))
            return Hit(value: scope, field: field, expected: near ?? "", message: near == nil ? nil : "nearMiss", fix: near == nil ? nil : "nearMiss")
        }
    }

    /// Development Frontend API hosts: `<slug>.clerk.accounts.dev`, formerly `*.lcl.dev`.
    static let developmentHostSuffixes = [".accounts.dev", ".lcl.dev"]
    /// The Account Portal's first label (`accounts.<domain>`); the Frontend API's is `clerk`.
    static let accountPortalLabel = "accounts"

    /// A choice field that is not the wanted value (nil: any of its choices). A value that
    /// is not one of the choices at all ("Sharing", "Production") gets the row's
    /// "notAChoice" message, which names the choice it should be.
    static func choiceHits(_ input: RuleInput, _ key: String, wanted: String?) -> [Hit] {
        guard case .choice(let choices)? = Fields.field(key)?.kind else { return [] }
        guard let value = input.text(key), !value.isEmpty else { return [Hit()] }
        if choices.containsBytes(value) {
            return wanted.map { value.isSameBytes(as: $0) } ?? true ? [] : [Hit()]
        }
        // Its own fix too: the table's fix names the choice as the screen shows it ("Sharing"),
        // which would repeat the wrong case.
        return [Hit(value: value, hint: Fields.field(key)!.suggestion(for: value), message: "notAChoice", fix: "notAChoice")]
    }

    /// Atlassian recommends fewer than 50 scopes per app.
    static let tooManyScopes = 50

    /// The Client Secret pasted into another field: any string value of the document,
    /// known key or not, list items included, and keys too. Each field is named once, by
    /// its dotted path; a key that holds the secret is named by the object it is in, so
    /// no path ever quotes the secret. Secrets under 8 characters are not searched for
    /// (`Secret.minimumSearchLength`, `credentials/secret-too-short`): they would be found everywhere. The search is
    /// byte for byte, as every exact comparison is (and a Character search made `audit`
    /// half as slow again).
    static let secretInOtherField: Check = { input in
        guard let secret = input.filled(Fields.secretKey), !Secret.isTooShort(secret) else { return [] }
        let needle = Array(secret.utf8)
        func holds(_ text: String) -> Bool { text.containsBytes(needle) }
        var hits: [Hit] = []
        func found(_ path: String, key: Bool) {
            let field = path.isEmpty ? "(top level)" : path
            let label: String
            if key {
                label = path.isEmpty ? "a top-level key" : "a key in \(path)"
            } else if let known = Fields.field(path) {
                label = "\(known.label) (\(path))"
            } else {
                label = path
            }
            hits.append(Hit(field: field, label: label))
        }
        // A value's path is built only when it holds the secret or has children: most hold neither.
        func join(_ parent: String, _ key: String?) -> String {
            guard let key else { return parent }
            return parent.isEmpty ? key : parent + "." + key
        }
        func walk(_ value: JSONValue, _ parent: String, _ key: String?) {
            switch value {
            case .string(let text), .number(let text):  // a number with the secret's digits too
                guard holds(text) else { return }
                let path = join(parent, key)
                if path == Fields.secretKey { return }
                // Equal to the Client ID is credentials/secret-equals-id already.
                if path == "connection.clientId", text.trimmingWhitespace.isSameBytes(as: secret) { return }
                found(path, key: false)
            case .array(let items):
                if items.contains(where: { item in
                    switch item {
                    case .string(let text), .number(let text): return holds(text)
                    default: return false
                    }
                }) {
                    found(join(parent, key), key: false)
                }
                for item in items {
                    switch item {
                    case .array, .object: walk(item, join(parent, key), nil)
                    default: continue
                    }
                }
            case .object(let object):
                let path = join(parent, key)
                var keyHolds = false
                for (name, child) in object {
                    if holds(name) { keyHolds = true; continue }
                    walk(child, path, name)
                }
                if keyHolds { found(path, key: true) }
            default:
                return
            }
        }
        walk(.object(input.settings.root), "", nil)
        return hits
    }

    static func scopeLists(_ input: RuleInput) -> [(String, [String])] {
        ["atlassianApp.scopes", "connection.scopes"].map { ($0, input.list($0) ?? []) }
    }

    static func invalidWebURL(_ input: RuleInput, _ key: String) -> [Hit] {
        guard let url = input.text(key), !url.trimmingWhitespace.isEmpty else { return [] }
        return input.isWebURL(url) ? [] : [Hit(value: url)]
    }

    /// Every public Client ID seen is 32 ASCII letters and digits (observed, not documented).
    static func looksLikeClientID(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }
}
