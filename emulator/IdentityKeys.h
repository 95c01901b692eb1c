#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <future>
#include <memory>

namespace fc::emu {

class Store;

// The key Entra ID signs tokens with, as the emulator keeps it: an RSA key pair made per store
// and a self-signed certificate over its public half. Tokens are RS256 JWTs whose header names
// the key (`kid`, equal to the certificate's `x5t` as Entra's are), and the public key is
// published as a JWK at the OpenID configuration's jwks_uri, so any JWT library can check them.
// With --data the key is kept in the store, so tokens stay valid across a restart.
class SigningKey
{
public:
    ~SigningKey();
    SigningKey(const SigningKey &) = delete;
    SigningKey &operator=(const SigningKey &) = delete;

    // A new 2048-bit key and certificate; null if OpenSSL fails.
    static std::shared_ptr<SigningKey> generate();
    // From DER (an RSA private key, an X.509 certificate); null if either is bad or they do not
    // belong together.
    static std::shared_ptr<SigningKey> fromDer(const QByteArray &privateKeyDer,
                                               const QByteArray &certificateDer);

    QByteArray kid() const { return m_kid; } // base64url SHA-1 of the certificate (x5t)
    QByteArray privateKeyDer() const;        // DER, as i2d_PrivateKey writes it
    QByteArray certificateDer() const { return m_certificateDer; }

    // The RSASSA-PKCS1-v1_5 SHA-256 signature of `input` (empty on failure), and its check.
    QByteArray sign(QByteArrayView input) const;
    bool verify(QByteArrayView input, QByteArrayView signature) const;

    // A compact JWS: base64url(header).base64url(payload).base64url(signature), header
    // {"alg":"RS256","kid":…,"typ":"JWT"} (plus x5t when asked, as Entra's v1 access tokens have).
    QByteArray signJwt(const QJsonObject &payload, bool withX5t = false) const;
    // Whether a compact JWS is RS256, names this key (when it names one) and is signed by it.
    bool verifyJwt(QByteArrayView token) const;

    // The public key as Entra's JWKS lists it: kty, use, kid, x5t, n, e, x5c, issuer.
    QJsonObject jwk(const QString &issuer) const;

private:
    struct Pkey;
    explicit SigningKey(std::unique_ptr<Pkey> key, QByteArray certificateDer);

    std::unique_ptr<Pkey> m_key;
    QByteArray m_certificateDer;
    QByteArray m_kid;
};

// The key a store signs with. A persistent store keeps its own (made once, saved in its meta
// table); stores in memory share one per process, made once. A new RSA key costs up to half a
// second on a busy machine, so it is made on a worker thread from the start and waited for only
// when the first token is signed or checked, or the keys are asked for: the emulator is ready
// at once, and the console's demo builds its window meanwhile.
class SigningKeySource
{
public:
    SigningKeySource(Store &store, bool persistent);
    // Waits for the key the first time; saves a new one in a persistent store (on the calling
    // thread, which must be the store's). Null only if OpenSSL failed.
    const SigningKey *get();

private:
    Store &m_store;
    bool m_save = false;
    bool m_taken = false;
    std::shared_future<std::shared_ptr<SigningKey>> m_future;
    std::shared_ptr<SigningKey> m_key;
};

} // namespace fc::emu
