#pragma once

#include "OAuth.h"
#include "Profile.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;
class QTimer;

namespace fc {

class LoopbackReplyHandler;

// Interactive sign-in: authorization code with PKCE (S256) through the system browser and a
// loopback redirect on an ephemeral port (RFC 8252). Qt 6.4's QOAuth2AuthorizationCodeFlow
// does the protocol; PKCE and login_hint are added to its parameters, the state it sends is
// checked on the way back, and token-endpoint errors are reported in the service's words.
class AuthCodeSignIn : public QObject
{
    Q_OBJECT
public:
    AuthCodeSignIn(const Profile &profile, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AuthCodeSignIn() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setLoginHint(const QString &hint) { m_loginHint = hint; }

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    // Open this URL in the user's browser (the UI does, with QDesktopServices).
    void openUrl(const QUrl &url);
    void succeeded(const fc::TokenResponse &tokens);
    void failed(const fc::ApiError &error);

private:
    void fail(const ApiError &error);

    Profile m_profile;
    QNetworkAccessManager *m_network;
    QOAuth2AuthorizationCodeFlow *m_flow = nullptr;
    LoopbackReplyHandler *m_handler = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_verifier;
    QString m_loginHint;
    int m_timeoutMs = 5 * 60 * 1000;
    bool m_running = false;
};

} // namespace fc
