#pragma once

#include "OAuth.h"
#include "Profile.h"

#include <QObject>

class QNetworkAccessManager;
class QTimer;

namespace fc {

// Sign-in for machines without a browser (RFC 8628): shows a user code and a URL, then polls
// the token endpoint at the server's interval until the user approved, declined, or the code
// expired. Qt 6.4 has no device flow, so it is written here.
class DeviceCodeSignIn : public QObject
{
    Q_OBJECT
public:
    DeviceCodeSignIn(const Profile &profile, QNetworkAccessManager *network, QObject *parent = nullptr);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    int pollIntervalSeconds() const { return m_intervalSeconds; }

signals:
    void codeReady(const QString &userCode, const QUrl &verificationUrl, const QString &message,
                   int expiresInSeconds);
    void succeeded(const fc::TokenResponse &tokens);
    void failed(const fc::ApiError &error);

private:
    void poll();
    void fail(const ApiError &error);

    Profile m_profile;
    QNetworkAccessManager *m_network;
    QTimer *m_timer;
    QString m_deviceCode;
    int m_intervalSeconds = 5;
    qint64 m_expiresAtMs = 0;
    bool m_running = false;
    bool m_polling = false;
};

} // namespace fc
