#include "auth/OAuth.h"
#include "auth/Profile.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using fc::CloudPreset;
using fc::Profile;

class TestProfile : public QObject
{
    Q_OBJECT

private slots:
    void presetsFillUrls();
    void validation_data();
    void validation();
    void identityUrls();
    void scopes();
    void roundTripThroughSettings();
    void pkceMatchesRfc7636();
    void verifierIsRandomAndUrlSafe();
    void tokenResponse();
    void tokenResponseErrors();
};

static Profile valid()
{
    Profile p = Profile::fromPreset(CloudPreset::Public);
    p.name = u"Contoso"_s;
    p.tenant = u"contoso.onmicrosoft.com"_s;
    p.clientId = u"11111111-2222-3333-4444-555555555555"_s;
    return p;
}

void TestProfile::presetsFillUrls()
{
    const Profile pub = Profile::fromPreset(CloudPreset::Public);
    QCOMPARE(pub.flowApiBase, QUrl(u"https://api.flow.microsoft.com"_s));
    QCOMPARE(pub.authorityBase, QUrl(u"https://login.microsoftonline.com"_s));
    const Profile high = Profile::fromPreset(CloudPreset::UsGccHigh);
    QCOMPARE(high.flowApiBase, QUrl(u"https://high.api.flow.microsoft.us"_s));
    QCOMPARE(high.authorityBase, QUrl(u"https://login.microsoftonline.us"_s));
    const Profile china = Profile::fromPreset(CloudPreset::China);
    QCOMPARE(china.flowApiBase, QUrl(u"https://api.powerautomate.cn"_s));
    Profile custom = valid();
    custom.flowApiBase = QUrl(u"http://127.0.0.1:8080"_s);
    custom.applyPreset(CloudPreset::Custom); // keeps what the user typed
    QCOMPARE(custom.flowApiBase, QUrl(u"http://127.0.0.1:8080"_s));
}

void TestProfile::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("mentions"); // empty: valid

    QTest::newRow("valid") << QString() << QString() << QString();
    QTest::newRow("http loopback") << u"flow"_s << u"http://127.0.0.1:5000"_s << QString();
    QTest::newRow("http localhost") << u"flow"_s << u"http://localhost:5000"_s << QString();
    QTest::newRow("http ipv6 loopback") << u"flow"_s << u"http://[::1]:5000"_s << QString();
    QTest::newRow("http remote") << u"flow"_s << u"http://api.flow.microsoft.com"_s << u"plain http"_s;
    QTest::newRow("http private") << u"graph"_s << u"http://10.0.0.5"_s << u"plain http"_s;
    QTest::newRow("http authority") << u"authority"_s << u"http://login.example.com"_s << u"plain http"_s;
    QTest::newRow("ftp") << u"flow"_s << u"ftp://x.example.com"_s << u"https://"_s;
    QTest::newRow("user info") << u"flow"_s << u"https://me:pw@x.example.com"_s << u"user name"_s;
    QTest::newRow("query") << u"flow"_s << u"https://x.example.com?a=b"_s << u"query"_s;
    QTest::newRow("empty url") << u"flow"_s << QString() << u"missing"_s;
    QTest::newRow("no name") << u"name"_s << u" "_s << u"name"_s;
    QTest::newRow("no tenant") << u"tenant"_s << QString() << u"tenant"_s;
    QTest::newRow("common tenant") << u"tenant"_s << u"common"_s << u"common"_s;
    QTest::newRow("no client") << u"client"_s << QString() << u"client ID"_s;
}

void TestProfile::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, mentions);
    Profile p = valid();
    if (field == "flow"_L1)
        p.flowApiBase = QUrl(value);
    else if (field == "graph"_L1)
        p.graphBase = QUrl(value);
    else if (field == "authority"_L1)
        p.authorityBase = QUrl(value);
    else if (field == "name"_L1)
        p.name = value;
    else if (field == "tenant"_L1)
        p.tenant = value;
    else if (field == "client"_L1)
        p.clientId = value;
    const auto error = p.validate();
    if (mentions.isEmpty()) {
        QVERIFY2(!error, qPrintable(error.value_or(QString())));
    } else {
        QVERIFY(error);
        QVERIFY2(error->contains(mentions), qPrintable(*error));
    }
}

