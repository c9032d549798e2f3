import Testing
import SettingsKit

/// Where no file's secret is known to compare a paste with (the fleet console's filter),
/// a word shaped like a credential is taken for one; the words an operator filters by are not.
@Suite struct CredentialShapeTests {
    @Test(arguments: [
        "ATOAx1kL9qPz0vW3mN7bR2tY5uC8dE4fG6hJ1kL3mN5pQ7rS9tU2vW4xY6zA8bC0dE2f",  // some 64 characters
        "sk_live_0123456789abcdefGHIJKLmnop",  // a Backend API key
        "ak_9Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1JiHgFe",  // a Platform API key
        "q+Zr/8Kd0vLw3Yp1Nb5Xc7Ht9Gj2Fm4Se6Ua==",  // base64, with its / + =
        "  ATOAx1kL9qPz0vW3mN7bR2tY5uC8dE4fG6  \n",  // pasted with the line's ends
    ])
    func aCredentialShapedPasteIsTakenForOne(_ text: String) {
        #expect(Secret.looksLikeCredential(text), "\(text)")
    }

    @Test(arguments: [
        "acme-prod", "acme-production-eu-west-1-atlassian",  // names: no capitals or digits mixed
        "credentials/secret-readable", "file/", "READ-ME PROD",  // finding codes, words with a space
        "/srv/clerk/Instances/Acme2024/settings", "eu/Acme-Prod2024/acme-prod.json", "~/Fleet2024/EU/acme",  // paths
        "ab12CD34ef56GH78ij90KL12mn34OP56",  // a public Client ID: 32 letters and digits
        "Short1Word", "",
    ])
    func theWordsAnOperatorFiltersByAreNot(_ text: String) {
        #expect(!Secret.looksLikeCredential(text), "\(text)")
    }
}
