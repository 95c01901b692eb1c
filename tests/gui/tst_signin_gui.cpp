// First start, profiles and sign-in against the in-process emulator, offscreen: the welcome page
// offers both ways in; the profiles dialog refuses what validate() refuses and stores the rest;
// the device-code sign-in shows the code and signs in once it is approved; a denied code shows
// the identity service's own words.

#include "ConsoleTestSupport.h"
#include "ProfilesDialog.h"
#include "SignInDialog.h"
#include "WelcomePage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSettings>
#include <QStackedWidget>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestSignInGui : public QObject
{
    Q_OBJECT
private slots:
    void init() { QSettings().clear(); }
    void firstStartOffersBoth();
    void profilesDialogValidatesAndStores();
    void deviceCodeSignIn();
    void deniedDeviceCodeShowsServiceWords();
    void switchingProfileKeepsTheSessionUntilSuccess();

private:
    // A profile for a running emulator, stored as a user would store it.
    static Profile storeEmulatorProfile(const emu::Emulator &emulator);
    SignInDialog *startDeviceCode(Console &console, QString *userCode);
};

void TestSignInGui::firstStartOffersBoth()
{
    Console console;
    console.window()->show();
    console.start(false, {});
    auto *pages = console.window()->findChild<QStackedWidget *>(u"pages"_s);
    QCOMPARE(pages->currentWidget()->objectName(), u"welcomePage"_s);
    auto *signIn = console.window()->findChild<QAbstractButton *>(u"welcomeSignInButton"_s);
    auto *demo = console.window()->findChild<QAbstractButton *>(u"welcomeDemoButton"_s);
    QVERIFY(signIn && signIn->isEnabled());
    QVERIFY(demo && demo->isEnabled());
    QVERIFY(!signIn->accessibleName().isEmpty());

    // Sign in to a tenant opens the profiles dialog (there is no profile yet).
    signIn->click();
    QPointer<ProfilesDialog> profiles = console.window()->findChild<ProfilesDialog *>();
    QVERIFY(profiles);
    QVERIFY(profiles->isVisible());
    profiles->reject();
    QTRY_VERIFY(profiles.isNull());

    // The demo opens the console.
    QSignalSpy signedIn(&console, &Console::signedIn);
    demo->click();
    QVERIFY(signedIn.wait(20000));
    QVERIFY(console.window()->windowTitle().contains(u"Demo"_s));
    QTRY_VERIFY(console.window()->navigation()->rowCount() > 0);
}

void TestSignInGui::profilesDialogValidatesAndStores()
{
    ProfilesDialog dialog;
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(u"profileNameEdit"_s);
    auto *tenant = dialog.findChild<QLineEdit *>(u"tenantEdit"_s);
    auto *clientId = dialog.findChild<QLineEdit *>(u"clientIdEdit"_s);
    auto *flowApi = dialog.findChild<QLineEdit *>(u"flowApiEdit"_s);
    auto *error = dialog.findChild<QLabel *>(u"profileError"_s);
    auto *save = dialog.findChild<QAbstractButton *>(u"saveProfileButton"_s);
    name->setText(u"Contoso"_s);
    tenant->setText(u"contoso.onmicrosoft.com"_s);
    clientId->setText(u"11111111-2222-3333-4444-555555555555"_s);
    QCOMPARE(flowApi->text(), u"https://api.flow.microsoft.com"_s); // the public cloud's

    // Plain http to another host would send tokens in clear text: refused.
    QVERIFY(!flowApi->isVisible());
    dialog.findChild<QCheckBox *>(u"advancedCheck"_s)->setChecked(true);
    QVERIFY(flowApi->isVisible());
    // The advanced fields line up with the others (one form, one label column).
    QTRY_COMPARE(flowApi->mapTo(&dialog, QPoint()).x(), tenant->mapTo(&dialog, QPoint()).x());
    QCOMPARE(flowApi->width(), tenant->width());
    flowApi->setText(u"http://flow.example.com"_s);
    save->click();
    QVERIFY(error->text().contains(u"http"_s));
    QVERIFY(ProfileStore::load(*std::make_unique<QSettings>()).isEmpty());

    // A national cloud preset fills in its URLs.
    auto *cloud = dialog.findChild<QComboBox *>(u"cloudCombo"_s);
    cloud->setCurrentIndex(cloud->findData(static_cast<int>(CloudPreset::UsGccHigh)));
    QCOMPARE(flowApi->text(), u"https://high.api.flow.microsoft.us"_s);
    save->click();
    QSettings settings;
    const QList<Profile> stored = ProfileStore::load(settings);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().name, u"Contoso"_s);
    QCOMPARE(stored.first().cloud, CloudPreset::UsGccHigh);
    QCOMPARE(stored.first().clientId, u"11111111-2222-3333-4444-555555555555"_s);

    // Remove.
    dialog.findChild<QAbstractButton *>(u"removeProfileButton"_s)->click();
    QVERIFY(ProfileStore::load(settings).isEmpty());
}

Profile TestSignInGui::storeEmulatorProfile(const emu::Emulator &emulator)
{
    Profile profile = Profile::fromPreset(CloudPreset::Public);
    profile.name = u"Emulator"_s;
    profile.cloud = CloudPreset::Custom;
    profile.authorityBase = emulator.baseUrl();
    profile.flowApiBase = emulator.baseUrl();
    profile.powerAppsApiBase = emulator.baseUrl();
    profile.graphBase = emulator.baseUrl();
    profile.tenant = emulator.tenantId();
    profile.clientId = u"flowconsole-gui-tests"_s;
    QSettings settings;
    ProfileStore::save(settings, {profile});
    return profile;
}