void TestProfile::identityUrls()
{
    Profile p = valid();
    QCOMPARE(p.authorizeUrl(),
             QUrl(u"https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize"_s));
    QCOMPARE(p.tokenUrl().path(), u"/contoso.onmicrosoft.com/oauth2/v2.0/token"_s);
    QCOMPARE(p.deviceCodeUrl().path(), u"/contoso.onmicrosoft.com/oauth2/v2.0/devicecode"_s);
    p.tenant = u"a/b"_s; // a tenant can never change the endpoint's path
    QVERIFY(p.tokenUrl().toString(QUrl::FullyEncoded).contains(u"/a%2Fb/oauth2"_s));
}

void TestProfile::scopes()
{
    const Profile p = valid();
    QCOMPARE(p.scopeFor(fc::Host::Flow), u"https://service.flow.microsoft.com/.default offline_access"_s);
    QCOMPARE(p.scopeFor(fc::Host::PowerApps), u"https://service.powerapps.com/.default offline_access"_s);
    QCOMPARE(p.scopeFor(fc::Host::Graph), u"https://graph.microsoft.com/.default offline_access"_s);
}

void TestProfile::roundTripThroughSettings()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"p.ini"_s), QSettings::IniFormat);
    Profile a = valid();
    a.dialect = fc::Dialect::Spec;
    a.account = u"adele@contoso.com"_s;
    Profile b = Profile::fromPreset(CloudPreset::UsDod);
    b.name = u"DoD"_s;
    b.clientId = u"c"_s;
    fc::ProfileStore::save(settings, {a, b});
    const QList<Profile> loaded = fc::ProfileStore::load(settings);
    QCOMPARE(loaded.size(), 2);
    QVERIFY(loaded[0] == a);
    QVERIFY(loaded[1] == b);
    // Nothing secret is ever in a profile: every stored key is one of these.
    settings.beginReadArray(u"profiles"_s);
    settings.setArrayIndex(0);
    for (const QString &key : settings.childKeys())
        QVERIFY2(!key.contains(u"token"_s, Qt::CaseInsensitive) &&
                     !key.contains(u"secret"_s, Qt::CaseInsensitive),
                 qPrintable(key));
    settings.endArray();
}

void TestProfile::pkceMatchesRfc7636()
{
    // RFC 7636, appendix B.
    QCOMPARE(fc::oauth::codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestProfile::verifierIsRandomAndUrlSafe()
{
    const QByteArray a = fc::oauth::makeCodeVerifier();
    const QByteArray b = fc::oauth::makeCodeVerifier();
    QVERIFY(a != b);
    QVERIFY(a.size() >= 43 && a.size() <= 128);
    for (char c : a)
        QVERIFY(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
}

void TestProfile::tokenResponse()
{
    // {"upn":"adele@contoso.com","name":"Adele Vance"} as a JWT payload.
    const QByteArray payload = QByteArray(R"({"upn":"adele@contoso.com","name":"Adele Vance"})")
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray body = R"({"token_type":"Bearer","expires_in":3599,"access_token":"h.)" + payload +
                            R"(.s","refresh_token":"r1","scope":"x"})";
    const auto tokens = fc::oauth::parseTokenResponse(body, 1000);
    QVERIFY(tokens.ok());
    QCOMPARE(tokens->refreshToken, u"r1"_s);
    QCOMPARE(tokens->expiresAtMs, qint64(1000 + 3599 * 1000));
    QCOMPARE(tokens->account, u"adele@contoso.com"_s);
    QCOMPARE(tokens->displayName, u"Adele Vance"_s);
    // expires_in as a string (v1 endpoints)
    const auto v1 = fc::oauth::parseTokenResponse(R"({"access_token":"a","expires_in":"60"})", 0);
    QVERIFY(v1.ok());
    QCOMPARE(v1->expiresAtMs, qint64(60000));
}

void TestProfile::tokenResponseErrors()
{
    QVERIFY(!fc::oauth::parseTokenResponse("{}", 0).ok());
    QVERIFY(!fc::oauth::parseTokenResponse("<html>", 0).ok());
    const fc::ApiError e = fc::oauth::oauthError(
        400,
        R"({"error":"invalid_grant","error_description":"AADSTS70008: The refresh token has expired.","correlation_id":"c1"})",
        u"refresh token"_s);
    QCOMPARE(e.code, u"invalid_grant"_s);
    QCOMPARE(e.requestId, u"c1"_s);
    QVERIFY(e.toString().contains(u"AADSTS70008: The refresh token has expired."_s));
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
