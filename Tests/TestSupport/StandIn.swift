import Foundation

/// The local HTTPS stand-in for Clerk's Platform API, the Frontend API and Atlassian's token
/// endpoint (Tests/LiveStandIn/standin.py), on 127.0.0.1 with a certificate made for the
/// test run. Its state (instances, the valid key, faults to play) is a JSON file the test
/// writes; every request it received is in its log.
public final class StandIn: @unchecked Sendable {
    /// The Platform API key the stand-in accepts, searched for in every output like the secret.
    public static let apiKey = "ak_standin_KEY_9f8e7d6c5b4a39281706"
    /// The application and instance of `defaultState`.
    public static let app = "app_2StandIn"
    public static let clientId = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"

    public let folder = TemporaryFolder("standin")
    public let port: Int
    /// An HTTP proxy (CONNECT only) in front of the stand-in; `proxyLog()` lists its tunnels.
    public let proxyPort: Int
    private let process = Process()
    private let input = Pipe()

    /// The stand-in's base URL, e.g. https://127.0.0.1:40123.
    public var url: String { "https://127.0.0.1:\(port)" }
    /// The Frontend API URL of `app`'s production instance, as its domain lists it.
    public func frontendURL(_ app: String = StandIn.app) -> String { url + "/fapi/" + app }
    public func redirectURI(_ app: String = StandIn.app) -> String { frontendURL(app) + "/v1/oauth_callback" }

    /// Whether `bytes` hold the key anywhere.
    public static func keyIsIn(_ bytes: some Sequence<UInt8>) -> Bool { TestSecret.holds(Array(bytes), apiKey) }

    /// Writes the key as `--api-key-file` reads it (one line), with `mode`; returns `path`.
    @discardableResult
    public static func writeKeyFile(_ path: String, mode: mode_t = 0o600) throws -> String {
        try (apiKey + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    /// A production file that matches the stand-in's instance and is ready (the example
    /// acme-prod.json, with the stand-in's redirect URI and application), as JSON.
    public func readySettings() throws -> [String: Any] {
        var json = try JSONSerialization.jsonObject(with: Data(Repository.text("Resources/examples/acme-prod.json").utf8)) as! [String: Any]
        var instance = json["instance"] as! [String: Any]
        instance["redirectUri"] = redirectURI()
        json["instance"] = instance
        var app = json["atlassianApp"] as! [String: Any]
        app["callbackUrls"] = [redirectURI()]
        json["atlassianApp"] = app
        json["clerk"] = ["applicationId": StandIn.app, "instance": "production"]
        return json
    }

    /// The certificate the stand-in serves, trusted through SSL_CERT_FILE; made once per
    /// test process with the openssl command.
    public static let certificate: (cert: String, key: String) = {
        let folder = TemporaryFolder.make("standin-cert")
        let cert = folder + "/cert.pem", key = folder + "/key.pem"
        let result = try? ProcessRun.run(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ])
        precondition(result?.code == 0, "openssl could not make the stand-in's certificate: \(result?.errText ?? "not run")")
        return (cert, key)
    }()

    public init(state: [String: Any]? = nil) throws {
        let (cert, key) = StandIn.certificate
        try StandIn.writeJSON(state ?? StandIn.defaultState(port: 0), to: folder.file("state.json"))
        _ = FileManager.default.createFile(atPath: folder.file("requests.jsonl"), contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.path("Tests/LiveStandIn/standin.py"), folder.path, cert, key]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        func readLine() -> Int? {
            var line = Data()
            while let byte = try? output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
                line.append(byte)
            }
            return Int(String(decoding: line, as: UTF8.self))
        }
        guard let port = readLine(), let proxyPort = readLine() else {
            throw StandInError("the stand-in did not start (python3 missing?)")
        }
        self.port = port
        self.proxyPort = proxyPort
        if state == nil { try setState(StandIn.defaultState(port: port)) }
    }

    deinit { stop() }

