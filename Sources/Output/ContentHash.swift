import Crypto

/// The SHA-256 of a file's contents as lowercase hex, the form `sha256sum`
/// prints, so that `sha256sum -c .smfkit-generated` checks the marker.
enum ContentHash {
    static func sha256(_ bytes: [UInt8]) -> String {
        Crypto.SHA256.hash(data: bytes).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
