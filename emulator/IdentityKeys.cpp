#include "IdentityKeys.h"

#include "Store.h"
#include "Util.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
constexpr auto kKeyMeta = "identity.signingKey"_L1;
constexpr auto kCertificateMeta = "identity.signingCertificate"_L1;
constexpr int kKeyBits = 2048;
constexpr long kCertificateDays = 5 * 365; // Entra's signing certificates last about as long

struct Free
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, Free>;

QByteArray toDer(X509 *certificate)
{
    const int size = i2d_X509(certificate, nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    return i2d_X509(certificate, &out) == size ? der : QByteArray();
}

Owned<X509> certificateFor(EVP_PKEY *key)
{
    Owned<X509> cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return {};
    unsigned char serial[8];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return {};
    long serialValue = 0;
    for (unsigned char byte : serial)
        serialValue = (serialValue << 8) | byte;
    serialValue &= 0x7fffffffffffffffL; // positive, as RFC 5280 wants
    if (ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serialValue) != 1 ||
        !X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert.get()), kCertificateDays * 24 * 3600) ||
        X509_set_pubkey(cert.get(), key) != 1)
        return {};
    // Entra's token signing certificates are issued to and by this name.
    X509_NAME *name = X509_get_subject_name(cert.get());
    static const char commonName[] = "accounts.accesscontrol.windows.net";
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0) != 1 ||
        X509_set_issuer_name(cert.get(), name) != 1 || X509_sign(cert.get(), key, EVP_sha256()) <= 0)
        return {};
    return cert;
}

QByteArray bignumParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1)
        return {};
    Owned<BIGNUM> bn(raw);
    QByteArray bytes(BN_num_bytes(bn.get()), Qt::Uninitialized);
    BN_bn2bin(bn.get(), reinterpret_cast<unsigned char *>(bytes.data()));
    return bytes;
}

const unsigned char *bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char *>(data.data());
}
} // namespace

struct SigningKey::Pkey
{
    Owned<EVP_PKEY> key;
};

SigningKey::SigningKey(std::unique_ptr<Pkey> key, QByteArray certificateDer)
    : m_key(std::move(key))
    , m_certificateDer(std::move(certificateDer))
    , m_kid(base64Url(QCryptographicHash::hash(m_certificateDer, QCryptographicHash::Sha1)))
{}

SigningKey::~SigningKey() = default;

std::shared_ptr<SigningKey> SigningKey::generate()
{
    auto key = std::make_unique<Pkey>();
    key->key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{kKeyBits}));
    if (!key->key)
        return {};
    const Owned<X509> cert = certificateFor(key->key.get());
    const QByteArray der = cert ? toDer(cert.get()) : QByteArray();
    if (der.isEmpty())
        return {};
    return std::shared_ptr<SigningKey>(new SigningKey(std::move(key), der));
}

std::shared_ptr<SigningKey> SigningKey::fromDer(const QByteArray &privateKeyDer,
                                                const QByteArray &certificateDer)
{
    auto key = std::make_unique<Pkey>();
    const unsigned char *in = bytes(privateKeyDer);
    key->key.reset(d2i_AutoPrivateKey(nullptr, &in, long(privateKeyDer.size())));
    if (!key->key || EVP_PKEY_get_base_id(key->key.get()) != EVP_PKEY_RSA)
        return {};
    const unsigned char *certIn = bytes(certificateDer);
    const Owned<X509> cert(d2i_X509(nullptr, &certIn, long(certificateDer.size())));
    if (!cert || X509_check_private_key(cert.get(), key->key.get()) != 1)
        return {};
    return std::shared_ptr<SigningKey>(new SigningKey(std::move(key), certificateDer));
}

QByteArray SigningKey::privateKeyDer() const
{
    const int size = i2d_PrivateKey(m_key->key.get(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    return i2d_PrivateKey(m_key->key.get(), &out) == size ? der : QByteArray();
}

QByteArray SigningKey::sign(QByteArrayView input) const
{
    const Owned<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    size_t size = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key->key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &size, bytes(input), size_t(input.size())) != 1)
        return {};
    QByteArray signature(qsizetype(size), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &size, bytes(input),
                       size_t(input.size())) != 1)
        return {};
    signature.truncate(qsizetype(size));
    return signature;
}

