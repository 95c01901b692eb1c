#include "Console.h"

#include "Emulator.h"
#include "MainWindow.h"
#include "Messages.h"
#include "ProfilesDialog.h"
#include "SignInDialog.h"
#include "auth/Session.h"

#include <QDesktopServices>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace fc {

Console::Console(QObject *parent)
    : QObject(parent)
    , m_session(std::make_unique<Session>())
    , m_window(std::make_unique<MainWindow>(m_session->client()))
{
    connect(m_session.get(), &Session::openUrl, this, &Console::onOpenUrl);
    connect(m_session.get(), &Session::signedIn, this, &Console::onSignedIn);
    connect(m_session.get(), &Session::signInFailed, this, &Console::onSignInFailed);
    connect(m_session.get(), &Session::signedOut, this,
            [this] { m_window->showSignedOut(tr("You signed out.")); });
    connect(m_session.get(), &Session::interactiveSignInNeeded, this, [this](const QString &reason) {
        m_window->showSignedOut(reason);
        showSignIn();
    });
    connect(m_session.get(), &Session::keychainProblem, this,
            [this](const QString &message) { m_window->showWarning(message); });
    connect(m_window.get(), &MainWindow::demoRequested, this, [this] {
        QString error;
        if (!openDemo(&error))
            showError(m_window.get(), tr("The demo could not start"), error);
    });
    connect(m_window.get(), &MainWindow::profilesRequested, this, &Console::showProfiles);
    connect(m_window.get(), &MainWindow::signInRequested, this, &Console::showSignIn);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &Console::signOut);
}

Console::~Console()
{
    // The window's models hold calls on the session's client; close them first.
    m_window.reset();
    m_session.reset();
    m_emulator.reset();
}

void Console::start(bool demo, const QString &profileName)
{
    if (demo) {
        QString error;
        if (!openDemo(&error))
            m_window->showSignedOut(error);
        return;
    }
    QSettings settings;
    const QList<Profile> profiles = ProfileStore::load(settings);
    const QString wanted =
        profileName.isEmpty() ? settings.value("session/lastProfile"_L1).toString() : profileName;
    for (const Profile &profile : profiles) {
        if (profile.name == wanted) {
            useProfile(profile);
            return;
        }
    }
    if (!profileName.isEmpty())
        m_window->showSignedOut(tr("There is no profile called \"%1\".").arg(profileName));
    else if (profiles.isEmpty())
        m_window->showSignedOut(tr("Sign in to your tenant, or look around in the demo first."));
    else
        m_window->showSignedOut({});
}

bool Console::openDemo(QString *errorMessage)
{
    if (!m_emulator) {
        emu::EmulatorOptions options;
        options.seed = u"demo"_s;
        auto emulator = std::make_unique<emu::Emulator>(options);
        if (!emulator->start(errorMessage))
            return false;
        m_emulator = std::move(emulator);
    }
    const QUrl base = m_emulator->baseUrl();
    Profile profile = Profile::fromPreset(CloudPreset::Public);
    profile.name = tr("Demo");
    profile.cloud = CloudPreset::Custom;
    profile.authorityBase = base;
    profile.flowApiBase = base;
    profile.powerAppsApiBase = base;
    profile.graphBase = base;
    profile.tenant = m_emulator->tenantId();
    profile.clientId = u"flowconsole-demo"_s;
    profile.dialect = Dialect::Live;
    const QString account = m_demoAdmin ? m_emulator->adminUserUpn() : m_emulator->demoUserUpn();
    profile.loginHint = account;
    if (auto problem = m_session->setProfile(profile)) {
        if (errorMessage)
            *errorMessage = *problem;
        return false;
    }
    m_demo = true;
    m_session->setPersistTokens(false);
    m_window->setSigningIn(tr("Opening the demo…"));
    m_session->signInWithBrowser(account);
    return true;
}

void Console::useProfile(const Profile &profile)
{
    if (auto problem = m_session->setProfile(profile)) {
        m_window->showSignedOut(*problem);
        return;
    }
    m_demo = false;
    m_session->setPersistTokens(true);
    m_window->setSigningIn(tr("Signing in to %1…").arg(profile.name));
    m_session->resumeFromKeychain();
}

void Console::onOpenUrl(const QUrl &url)
{
    // The emulator approves the demo user at once; no browser is needed, or wanted. (A sign-in
    // to a tenant started from the demo is a real one.)
    if (m_demo && !m_session->hasStagedProfile())
        visitWithoutBrowser(m_session->network(), url, this);
    else if (!QDesktopServices::openUrl(url))
        m_window->showMessage(tr("Could not open a browser. Use a device code instead."), 15000);
}

void Console::onSignedIn(const QString &account)
{
    if (std::exchange(m_switching, false))
        m_demo = false; // the staged profile took over; it is never the demo's
    const Profile &profile = m_session->profile();
    if (!m_demo) {
        QSettings settings;
        settings.setValue("session/lastProfile"_L1, profile.name);
        // Remember the account so the next start can resume from the keychain.
        QList<Profile> profiles = ProfileStore::load(settings);
        for (Profile &p : profiles) {
            if (p.name == profile.name && p.account != account) {
                p.account = account;
                // Not pushed into the session: setProfile() would end the sign-in just made.
                ProfileStore::save(settings, profiles);
                break;
            }
        }
    }
    m_window->showSignedIn(account, profile.name, m_demo);
    emit signedIn(account);
}

void Console::onSignInFailed(const ApiError &error)
{
    if (m_switching && m_session->isSignedIn())
        return; // the sign-in dialog shows why; the current session goes on
    // The service's own words: AADSTS codes mean something to the admin who reads them.
    QString text = error.message;
    if (!error.code.isEmpty() && !text.contains(error.code))
        text = error.code + u": "_s + text;
    m_window->showSignedOut(m_demo ? tr("The demo could not sign in: %1").arg(text)
                                   : tr("Sign-in failed: %1").arg(text));
}

void Console::showProfiles()
{
    auto *dialog = new ProfilesDialog(m_window.get());
    connect(dialog, &ProfilesDialog::signInRequested, this, [this](const Profile &profile) {
        if (m_session->isSignedIn()) {
            // The current session stays until the new sign-in succeeds: cancelling it, or a
            // failure, leaves the user where they were.
            if (auto problem = m_session->stageProfile(profile)) {
                showError(m_window.get(), tr("Could not sign in with %1").arg(profile.name), *problem);
                return;
            }
            m_switching = true;
            openSignInDialog();
            return;
        }
        if (auto problem = m_session->setProfile(profile)) {
            m_window->showSignedOut(*problem);
            return;
        }
        m_demo = false;
        m_session->setPersistTokens(true);
        showSignIn();
    });
    dialog->open();
}

void Console::showSignIn()
{
    if (m_demo) {
        QString error;
        if (!openDemo(&error))
            showError(m_window.get(), tr("The demo could not start"), error);
        return;
    }
    if (m_session->profile().name.isEmpty()) {
        showProfiles();
        return;
    }
    openSignInDialog();
}

void Console::openSignInDialog()
{
    if (m_signInDialog) {
        m_signInDialog->raise();
        return;
    }
    m_signInDialog = new SignInDialog(m_session.get(), m_window.get());
    connect(m_signInDialog, &QDialog::rejected, this, [this] { m_switching = false; });
    m_signInDialog->open();
}

void Console::signOut()
{
    m_session->signOut();
    m_window->showSignedOut(tr("You signed out."));
}

} // namespace fc
