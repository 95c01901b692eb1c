#include "AuthCodeSignIn.h"

#include <QDateTime>
#include <QHostAddress>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace fc {

// Qt 6.4's reply handler only logs a failed token request; this one also reports it, with the
// body the identity service sent (invalid_grant, a PKCE mismatch, ...).
class LoopbackReplyHandler : public QOAuthHttpServerReplyHandler
{
    Q_OBJECT
public:
    using QOAuthHttpServerReplyHandler::QOAuthHttpServerReplyHandler;

    void networkReplyFinished(QNetworkReply *reply) override
    {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status >= 400) {
            const QByteArray body = reply->readAll();
            emit tokenRequestFailed(status, body, reply->error());
            return;
        }
        // Success is reported from the raw body, so the refresh token and claims are read
        // exactly as the service sent them.
        emit tokenBody(reply->readAll());
    }

signals:
    void tokenRequestFailed(int status, const QByteArray &body, QNetworkReply::NetworkError error);
    void tokenBody(const QByteArray &body);
};

AuthCodeSignIn::AuthCodeSignIn(const Profile &profile, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_network(network)
{}

AuthCodeSignIn::~AuthCodeSignIn() = default;

void AuthCodeSignIn::start()
{
    if (m_running)
        return;
    m_running = true;
    m_verifier = oauth::makeCodeVerifier();

    m_handler = new LoopbackReplyHandler(QHostAddress::LocalHost, 0, this);
    m_handler->setCallbackText(
        tr("FlowConsole is signed in. You can close this tab and return to FlowConsole."));
    if (!m_handler->isListening()) {
        fail(ApiError::make(ApiError::Kind::Network,
                            tr("Could not listen on a loopback port for the sign-in redirect."),
                            u"sign-in"_s));
        return;
    }

    m_flow = new QOAuth2AuthorizationCodeFlow(this);
    m_flow->setNetworkAccessManager(m_network);
    m_flow->setReplyHandler(m_handler);
    m_flow->setAuthorizationUrl(m_profile.authorizeUrl());
    m_flow->setAccessTokenUrl(m_profile.tokenUrl());
    m_flow->setClientIdentifier(m_profile.clientId);
    m_flow->setScope(m_profile.scopeFor(Host::Flow));
    const QByteArray challenge = oauth::codeChallengeS256(m_verifier);
    const QString hint = m_loginHint.isEmpty() ? m_profile.loginHint : m_loginHint;
    m_flow->setModifyParametersFunction(
        [this, challenge, hint](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
            if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
                parameters->insert(u"code_challenge"_s, QString::fromLatin1(challenge));
                parameters->insert(u"code_challenge_method"_s, u"S256"_s);
                if (!hint.isEmpty())
                    parameters->insert(u"login_hint"_s, hint);
                else
                    parameters->insert(u"prompt"_s, u"select_account"_s);
            } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
                parameters->insert(u"code_verifier"_s, QString::fromLatin1(m_verifier));
                // Qt 6.4 sends the code as it arrived, percent-decoded; that is what we want.
            }
        });

    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, &AuthCodeSignIn::openUrl);
    connect(m_flow, &QAbstractOAuth2::error, this,
            [this](const QString &error, const QString &description, const QUrl &) {
                ApiError e = ApiError::make(ApiError::Kind::Auth, description.isEmpty() ? error : description,
                                            u"sign-in"_s);
                e.code = error;
                fail(e);
            });
    // The redirect's state must be the one we sent; Qt 6.4 silently ignores a mismatch, so
    // check it here and fail clearly rather than wait for the timeout.
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            [this](const QVariantMap &values) {
                if (values.value(u"state"_s).toString() != m_flow->state()) {
                    fail(ApiError::make(
                        ApiError::Kind::Auth,
                        tr("The sign-in answer did not carry the state this sign-in sent; it was ignored."),
                        u"sign-in"_s));
                    return;
                }
                if (values.contains(u"error"_s)) {
                    ApiError e = ApiError::make(
                        ApiError::Kind::Auth, values.value(u"error_description"_s).toString(), u"sign-in"_s);
                    e.code = values.value(u"error"_s).toString();
                    fail(e);
                }
            });
    connect(m_handler, &LoopbackReplyHandler::tokenRequestFailed, this,
            [this](int status, const QByteArray &body, QNetworkReply::NetworkError) {
                if (status >= 400)
                    fail(oauth::oauthError(status, body, u"sign-in"_s));
                else
                    fail(ApiError::make(ApiError::Kind::Network,
                                        tr("The identity service could not be reached."), u"sign-in"_s));
            });
    // The raw token answer: kept so the refresh token and claims are read exactly as sent.
    connect(m_handler, &LoopbackReplyHandler::tokenBody, this, [this](const QByteArray &body) {
        auto tokens = oauth::parseTokenResponse(body, QDateTime::currentMSecsSinceEpoch());
        if (!tokens) {
            fail(tokens.error());
            return;
        }
        if (!m_running)
            return;
        m_running = false;
        m_timer->stop();
        m_handler->close();
        emit succeeded(tokens.value());
    });

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        fail(ApiError::make(
            ApiError::Kind::Timeout,
            tr("Sign-in did not complete within %1 minutes.").arg(m_timeoutMs / 60000.0, 0, 'g', 2),
            u"sign-in"_s));
    });
    m_timer->start(m_timeoutMs);
    m_flow->grant();
}

void AuthCodeSignIn::cancel()
{
    if (!m_running)
        return;
    fail(ApiError::make(ApiError::Kind::Cancelled, tr("Sign-in was cancelled."), u"sign-in"_s));
}

void AuthCodeSignIn::fail(const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_timer)
        m_timer->stop();
    if (m_handler)
        m_handler->close();
    emit failed(error);
}

} // namespace fc

#include "AuthCodeSignIn.moc"