    public func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.waitUntilExit() }
    }

    // MARK: State

    /// A production instance with the connection enabled, the stand-in's app's primary
    /// domain, and `TestSecret.value` accepted by Atlassian for `clientId`.
    public static func defaultState(port: Int) -> [String: Any] {
        let base = "https://127.0.0.1:\(port)"
        return [
            "apiKey": apiKey,
            "applications": [
                app: [
                    "instances": [
                        "production": [
                            "id": "ins_2Prod", "version": 1,
                            "config": [
                                "connection_oauth_atlassian": [
                                    "enabled": true, "authenticatable": true, "block_email_subaddresses": false,
                                    "client_id": clientId, "client_secret": TestSecret.value,
                                ]
                            ],
                        ],
                        "development": [
                            "id": "ins_2Dev", "version": 1,
                            "config": ["connection_oauth_atlassian": ["enabled": true, "authenticatable": true]],
                        ],
                    ],
                    "domains": [
                        [
                            "object": "domain", "id": "dmn_sat", "name": "satellite.example", "is_satellite": true,
                            "frontend_api_url": base + "/fapi/satellite",
                        ],
                        [
                            "object": "domain", "id": "dmn_1", "name": "acme.com", "is_satellite": false,
                            "frontend_api_url": base + "/fapi/" + app, "accounts_portal_url": "https://accounts.acme.com",
                        ],
                    ],
                ]
            ],
            "atlassianPairs": [[clientId, TestSecret.value]],
            "faults": [],
        ]
    }

    public func state() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("state.json")))) as! [String: Any]
    }

    public func setState(_ state: [String: Any]) throws { try StandIn.writeJSON(state, to: folder.file("state.json")) }

    /// Changes the state: `change` gets it as the stand-in has it now.
    public func update(_ change: (inout [String: Any]) -> Void) throws {
        var s = try state()
        change(&s)
        try setState(s)
    }

    /// The stand-in's Atlassian connection of an instance, as it has it now.
    public func connection(_ instance: String = "production", app: String = StandIn.app) throws -> [String: Any] {
        let apps = try state()["applications"] as! [String: Any]
        let instances = (apps[app] as! [String: Any])["instances"] as! [String: Any]
        let config = (instances[instance] as! [String: Any])["config"] as! [String: Any]
        return config["connection_oauth_atlassian"] as! [String: Any]
    }

    public func setConnection(_ values: [String: Any], _ instance: String = "production", app: String = StandIn.app) throws {
        try update { s in
            var apps = s["applications"] as! [String: Any]
            var application = apps[app] as! [String: Any]
            var instances = application["instances"] as! [String: Any]
            var inst = instances[instance] as! [String: Any]
            var config = inst["config"] as! [String: Any]
            var connection = config["connection_oauth_atlassian"] as? [String: Any] ?? [:]
            for (k, v) in values { connection[k] = v }
            config["connection_oauth_atlassian"] = connection
            inst["config"] = config
            instances[instance] = inst
            application["instances"] = instances
            apps[app] = application
            s["applications"] = apps
        }
    }

    /// Adds a fault: the next `times` requests whose target matches the regular
    /// expression `path` get this answer instead (status, body, headers, delay, hang, bigBody).
    public func addFault(_ fault: [String: Any]) throws {
        try update { s in s["faults"] = (s["faults"] as? [[String: Any]] ?? []) + [fault] }
    }

    // MARK: The log

    public struct Request {
        public let method: String
        public let target: String
        public let headers: [(String, String)]
        public let body: String
        public let raw: [String: Any]

        public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// Every request received so far, in order.
    public func requests() throws -> [Request] {
        let text = try String(contentsOfFile: folder.file("requests.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let o = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let headers = (o["headers"] as? [[String]] ?? []).map { ($0[0], $0[1]) }
            return Request(
                method: o["method"] as! String, target: o["target"] as! String, headers: headers, body: o["body"] as? String ?? "",
                raw: o)
        }
    }

    /// The targets of the tunnels the proxy opened ("127.0.0.1:PORT"), in order.
    public func proxyLog() throws -> [String] {
        let text = (try? String(contentsOfFile: folder.file("proxy.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { line in
            (try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["target"] as! String
        }
    }

    /// Each request's log line without its body and its Authorization header: where
    /// neither the secret nor the key may be.
    public func logOutsideBodies() throws -> [(request: Request, bytes: Data)] {
        try requests().map { request in
            var outside = request.raw
            outside["body"] = nil
            outside["headers"] = request.headers.filter { $0.0.lowercased() != "authorization" }.map { [$0.0, $0.1] }
            return (request, try JSONSerialization.data(withJSONObject: outside))
        }
    }

    /// Empties the log.
    public func clearLog() throws { try Data().write(to: URL(fileURLWithPath: folder.file("requests.jsonl"))) }

    /// The environment for the binary: the stand-in's URLs, its certificate, the key, no
    /// proxy, short timeouts.
    public func environment(key: String? = StandIn.apiKey, timeout: Int = 5) -> [String: String?] {
        [
            "CLERK_PLATFORM_API_URL": url, "SOCIAL_CONSOLE_ATLASSIAN_AUTH_URL": url,
            "SSL_CERT_FILE": StandIn.certificate.cert, "CURL_CA_BUNDLE": nil, "SSL_CERT_DIR": nil,
            "CLERK_PLATFORM_API_KEY": key, "SOCIAL_CONSOLE_HTTP_TIMEOUT": String(timeout),
            "https_proxy": nil, "HTTPS_PROXY": nil, "http_proxy": nil, "HTTP_PROXY": nil, "all_proxy": nil, "ALL_PROXY": nil,
            "no_proxy": nil, "NO_PROXY": nil,
        ]
    }

    static func writeJSON(_ value: [String: Any], to path: String) throws {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        let tmp = path + ".w"
        try data.write(to: URL(fileURLWithPath: tmp))
        _ = rename(tmp, path)
    }
}

public struct StandInError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
