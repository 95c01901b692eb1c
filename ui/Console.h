#pragma once

#include "auth/Profile.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace fc {

namespace emu {
class Emulator;
}

class MainWindow;
class Session;
class SignInDialog;
struct ApiError;

// The application: one session, one main window, and for --demo the in-process emulator. It
// decides what the window shows (welcome, signing in, the console) and opens the profile and
// sign-in dialogs. main() only parses the command line and calls start().
class Console : public QObject
{
    Q_OBJECT
public:
    explicit Console(QObject *parent = nullptr);
    ~Console() override;

    MainWindow *window() const { return m_window.get(); }
    Session *session() const { return m_session.get(); }
    emu::Emulator *emulator() const { return m_emulator.get(); }
    bool isDemo() const { return m_demo; }

    // demo: open the demo; profileName: sign in with that profile; neither: the last profile
    // used, or the welcome page when there is none.
    void start(bool demo, const QString &profileName);
    // Starts the emulator with the demo seed and signs in as its demo user without a browser.
    bool openDemo(QString *errorMessage = nullptr);
    // The demo signs in as its Power Platform administrator rather than its maker: every flow of
    // an environment, the orphaned ones, the recycle bin.
    void setDemoAsAdministrator(bool on) { m_demoAdmin = on; }
    // Uses a profile: silent sign-in from the keychain, or the sign-in dialog when that fails.
    void useProfile(const Profile &profile);

    void showProfiles();
    void showSignIn();
    void signOut();

signals:
    void signedIn(const QString &account);

private:
    void openSignInDialog();
    void onSignedIn(const QString &account);
    void onSignInFailed(const ApiError &error);
    void onOpenUrl(const QUrl &url);

    std::unique_ptr<emu::Emulator> m_emulator; // outlives the session that talks to it
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    QPointer<SignInDialog> m_signInDialog;
    bool m_demo = false;
    bool m_demoAdmin = false;
    bool m_switching = false; // signing in with another profile while still signed in
};

} // namespace fc
