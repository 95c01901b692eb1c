#pragma once

#include "OAuth.h"
#include "Profile.h"
#include "api/TokenProvider.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace fc {

// The signed-in state of one profile: the refresh token and one access token per resource,
// in memory. Hands tokens to the API client; when one is missing or expired (or a 401 asked
// for a new one) it refreshes once per resource while further requests wait, then answers all.
// Refresh tokens rotate: every new one is announced so the keychain copy follows.
class AuthSession : public QObject, public TokenProvider
{
    Q_OBJECT
public:
    explicit AuthSession(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setProfile(const Profile &profile);
    const Profile &profile() const { return m_profile; }

    // After a sign-in: the tokens it brought (access token for the flow resource).
    void begin(const TokenResponse &tokens);
    // At start-up: a refresh token from the keychain; the first call refreshes silently.
    void resume(const QString &account, const QString &refreshToken);
    void signOut();

    bool isSignedIn() const { return !m_refreshToken.isEmpty() || !m_access.isEmpty(); }
    QString account() const { return m_account; }
    QString displayName() const { return m_displayName; }

    void requestToken(Host host, const QString &rejectedToken, QObject *context, Callback callback) override;

    // Refreshes the access token of a host now, even if it looks valid.
    void refreshNow(Host host, QObject *context, Callback callback);
    // Access tokens are refreshed this long before they expire (tests set it negative to make
    // the server's 401 the trigger).
    void setExpirySkewMs(qint64 ms) { m_expirySkewMs = ms; }
    // How long a token refresh may take before it fails as a Timeout (the session is kept, and
    // the refreshes waiting behind it go on).
    void setRefreshTimeoutMs(int ms) { m_refreshTimeoutMs = ms; }

signals:
    void refreshTokenChanged(const QString &account, const QString &refreshToken);
    void signedIn(const QString &account);
    void signedOut();
    // The refresh token was refused (expired, revoked): the user must sign in again.
    void sessionExpired(const fc::ApiError &error);

private:
    struct Pending
    {
        QPointer<QObject> context;
        bool hasContext = false;
        Callback callback;
    };
    struct Access
    {
        QString token;
        qint64 expiresAtMs = 0;
    };
    void enqueueRefresh(const QString &resource, Host host, QObject *context, Callback callback);
    void refresh(const QString &resource, Host host);
    void answer(const QString &resource, const Result<QString> &result);
    // Starts the next resource's refresh once the one in flight has its answer.
    void refreshNext();

    QNetworkAccessManager *m_network;
    Profile m_profile;
    QString m_account;
    QString m_displayName;
    QString m_refreshToken;
    QHash<QString, Access> m_access; // by resource
    QHash<QString, QList<Pending>> m_pending;
    // One refresh in flight across all resources: a refresh token may be good for one
    // redemption only (it rotates), so two resources refreshing at once with the same token
    // would see the second refused as "already used" — and that ends the session.
    bool m_refreshing = false;
    QList<QPair<QString, Host>> m_refreshQueue; // resources waiting for their turn
    qint64 m_expirySkewMs = 120000;
    int m_refreshTimeoutMs = 30000;
    quint64 m_generation = 0; // bumps on sign-out so a late refresh answer is dropped
};

} // namespace fc
