#pragma once

#include "AuthSession.h"
#include "OAuth.h"
#include "Profile.h"
#include "TokenStore.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkAccessManager;

namespace fc {

class ApiClient;
class AuthCodeSignIn;
class DeviceCodeSignIn;

// Everything one signed-in console needs, wired together: the profile, the API client, the
// in-memory tokens and the keychain. The UI talks to this; tests use it as the UI does.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // Refuses (and says why) a profile that fails Profile::validate(). A profile that differs in
    // where or as which app it signs in ends the current sign-in; one that only records the
    // signed-in account or another dialect keeps it.
    std::optional<QString> setProfile(const Profile &profile);
    const Profile &profile() const;
    // Another profile to sign in with while the current sign-in goes on: the browser and
    // device-code sign-ins use it, and only their success replaces the current profile and
    // tokens. A sign-in that fails or is cancelled leaves the current session as it was.
    // `persistTokens` replaces setPersistTokens() with the profile (a demo session switching to a
    // tenant keeps the demo's tokens out of the keychain until then).
    std::optional<QString> stageProfile(const Profile &profile, bool persistTokens = true);
    void dropStagedProfile() { m_staged.reset(); }
    bool hasStagedProfile() const { return m_staged.has_value(); }
    // The profile the next interactive sign-in is for: the staged one, else the current one.
    const Profile &signInProfile() const { return m_staged ? *m_staged : profile(); }

    ApiClient *client() const { return m_client; }
    AuthSession *auth() const { return m_auth; }
    TokenStore *tokenStore() const { return m_store; }
    QNetworkAccessManager *network() const;

    bool isSignedIn() const { return m_auth->isSignedIn(); }
    QString account() const { return m_auth->account(); }

    // Browser sign-in (authorization code + PKCE). openUrl() asks the UI to open the browser.
    void signInWithBrowser(const QString &loginHint = {});
    // Device code sign-in; deviceCodeReady() gives the code to show.
    void signInWithDeviceCode();
    void cancelSignIn();
    // Silent sign-in from the refresh token stored for the profile's last account.
    void resumeFromKeychain();
    void signOut();

    // Whether refresh tokens are written to the keychain (off for the demo).
    void setPersistTokens(bool persist) { m_persist = persist; }

signals:
    void openUrl(const QUrl &url);
    void deviceCodeReady(const QString &userCode, const QUrl &verificationUrl, const QString &message,
                         int expiresInSeconds);
    void signedIn(const QString &account);
    void signInFailed(const fc::ApiError &error);
    void signedOut();
    // The keychain could not be used; the session goes on with tokens in memory only.
    void keychainProblem(const QString &message);
    // Silent sign-in found nothing usable; the UI should offer an interactive sign-in.
    void interactiveSignInNeeded(const QString &reason);

private:
    void onTokens(const TokenResponse &tokens);
    void persist(const QString &account, const QString &refreshToken);

    QNetworkAccessManager *m_network;
    ApiClient *m_client;
    AuthSession *m_auth;
    TokenStore *m_store;
    QPointer<AuthCodeSignIn> m_codeSignIn;
    QPointer<DeviceCodeSignIn> m_deviceSignIn;
    bool m_persist = true;
    std::optional<Profile> m_staged;
    bool m_stagedPersist = true;
};

// Follows an authorization URL the way a browser would, for an identity service that approves
// at once (the emulator with a login_hint): GET it and follow redirects, which end at the
// loopback redirect listener. Used by --demo and by tests; never for a real tenant.
void visitWithoutBrowser(QNetworkAccessManager *network, const QUrl &url, QObject *context);

} // namespace fc
