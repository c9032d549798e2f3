import Foundation
import TestSupport
import Testing

/// Proxies as curl honours them: https_proxy carries the requests, no_proxy exempts hosts.
@Suite struct LiveProxyTests {
    @Test func httpsProxyCarriesEveryRequestAndNoProxyExemptsAHost() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        let proxy = "http://127.0.0.1:\(live.standIn.proxyPort)"
        var r = try live.run(["verify", file], env: ["https_proxy": proxy])
        #expect(r.code == 0, "\(r.out)\(r.err)")
        let tunnels = try live.standIn.proxyLog()
        #expect(tunnels.count == 4 && tunnels.allSatisfy { $0 == "127.0.0.1:\(live.standIn.port)" }, "\(tunnels)")
        // The key goes to Clerk inside the tunnel, never to the proxy in its CONNECT.
        LiveCLI.expectNoSecrets(try Data(contentsOf: URL(fileURLWithPath: live.standIn.folder.file("proxy.jsonl"))), "what the proxy saw")
        #expect(try String(contentsOfFile: live.standIn.folder.file("proxy.jsonl"), encoding: .utf8).contains("Host: 127.0.0.1"))
        r = try live.run(["verify", file], env: ["https_proxy": proxy, "no_proxy": "127.0.0.1"])
        #expect(r.code == 0)
        #expect(try live.standIn.proxyLog().count == 4, "no_proxy: straight to the host")
    }
}
