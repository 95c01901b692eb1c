#include "DeviceCodeSignIn.h"

#include "api/JsonParsers.h"

#include <QDateTime>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace fc {

DeviceCodeSignIn::DeviceCodeSignIn(const Profile &profile, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_network(network)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &DeviceCodeSignIn::poll);
}

static QString enc(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

void DeviceCodeSignIn::start()
{
    if (m_running)
        return;
    m_running = true;
    QUrlQuery form;
    form.addQueryItem(u"client_id"_s, enc(m_profile.clientId));
    form.addQueryItem(u"scope"_s, enc(m_profile.scopeFor(Host::Flow)));
    oauth::postForm(
        m_network, m_profile.deviceCodeUrl(), form, this, u"device code"_s,
        [this](int, Result<QByteArray> body) {
            if (!m_running)
                return;
            if (!body)
                return fail(body.error());
            auto root = json::parseObject(body.value());
            if (!root)
                return fail(root.error());
            m_deviceCode = root->value("device_code"_L1).toString();
            const QString userCode = root->value("user_code"_L1).toString();
            QUrl verification(root->value("verification_uri"_L1).toString());
            if (verification.isEmpty())
                verification = QUrl(root->value("verification_url"_L1).toString());
            if (m_deviceCode.isEmpty() || userCode.isEmpty() || !verification.isValid())
                return fail(ApiError::make(ApiError::Kind::Parse,
                                           tr("The identity service's device code answer is incomplete."),
                                           u"device code"_s));
            m_intervalSeconds = qBound(1, root->value("interval"_L1).toInt(5), 60);
            const int expiresIn = root->value("expires_in"_L1).toInt(900);
            m_expiresAtMs = QDateTime::currentMSecsSinceEpoch() + expiresIn * 1000LL;
            emit codeReady(userCode, verification, root->value("message"_L1).toString(), expiresIn);
            m_timer->start(m_intervalSeconds * 1000);
        });
}

void DeviceCodeSignIn::poll()
{
    if (!m_running || m_polling)
        return;
    if (QDateTime::currentMSecsSinceEpoch() > m_expiresAtMs)
        return fail(ApiError::make(ApiError::Kind::Auth,
                                   tr("The device code expired before it was approved."), u"device code"_s));
    m_polling = true;
    QUrlQuery form;
    form.addQueryItem(u"client_id"_s, enc(m_profile.clientId));
    form.addQueryItem(u"grant_type"_s, enc(u"urn:ietf:params:oauth:grant-type:device_code"_s));
    form.addQueryItem(u"device_code"_s, enc(m_deviceCode));
    oauth::postForm(
        m_network, m_profile.tokenUrl(), form, this, u"device code"_s, [this](int, Result<QByteArray> body) {
            m_polling = false;
            if (!m_running)
                return;
            if (body) {
                auto tokens = oauth::parseTokenResponse(body.value(), QDateTime::currentMSecsSinceEpoch());
                if (!tokens)
                    return fail(tokens.error());
                m_running = false;
                emit succeeded(tokens.value());
                return;
            }
            const ApiError &error = body.error();
            if (error.code == "authorization_pending"_L1) {
                m_timer->start(m_intervalSeconds * 1000);
            } else if (error.code == "slow_down"_L1) {
                // RFC 8628 3.5: add five seconds to the interval for this and later polls.
                m_intervalSeconds += 5;
                m_timer->start(m_intervalSeconds * 1000);
            } else {
                // expired_token, access_denied, or anything else ends the sign-in.
                fail(error);
            }
        });
}

void DeviceCodeSignIn::cancel()
{
    fail(ApiError::make(ApiError::Kind::Cancelled, tr("Sign-in was cancelled."), u"device code"_s));
}

void DeviceCodeSignIn::fail(const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    emit failed(error);
}

} // namespace fc
