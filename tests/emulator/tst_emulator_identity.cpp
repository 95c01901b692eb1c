// Sign-in against the emulator as Entra ID v2 would answer: authorization code with PKCE,
// refresh with rotation, device code, token expiry and the 401s of the API; and what MSAL and
// JWT libraries rely on: RS256 signatures that verify with the key published at jwks_uri (checked
// here with OpenSSL, as a client would), client_info, the OpenID configuration, instance discovery.
#include "EmulatorTestSupport.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

using namespace Qt::Literals::StringLiterals;
using namespace fc::test;

namespace {
const QString kScope = u"https://service.flow.microsoft.com/.default offline_access"_s;
const QString kRedirect = u"http://localhost:53123/callback"_s;

QByteArray challengeOf(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject claims(const QString &jwt)
{
    const QByteArray payload = jwt.section(u'.', 1, 1).toLatin1();
    return QJsonDocument::fromJson(QByteArray::fromBase64(payload, QByteArray::Base64UrlEncoding)).object();
}

QJsonObject jwtHeader(const QString &jwt)
{
    const QByteArray header = jwt.section(u'.', 0, 0).toLatin1();
    return QJsonDocument::fromJson(QByteArray::fromBase64(header, QByteArray::Base64UrlEncoding)).object();
}

QByteArray unbase64Url(const QString &text)
{
    return QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
}

struct PkeyFree
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

// The RSA public key a JWK describes, built from its n and e alone, as a JWT library does.
Pkey publicKeyOf(const QJsonObject &jwk)
{
    const QByteArray n = unbase64Url(jwk.value("n"_L1).toString());
    const QByteArray e = unbase64Url(jwk.value("e"_L1).toString());
    BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), int(n.size()), nullptr);
    BIGNUM *be = BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), int(e.size()), nullptr);
    OSSL_PARAM_BLD *build = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_N, bn);
    OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_E, be);
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(build);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY *key = nullptr;
    if (ctx && params && EVP_PKEY_fromdata_init(ctx) == 1)
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(build);
    BN_free(bn);
    BN_free(be);
    return Pkey(key);
}

// RS256: RSASSA-PKCS1-v1_5 with SHA-256 over "header.payload".
bool verifiesRs256(const QString &jwt, EVP_PKEY *key)
{
    const QByteArray token = jwt.toLatin1();
    const qsizetype dot = token.lastIndexOf('.');
    const QByteArray input = token.left(dot);
    const QByteArray signature = unbase64Url(QString::fromLatin1(token.mid(dot + 1)));
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool ok =
        EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
        EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.constData()),
                         size_t(signature.size()), reinterpret_cast<const unsigned char *>(input.constData()),
                         size_t(input.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

// A GET with the headers a TLS terminator in front of the emulator adds.
HttpResult getForwarded(const QUrl &base, const QString &path, const QByteArray &host)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl::fromEncoded(base.toEncoded() + path.toUtf8()));
    request.setRawHeader("X-Forwarded-Proto", "https");
    request.setRawHeader("X-Forwarded-Host", host);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    HttpResult result;
    result.finished = reply->isFinished() || finished.wait(10000);
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    return result;
}
} // namespace

class TstEmulatorIdentity : public QObject
{
    Q_OBJECT

private:
    fc::emu::Emulator *m_emu = nullptr;
    std::unique_ptr<HttpTestClient> m_http;
    QString m_tenant;

