// Sign-in against the emulator as Entra ID v2 would answer: authorization code with PKCE,
// refresh with rotation, device code, token expiry and the 401s of the API.
#include "EmulatorTestSupport.h"

#include <QCryptographicHash>
#include <QTest>

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