bool SigningKey::verify(QByteArrayView input, QByteArrayView signature) const
{
    const Owned<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key->key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(input),
                            size_t(input.size())) == 1;
}

QByteArray SigningKey::signJwt(const QJsonObject &payload, bool withX5t) const
{
    QJsonObject header{{u"typ"_s, u"JWT"_s}, {u"alg"_s, u"RS256"_s}, {u"kid"_s, QString::fromLatin1(m_kid)}};
    if (withX5t)
        header.insert(u"x5t"_s, QString::fromLatin1(m_kid));
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                    base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature = sign(signingInput);
    return signature.isEmpty() ? QByteArray() : signingInput + '.' + base64Url(signature);
}

bool SigningKey::verifyJwt(QByteArrayView token) const
{
    const qsizetype first = token.indexOf('.');
    const qsizetype second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0)
        return false;
    bool ok = false;
    const QJsonObject header =
        QJsonDocument::fromJson(fromBase64Url(token.first(first).toByteArray(), &ok)).object();
    // The algorithm is the key's, never the token's choice ("alg":"none", HS256 with the public key).
    if (!ok || header.value("alg"_L1).toString() != "RS256"_L1)
        return false;
    if (header.contains("kid"_L1) && header.value("kid"_L1).toString() != QLatin1StringView(m_kid))
        return false;
    const QByteArray signature = fromBase64Url(token.sliced(second + 1).toByteArray(), &ok);
    return ok && verify(token.first(second), signature);
}

QJsonObject SigningKey::jwk(const QString &issuer) const
{
    const QString kid = QString::fromLatin1(m_kid);
    return QJsonObject{
        {u"kty"_s, u"RSA"_s},
        {u"use"_s, u"sig"_s},
        {u"kid"_s, kid},
        {u"x5t"_s, kid},
        {u"n"_s, QString::fromLatin1(base64Url(bignumParam(m_key->key.get(), OSSL_PKEY_PARAM_RSA_N)))},
        {u"e"_s, QString::fromLatin1(base64Url(bignumParam(m_key->key.get(), OSSL_PKEY_PARAM_RSA_E)))},
        // x5c is plain base64 of the DER certificate (RFC 7517 §4.7), not base64url.
        {u"x5c"_s, QJsonArray{QString::fromLatin1(m_certificateDer.toBase64())}},
        {u"cloud_instance_name"_s, u"microsoftonline.com"_s},
        {u"issuer"_s, issuer},
    };
}

SigningKeySource::SigningKeySource(Store &store, bool persistent) : m_store(store)
{
    if (!persistent) {
        static const std::shared_future<std::shared_ptr<SigningKey>> processKey =
            std::async(std::launch::async, &SigningKey::generate).share();
        m_future = processKey;
        return;
    }
    const QByteArray keyText = store.meta(kKeyMeta).toLatin1();
    const QByteArray certText = store.meta(kCertificateMeta).toLatin1();
    if (!keyText.isEmpty() && !certText.isEmpty()) {
        if (auto kept =
                SigningKey::fromDer(QByteArray::fromBase64(keyText), QByteArray::fromBase64(certText))) {
            std::promise<std::shared_ptr<SigningKey>> ready;
            ready.set_value(std::move(kept));
            m_future = ready.get_future().share();
            return;
        }
        qWarning("emulator: the stored token signing key is not usable; a new one is made, and tokens "
                 "signed with the old one are no longer valid");
    }
    m_save = true;
    m_future = std::async(std::launch::async, &SigningKey::generate).share();
}

const SigningKey *SigningKeySource::get()
{
    if (!m_taken) {
        m_key = m_future.get();
        m_taken = true;
        if (!m_key) {
            qWarning("emulator: cannot make a token signing key (OpenSSL); no token can be issued");
        } else if (m_save) {
            m_store.setMeta(kKeyMeta, QString::fromLatin1(m_key->privateKeyDer().toBase64()));
            m_store.setMeta(kCertificateMeta, QString::fromLatin1(m_key->certificateDer().toBase64()));
        }
    }
    return m_key.get();
}

} // namespace fc::emu