    HttpResult authorize(const QString &tenant, const QByteArray &verifier, const QString &hint,
                         const QString &redirect = kRedirect)
    {
        QUrlQuery q;
        q.addQueryItem(u"client_id"_s, u"test-app"_s);
        q.addQueryItem(u"response_type"_s, u"code"_s);
        q.addQueryItem(u"redirect_uri"_s, enc(redirect));
        q.addQueryItem(u"scope"_s, enc(kScope));
        q.addQueryItem(u"state"_s, u"st4te"_s);
        q.addQueryItem(u"code_challenge"_s, QString::fromLatin1(challengeOf(verifier)));
        q.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
        if (!hint.isEmpty())
            q.addQueryItem(u"login_hint"_s, enc(hint));
        return m_http->get(u'/' + tenant + u"/oauth2/v2.0/authorize?"_s + q.query(QUrl::FullyEncoded));
    }
    QString codeFrom(const HttpResult &r)
    {
        return QUrlQuery(QUrl::fromEncoded(r.header("Location"))).queryItemValue(u"code"_s);
    }
    HttpResult token(const QList<std::pair<QString, QString>> &fields, const QString &tenant = {})
    {
        QUrlQuery form;
        form.addQueryItem(u"client_id"_s, u"test-app"_s);
        for (const auto &[k, v] : fields)
            form.addQueryItem(k, enc(v));
        return m_http->postForm(u'/' + (tenant.isEmpty() ? m_tenant : tenant) + u"/oauth2/v2.0/token"_s,
                                form);
    }

    QJsonObject signIn(const QString &upn, const QList<std::pair<QString, QString>> &extra = {})
    {
        const QByteArray verifier = "client-info-verifier-client-info-verifier-0123456789";
        QList<std::pair<QString, QString>> fields{{u"grant_type"_s, u"authorization_code"_s},
                                                  {u"code"_s, codeFrom(authorize(m_tenant, verifier, upn))},
                                                  {u"redirect_uri"_s, kRedirect},
                                                  {u"code_verifier"_s, QString::fromLatin1(verifier)}};
        return token(fields + extra).json();
    }
    QJsonObject clientInfoOf(const QJsonObject &answer)
    {
        return QJsonDocument::fromJson(unbase64Url(answer.value("client_info"_L1).toString())).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        fc::emu::EmulatorOptions options;
        options.deviceCodeIntervalSeconds = 1;
        m_emu = new fc::emu::Emulator(options, this);
        QVERIFY(m_emu->start());
        m_http = std::make_unique<HttpTestClient>(m_emu->baseUrl());
        m_tenant = m_emu->tenantId();
    }

    void authorizationCodeWithPkce()
    {
        const QByteArray verifier = "a-verifier-that-is-long-enough-0123456789-abcdefghijkl";
        const auto redirect = authorize(m_tenant, verifier, u"ADELE.VANCE@contoso.example"_s);
        QCOMPARE(redirect.status, 302);
        const QUrl location = QUrl::fromEncoded(redirect.header("Location"));
        QCOMPARE(location.port(), 53123);
        QCOMPARE(QUrlQuery(location).queryItemValue(u"state"_s), u"st4te"_s);
        const QString code = codeFrom(redirect);
        QVERIFY(!code.isEmpty());

        const auto tokens = token({{u"grant_type"_s, u"authorization_code"_s},
                                   {u"code"_s, code},
                                   {u"redirect_uri"_s, kRedirect},
                                   {u"code_verifier"_s, QString::fromLatin1(verifier)}});
        QCOMPARE(tokens.status, 200);
        const QJsonObject t = tokens.json();
        QCOMPARE(t.value("token_type"_L1).toString(), u"Bearer"_s);
        QVERIFY(t.value("expires_in"_L1).toInt() > 0);
        QVERIFY(!t.value("refresh_token"_L1).toString().isEmpty());
        const QJsonObject c = claims(t.value("access_token"_L1).toString());
        for (const char *key : {"oid", "upn", "name", "tid", "aud", "scp", "iat", "exp"})
            QVERIFY2(c.contains(QLatin1StringView(key)), key);
        QCOMPARE(c.value("upn"_L1).toString(), m_emu->demoUserUpn());
        QCOMPARE(c.value("tid"_L1).toString(), m_tenant);
        QCOMPARE(c.value("aud"_L1).toString(), u"https://service.flow.microsoft.com"_s);

        HttpTestClient api(m_emu->baseUrl());
        api.setBearer(t.value("access_token"_L1).toString().toLatin1());
        QCOMPARE(api.get(u"/providers/Microsoft.ProcessSimple/environments"_s).status, 200);
        // A token is for one API: Graph refuses the flow API's.
        const auto graph = api.get(u"/v1.0/users"_s);
        QCOMPARE(graph.status, 401);
        QCOMPARE(graph.errorCode(), u"InvalidAuthenticationTokenAudience"_s);

        // A code is good once.
        const auto reused = token({{u"grant_type"_s, u"authorization_code"_s},
                                   {u"code"_s, code},
                                   {u"redirect_uri"_s, kRedirect},
                                   {u"code_verifier"_s, QString::fromLatin1(verifier)}});
        QCOMPARE(reused.status, 400);
        QCOMPARE(reused.json().value("error"_L1).toString(), u"invalid_grant"_s);
    }