SignInDialog *TestSignInGui::startDeviceCode(Console &console, QString *userCode)
{
    console.window()->show();
    // No account has signed in with this profile: the console asks for an interactive sign-in.
    console.start(false, u"Emulator"_s);
    SignInDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = console.window()->findChild<SignInDialog *>()) != nullptr; },
                         10000))
        return nullptr;
    dialog->findChild<QAbstractButton *>(u"deviceCodeButton"_s)->click();
    auto *code = dialog->findChild<QLineEdit *>(u"deviceCodeEdit"_s);
    if (!QTest::qWaitFor([&] { return !code->text().isEmpty(); }, 10000))
        return nullptr;
    *userCode = code->text();
    return dialog;
}

void TestSignInGui::deviceCodeSignIn()
{
    emu::Emulator emulator;
    QVERIFY(emulator.start());
    storeEmulatorProfile(emulator);
    Console console;
    QString userCode;
    QPointer<SignInDialog> dialog = startDeviceCode(console, &userCode);
    QVERIFY(dialog);
    auto *url = dialog->findChild<QLabel *>(u"verificationUrlLabel"_s);
    QVERIFY(url->text().contains(emulator.baseUrl().host()));
    QVERIFY(dialog->findChild<QAbstractButton *>(u"copyCodeButton"_s)->isEnabled());

    QSignalSpy signedIn(&console, &Console::signedIn);
    QVERIFY(emulator.approveDeviceCode(userCode, emulator.demoUserUpn()));
    QVERIFY(signedIn.wait(20000));
    QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
    QVERIFY(console.window()->windowTitle().contains(u"Emulator"_s));
    QTRY_VERIFY(console.window()->navigation()->rowCount() > 0);
}

void TestSignInGui::deniedDeviceCodeShowsServiceWords()
{
    emu::Emulator emulator;
    QVERIFY(emulator.start());
    storeEmulatorProfile(emulator);
    Console console;
    QString userCode;
    QPointer<SignInDialog> dialog = startDeviceCode(console, &userCode);
    QVERIFY(dialog);
    QVERIFY(emulator.denyDeviceCode(userCode));
    auto *error = dialog->findChild<QLabel *>(u"signInError"_s);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
    // The identity service's words, with its error code.
    QVERIFY2(error->text().contains(u"AADSTS"_s) || error->text().contains(u"denied"_s, Qt::CaseInsensitive),
             qPrintable(error->text()));
    QVERIFY(dialog->findChild<QAbstractButton *>(u"deviceCodeButton"_s)->isEnabled()); // can try again
}

// Signing in with another profile while signed in: the current session goes on until the new
// sign-in succeeds. Cancelling the sign-in dialog, or a denied code, leaves it as it was.
void TestSignInGui::switchingProfileKeepsTheSessionUntilSuccess()
{
    emu::Emulator emulator;
    QVERIFY(emulator.start());
    storeEmulatorProfile(emulator);
    Console console;
    console.window()->show();
    QSignalSpy signedIn(&console, &Console::signedIn);
    console.start(true, {});
    QVERIFY(signedIn.wait(20000));
    const QString demoAccount = console.session()->account();
    QTRY_VERIFY(console.window()->navigation()->rowCount() > 0);
    auto *pages = console.window()->findChild<QStackedWidget *>(u"pages"_s);

    const auto requestSignIn = [&]() -> SignInDialog * {
        console.showProfiles();
        auto *profiles = console.window()->findChild<ProfilesDialog *>();
        if (!profiles)
            return nullptr;
        profiles->findChild<QAbstractButton *>(u"profileSignInButton"_s)->click();
        SignInDialog *dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] { return (dialog = console.window()->findChild<SignInDialog *>()) != nullptr; }, 10000);
        return dialog;
    };
    const auto stillInTheDemo = [&] {
        return console.session()->isSignedIn() && console.session()->account() == demoAccount &&
               console.session()->profile().name == u"Demo"_s &&
               console.window()->windowTitle().contains(u"Demo"_s) &&
               pages->currentWidget()->objectName() != u"welcomePage"_s;
    };

    // Cancelled: nothing changed.
    QPointer<SignInDialog> dialog = requestSignIn();
    QVERIFY(dialog);
    QVERIFY(stillInTheDemo());
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
    QVERIFY(stillInTheDemo());
    QVERIFY(!console.session()->hasStagedProfile());

    // Denied: the dialog says why, the demo goes on.
    dialog = requestSignIn();
    QVERIFY(dialog);
    dialog->findChild<QAbstractButton *>(u"deviceCodeButton"_s)->click();
    auto *code = dialog->findChild<QLineEdit *>(u"deviceCodeEdit"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!code->text().isEmpty(), 10000);
    const QString deniedCode = code->text();
    QVERIFY(emulator.denyDeviceCode(deniedCode));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(u"signInError"_s)->isVisible(), 20000);
    QVERIFY(stillInTheDemo());

    // Approved: now, and only now, the new profile takes over.
    dialog->findChild<QAbstractButton *>(u"deviceCodeButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!code->text().isEmpty() && code->text() != deniedCode, 10000);
    QVERIFY(stillInTheDemo());
    signedIn.clear();
    QVERIFY(emulator.approveDeviceCode(code->text(), emulator.demoUserUpn()));
    QVERIFY(signedIn.wait(20000));
    QCOMPARE(console.session()->profile().name, u"Emulator"_s);
    QVERIFY(!console.isDemo());
    QTRY_VERIFY(console.window()->windowTitle().contains(u"Emulator"_s));
    QTRY_VERIFY(console.window()->navigation()->rowCount() > 0);
}

QTEST_MAIN(TestSignInGui)
#include "tst_signin_gui.moc"