    void wrongVerifier()
    {
        const auto redirect = authorize(
            u"organizations"_s, "right-verifier-right-verifier-right-verifier-1234", m_emu->demoUserUpn());
        const auto r = token({{u"grant_type"_s, u"authorization_code"_s},
                              {u"code"_s, codeFrom(redirect)},
                              {u"redirect_uri"_s, kRedirect},
                              {u"code_verifier"_s, u"wrong-verifier-wrong-verifier-wrong-verifier-12"_s}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error"_L1).toString(), u"invalid_grant"_s);
        QVERIFY(r.json().contains("error_description"_L1));
    }

    void tenantsAndRedirects()
    {
        QCOMPARE(authorize(u"contoso.example"_s, "v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v",
                           m_emu->demoUserUpn())
                     .status,
                 302);
        const auto common =
            authorize(u"common"_s, "v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v", m_emu->demoUserUpn());
        QCOMPARE(common.status, 400);
        QCOMPARE(common.json().value("error"_L1).toString(), u"invalid_request"_s);
        QCOMPARE(authorize(m_tenant, "v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v", m_emu->demoUserUpn(),
                           u"https://evil.example/cb"_s)
                     .status,
                 400);
        // Without a hint: a page to pick an account.
        const auto page = authorize(m_tenant, "v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v", {});
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(page.body.contains("jane.smith@contoso.example"));
        QCOMPARE(token({{u"grant_type"_s, u"password"_s}}).json().value("error"_L1).toString(),
                 u"unsupported_grant_type"_s);
    }

    void refreshRotates()
    {
        const QByteArray verifier = "refresh-verifier-refresh-verifier-refresh-verifier";
        const auto first =
            token({{u"grant_type"_s, u"authorization_code"_s},
                   {u"code"_s, codeFrom(authorize(m_tenant, verifier, u"james.miller@contoso.example"_s))},
                   {u"redirect_uri"_s, kRedirect},
                   {u"code_verifier"_s, QString::fromLatin1(verifier)}});
        const QString refresh1 = first.json().value("refresh_token"_L1).toString();
        const auto second = token({{u"grant_type"_s, u"refresh_token"_s},
                                   {u"refresh_token"_s, refresh1},
                                   {u"scope"_s, u"https://graph.microsoft.com/.default"_s}});
        QCOMPARE(second.status, 200);
        const QString refresh2 = second.json().value("refresh_token"_L1).toString();
        QVERIFY(!refresh2.isEmpty() && refresh2 != refresh1);
        QCOMPARE(claims(second.json().value("access_token"_L1).toString()).value("aud"_L1).toString(),
                 u"https://graph.microsoft.com"_s);
        const auto replay = token({{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, refresh1}});
        QCOMPARE(replay.status, 400);
        QCOMPARE(replay.json().value("error"_L1).toString(), u"invalid_grant"_s);
        QCOMPARE(token({{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, refresh2}}).status, 200);
    }

    void deviceCode()
    {
        QUrlQuery form;
        form.addQueryItem(u"client_id"_s, u"test-app"_s);
        form.addQueryItem(u"scope"_s, enc(kScope));
        const auto start = m_http->postForm(u'/' + m_tenant + u"/oauth2/v2.0/devicecode"_s, form);
        QCOMPARE(start.status, 200);
        const QJsonObject d = start.json();
        for (const char *key :
             {"device_code", "user_code", "verification_uri", "expires_in", "interval", "message"})
            QVERIFY2(d.contains(QLatin1StringView(key)), key);
        QCOMPARE(d.value("verification_uri"_L1).toString(),
                 QString(m_emu->baseUrl().toString() + u"/devicelogin"_s));
        const QString device = d.value("device_code"_L1).toString();
        const QList<std::pair<QString, QString>> poll{
            {u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:device_code"_s}, {u"device_code"_s, device}};
        QCOMPARE(token(poll).json().value("error"_L1).toString(), u"authorization_pending"_s);
        const auto fast = token(poll);
        QCOMPARE(fast.status, 400);
        QCOMPARE(fast.json().value("error"_L1).toString(), u"slow_down"_s);

        QCOMPARE(m_http->get(u"/devicelogin"_s).status, 200);
        QVERIFY(!m_emu->approveDeviceCode(u"NOTACODE"_s, m_emu->demoUserUpn()));
        QVERIFY(
            m_emu->approveDeviceCode(d.value("user_code"_L1).toString(), u"nestor.wilke@contoso.example"_s));
        HttpResult done;
        // QTRY re-evaluates its condition once more at the end: a redeemed code must not be polled twice.
        QTRY_VERIFY2_WITH_TIMEOUT(done.status == 200 || (done = token(poll)).status == 200,
                                  done.body.constData(), 5000);
        QCOMPARE(claims(done.json().value("access_token"_L1).toString()).value("upn"_L1).toString(),
                 u"nestor.wilke@contoso.example"_s);

        // Through the page's form, then denied.
        const QString code2 = m_http->postForm(u'/' + m_tenant + u"/oauth2/v2.0/devicecode"_s, form)
                                  .json()
                                  .value("user_code"_L1)
                                  .toString();
        QUrlQuery approve;
        approve.addQueryItem(u"user_code"_s, code2);
        approve.addQueryItem(u"upn"_s, enc(u"jane.smith@contoso.example"_s));
        approve.addQueryItem(u"action"_s, u"approve"_s);
        QCOMPARE(m_http->postForm(u"/devicelogin"_s, approve).status, 200);
        const auto start3 = m_http->postForm(u'/' + m_tenant + u"/oauth2/v2.0/devicecode"_s, form).json();
        QVERIFY(m_emu->denyDeviceCode(start3.value("user_code"_L1).toString()));
        QCOMPARE(token({{u"grant_type"_s, u"device_code"_s},
                        {u"device_code"_s, start3.value("device_code"_L1).toString()}})
                     .json()
                     .value("error"_L1)
                     .toString(),
                 u"access_denied"_s);
    }

    void deviceCodeExpires()
    {
        fc::emu::EmulatorOptions options;
        options.seed = u"empty"_s;
        options.deviceCodeLifetimeSeconds = 1;
        options.deviceCodeIntervalSeconds = 0;
        fc::emu::Emulator emu(options);
        QVERIFY(emu.start());
        HttpTestClient http(emu.baseUrl());
        QUrlQuery form;
        form.addQueryItem(u"client_id"_s, u"test-app"_s);
        const QString device = http.postForm(u"/organizations/oauth2/v2.0/devicecode"_s, form)
                                   .json()
                                   .value("device_code"_L1)
                                   .toString();
        QUrlQuery poll = form;
        poll.addQueryItem(u"grant_type"_s, u"device_code"_s);
        poll.addQueryItem(u"device_code"_s, device);
        QTRY_COMPARE_WITH_TIMEOUT(
            http.postForm(u"/organizations/oauth2/v2.0/token"_s, poll).json().value("error"_L1).toString(),
            u"expired_token"_s, 5000);
    }

    void apiRefusesBadTokens()
    {
        HttpTestClient api(m_emu->baseUrl());
        const QString path = u"/providers/Microsoft.ProcessSimple/environments"_s;
        const auto none = api.get(path);
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("WWW-Authenticate").startsWith("Bearer"));
        QCOMPARE(none.errorCode(), u"InvalidAuthenticationToken"_s);
        QByteArray forged = m_emu->accessToken(m_emu->demoUserUpn());
        forged.chop(3);
        forged += "abc";
        api.setBearer(forged);
        QCOMPARE(api.get(path).errorCode(), u"InvalidAuthenticationToken"_s);
        m_emu->setTokenLifetime(0); // issued already expired
        api.setBearer(m_emu->accessToken(m_emu->demoUserUpn()));
        m_emu->setTokenLifetime(3600);
        const auto expired = api.get(path);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), u"ExpiredAuthenticationToken"_s);
        QCOMPARE(api.get(u"/v1.0/users"_s).status, 401);
    }

    void openIdConfigurationAndKeys()
    {
        const auto config = m_http->get(u'/' + m_tenant + u"/v2.0/.well-known/openid-configuration"_s);
        QCOMPARE(config.status, 200);
        const QJsonObject c = config.json();
        const QString root = m_emu->baseUrl().toString() + u'/' + m_tenant;
        QCOMPARE(c.value("issuer"_L1).toString(), QString(root + u"/v2.0"_s));
        QCOMPARE(c.value("jwks_uri"_L1).toString(), QString(root + u"/discovery/v2.0/keys"_s));
        QCOMPARE(c.value("token_endpoint"_L1).toString(), QString(root + u"/oauth2/v2.0/token"_s));
        QCOMPARE(c.value("authorization_endpoint"_L1).toString(),
                 QString(root + u"/oauth2/v2.0/authorize"_s));
        QCOMPARE(c.value("device_authorization_endpoint"_L1).toString(),
                 QString(root + u"/oauth2/v2.0/devicecode"_s));
        QCOMPARE(c.value("id_token_signing_alg_values_supported"_L1).toArray(), QJsonArray{u"RS256"_s});
        // The shared authorities keep their segment and leave the issuer's tenant to the client.
        const QJsonObject org = m_http->get(u"/organizations/v2.0/.well-known/openid-configuration"_s).json();
        QCOMPARE(org.value("issuer"_L1).toString(),
                 QString(m_emu->baseUrl().toString() + u"/{tenantid}/v2.0"_s));
        QVERIFY(org.value("token_endpoint"_L1).toString().endsWith("/organizations/oauth2/v2.0/token"_L1));
        QCOMPARE(m_http->get(u"/not-a-tenant.example/v2.0/.well-known/openid-configuration"_s)
                     .json()
                     .value("error"_L1)
                     .toString(),
                 u"invalid_tenant"_s);

        // Behind a TLS terminator every URL is on the origin the client reached.
        const QJsonObject forwarded =
            getForwarded(m_emu->baseUrl(), u'/' + m_tenant + u"/v2.0/.well-known/openid-configuration"_s,
                         "login.microsoftonline.com")
                .json();
        QCOMPARE(forwarded.value("issuer"_L1).toString(),
                 QString(u"https://login.microsoftonline.com/"_s + m_tenant + u"/v2.0"_s));
        QCOMPARE(forwarded.value("jwks_uri"_L1).toString(),
                 QString(u"https://login.microsoftonline.com/"_s + m_tenant + u"/discovery/v2.0/keys"_s));

        const auto keys = m_http->get(u'/' + m_tenant + u"/discovery/v2.0/keys"_s);
        QCOMPARE(keys.status, 200);
        const QJsonArray list = keys.json().value("keys"_L1).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject jwk = list.first().toObject();
        QCOMPARE(jwk.value("kty"_L1).toString(), u"RSA"_s);
        QCOMPARE(jwk.value("use"_L1).toString(), u"sig"_s);
        QCOMPARE(jwk.value("e"_L1).toString(), u"AQAB"_s);
        QCOMPARE(unbase64Url(jwk.value("n"_L1).toString()).size(), 256); // 2048 bits
        QCOMPARE(jwk.value("x5t"_L1), jwk.value("kid"_L1));
        QCOMPARE(m_http->get(u"/common/discovery/v2.0/keys"_s)
                     .json()
                     .value("keys"_L1)
                     .toArray()
                     .first()
                     .toObject()
                     .value("kid"_L1),
                 jwk.value("kid"_L1));
        // x5c holds a certificate over the same key; x5t is its SHA-1 thumbprint.
        const QByteArray der =
            QByteArray::fromBase64(jwk.value("x5c"_L1).toArray().first().toString().toLatin1());
        QCOMPARE(QString::fromLatin1(
                     QCryptographicHash::hash(der, QCryptographicHash::Sha1)
                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
                 jwk.value("x5t"_L1).toString());
        const unsigned char *in = reinterpret_cast<const unsigned char *>(der.constData());
        X509 *cert = d2i_X509(nullptr, &in, long(der.size()));
        QVERIFY(cert);
        const Pkey key = publicKeyOf(jwk);
        QVERIFY(key);
        QCOMPARE(EVP_PKEY_eq(X509_get0_pubkey(cert), key.get()), 1);
        X509_free(cert);
    }

    void tokensVerifyWithPublishedKey()
    {
        const QJsonObject t = signIn(u"jane.smith@contoso.example"_s, {{u"client_info"_s, u"1"_s}});
        const QString access = t.value("access_token"_L1).toString();
        const QString id = t.value("id_token"_L1).toString();
        QVERIFY(!access.isEmpty() && !id.isEmpty());

        // What a client does: jwks_uri from the OpenID configuration, the key the token's kid names.
        const QString jwksUri = m_http->get(u'/' + m_tenant + u"/v2.0/.well-known/openid-configuration"_s)
                                    .json()
                                    .value("jwks_uri"_L1)
                                    .toString();
        const QJsonArray keys = m_http->get(jwksUri).json().value("keys"_L1).toArray();
        for (const QString &jwt : {access, id}) {
            const QJsonObject header = jwtHeader(jwt);
            QCOMPARE(header.value("alg"_L1).toString(), u"RS256"_s);
            QCOMPARE(header.value("typ"_L1).toString(), u"JWT"_s);
            const auto jwk = std::find_if(keys.begin(), keys.end(), [&](const QJsonValue &k) {
                return k.toObject().value("kid"_L1) == header.value("kid"_L1);
            });
            QVERIFY2(jwk != keys.end(), "the token's kid is in the JWKS");
            const Pkey key = publicKeyOf(jwk->toObject());
            QVERIFY(verifiesRs256(jwt, key.get()));
            // One changed payload character and the signature no longer holds.
            QString tampered = jwt;
            const qsizetype at = jwt.indexOf(u'.') + 5;
            tampered[at] = tampered.at(at) == u'A' ? u'B' : u'A';
            QVERIFY(!verifiesRs256(tampered, key.get()));
        }
        const QJsonObject idClaims = claims(id);
        QCOMPARE(idClaims.value("iss"_L1).toString(),
                 QString(m_emu->baseUrl().toString() + u'/' + m_tenant + u"/v2.0"_s));
        QCOMPARE(idClaims.value("aud"_L1).toString(), u"test-app"_s);
        QCOMPARE(idClaims.value("ver"_L1).toString(), u"2.0"_s);
        const QJsonObject accessClaims = claims(access);
        QCOMPARE(accessClaims.value("iss"_L1).toString(),
                 QString(u"https://sts.windows.net/"_s + m_tenant + u'/'));
        QCOMPARE(accessClaims.value("appid"_L1).toString(), u"test-app"_s);
        QCOMPARE(accessClaims.value("idtyp"_L1).toString(), u"user"_s);

        // The emulator checks the signature itself: an HS256 token or "alg":"none" is refused.
        HttpTestClient api(m_emu->baseUrl());
        api.setBearer(access.toLatin1());
        QCOMPARE(api.get(u"/providers/Microsoft.ProcessSimple/environments"_s).status, 200);
        const QByteArray body = access.section(u'.', 1, 1).toLatin1();
        for (const char *alg : {R"({"alg":"none","typ":"JWT"})", R"({"alg":"HS256","typ":"JWT"})"}) {
            const QByteArray forged =
                QByteArray(alg).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
                '.' + body + '.' + access.section(u'.', 2, 2).toLatin1();
            api.setBearer(forged);
            QCOMPARE(api.get(u"/providers/Microsoft.ProcessSimple/environments"_s).errorCode(),
                     u"InvalidAuthenticationToken"_s);
        }
    }

    void clientInfoOnEveryGrant()
    {
        const QString janeId = m_emu->userId(u"jane.smith@contoso.example"_s);
        // Authorization code.
        const QJsonObject first = signIn(u"jane.smith@contoso.example"_s, {{u"client_info"_s, u"1"_s}});
        QCOMPARE(clientInfoOf(first).value("uid"_L1).toString(), janeId);
        QCOMPARE(clientInfoOf(first).value("utid"_L1).toString(), m_tenant);
        QVERIFY(!first.value("client_info"_L1).toString().contains(u'='));
        // Refresh token.
        const QJsonObject refreshed = token({{u"grant_type"_s, u"refresh_token"_s},
                                             {u"refresh_token"_s, first.value("refresh_token"_L1).toString()},
                                             {u"scope"_s, kScope},
                                             {u"client_info"_s, u"1"_s}})
                                          .json();
        QCOMPARE(clientInfoOf(refreshed).value("uid"_L1).toString(), janeId);
        // Only when asked for, as Entra does.
        QVERIFY(!token({{u"grant_type"_s, u"refresh_token"_s},
                        {u"refresh_token"_s, refreshed.value("refresh_token"_L1).toString()}})
                     .json()
                     .contains("client_info"_L1));
        // Device code.
        QUrlQuery form;
        form.addQueryItem(u"client_id"_s, u"test-app"_s);
        form.addQueryItem(u"scope"_s, enc(kScope));
        const QJsonObject start =
            m_http->postForm(u'/' + m_tenant + u"/oauth2/v2.0/devicecode"_s, form).json();
        QVERIFY(m_emu->approveDeviceCode(start.value("user_code"_L1).toString(),
                                         u"nestor.wilke@contoso.example"_s));
        const auto device = token({{u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:device_code"_s},
                                   {u"device_code"_s, start.value("device_code"_L1).toString()},
                                   {u"client_info"_s, u"1"_s}});
        QCOMPARE(device.status, 200);
        QCOMPARE(clientInfoOf(device.json()).value("uid"_L1).toString(),
                 m_emu->userId(u"nestor.wilke@contoso.example"_s));
        QCOMPARE(clientInfoOf(device.json()).value("utid"_L1).toString(), m_tenant);
        // The answer's scope is Entra's: fully qualified, with the .default asked for echoed, so
        // that MSAL finds the cached token again for the same request.
        const QStringList scopes = device.json().value("scope"_L1).toString().split(u' ');
        QVERIFY(scopes.contains(u"https://service.flow.microsoft.com/.default"_s));
        QVERIFY(scopes.contains(u"https://service.flow.microsoft.com/Flows.Manage.All"_s));
        QVERIFY(!scopes.contains(u"offline_access"_s));
    }

    void instanceDiscovery()
    {
        const auto discover = [this](const QString &authorizeEndpoint, const QString &version = u"1.1"_s) {
            return m_http->get(u"/common/discovery/instance?api-version="_s + version +
                               u"&authorization_endpoint="_s + enc(authorizeEndpoint));
        };
        const auto known = discover(
            QString(u"https://login.microsoftonline.com/"_s + m_tenant + u"/oauth2/v2.0/authorize"_s));
        QCOMPARE(known.status, 200);
        const QJsonObject k = known.json();
        QCOMPARE(k.value("api-version"_L1).toString(), u"1.1"_s);
        QCOMPARE(k.value("tenant_discovery_endpoint"_L1).toString(),
                 QString(u"https://login.microsoftonline.com/"_s + m_tenant +
                         u"/v2.0/.well-known/openid-configuration"_s));
        const QJsonObject publicCloud = k.value("metadata"_L1).toArray().first().toObject();
        QCOMPARE(publicCloud.value("preferred_network"_L1).toString(), u"login.microsoftonline.com"_s);
        QCOMPARE(publicCloud.value("preferred_cache"_L1).toString(), u"login.windows.net"_s);
        QVERIFY(publicCloud.value("aliases"_L1).toArray().contains(u"login.windows.net"_s));
        QVERIFY(publicCloud.value("aliases"_L1).toArray().contains(u"sts.windows.net"_s));

        // An authority on the emulator itself (here: loopback with a port) is a cloud of its own.
        const auto own = discover(u"https://localhost:8443/organizations/oauth2/v2.0/authorize"_s);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json().value("tenant_discovery_endpoint"_L1).toString(),
                 u"https://localhost:8443/organizations/v2.0/.well-known/openid-configuration"_s);
        const QJsonObject ownCloud = own.json().value("metadata"_L1).toArray().first().toObject();
        QCOMPARE(ownCloud.value("preferred_network"_L1).toString(), u"localhost:8443"_s);
        QCOMPARE(ownCloud.value("aliases"_L1).toArray(), QJsonArray{u"localhost:8443"_s});

        const auto unknown = discover(u"https://login.example.org/x/oauth2/v2.0/authorize"_s);
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.json().value("error"_L1).toString(), u"invalid_instance"_s);
        QCOMPARE(m_http->get(u"/common/discovery/instance?authorization_endpoint=x"_s).status, 400);
    }

    void signingKeySurvivesRestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        fc::emu::EmulatorOptions options;
        options.dataFile = dir.filePath(u"emulator.sqlite"_s);
        QByteArray issued;
        QJsonValue kid;
        {
            fc::emu::Emulator first(options);
            QVERIFY(first.start());
            issued = first.accessToken(first.demoUserUpn());
            kid = jwtHeader(QString::fromLatin1(issued)).value("kid"_L1);
        }
        fc::emu::Emulator second(options);
        QVERIFY(second.start());
        HttpTestClient api(second.baseUrl());
        QCOMPARE(api.get(u"/common/discovery/v2.0/keys"_s)
                     .json()
                     .value("keys"_L1)
                     .toArray()
                     .first()
                     .toObject()
                     .value("kid"_L1),
                 kid);
        api.setBearer(issued);
        QCOMPARE(api.get(u"/providers/Microsoft.ProcessSimple/environments"_s).status, 200);
    }

    void noAuthMode()
    {
        fc::emu::EmulatorOptions options;
        options.noAuth = true;
        fc::emu::Emulator emu(options);
        QVERIFY(emu.start());
        HttpTestClient http(emu.baseUrl());
        QCOMPARE(http.get(u"/providers/Microsoft.ProcessSimple/environments"_s).value().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TstEmulatorIdentity)
#include "tst_emulator_identity.moc"
