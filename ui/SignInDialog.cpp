#include "SignInDialog.h"

#include "auth/Session.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

SignInDialog::SignInDialog(Session *session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Sign in"));
    setAccessibleName(windowTitle());
    setAttribute(Qt::WA_DeleteOnClose);
    const Profile &profile = session->signInProfile();
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Sign in to <b>%1</b> (tenant %2).")
                                 .arg(profile.name.toHtmlEscaped(), profile.tenant.toHtmlEscaped()));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *buttons = new QHBoxLayout;
    m_browser = new QPushButton(tr("Sign in with the &browser"));
    m_browser->setObjectName(u"browserSignInButton"_s);
    m_browser->setAccessibleName(tr("Sign in with the browser"));
    m_device = new QPushButton(tr("Use a &device code"));
    m_device->setObjectName(u"deviceCodeButton"_s);
    m_device->setAccessibleName(tr("Sign in with a device code"));
    buttons->addWidget(m_browser);
    buttons->addWidget(m_device);
    layout->addLayout(buttons);

    m_devicePanel = new QWidget;
    auto *deviceLayout = new QVBoxLayout(m_devicePanel);
    deviceLayout->setContentsMargins(0, 0, 0, 0);
    m_deviceMessage = new QLabel;
    m_deviceMessage->setWordWrap(true);
    m_deviceMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    deviceLayout->addWidget(m_deviceMessage);
    m_url = new QLabel;
    m_url->setObjectName(u"verificationUrlLabel"_s);
    m_url->setAccessibleName(tr("Verification URL"));
    m_url->setOpenExternalLinks(true);
    m_url->setTextInteractionFlags(Qt::TextBrowserInteraction);
    deviceLayout->addWidget(m_url);
    auto *codeRow = new QHBoxLayout;
    m_code = new QLineEdit;
    m_code->setObjectName(u"deviceCodeEdit"_s);
    m_code->setAccessibleName(tr("Device code"));
    m_code->setReadOnly(true);
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.6);
    m_code->setFont(codeFont);
    auto *copy = new QPushButton(tr("&Copy code"));
    copy->setObjectName(u"copyCodeButton"_s);
    copy->setAccessibleName(tr("Copy the device code"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_code->text()); });
    codeRow->addWidget(m_code, 1);
    codeRow->addWidget(copy);
    deviceLayout->addLayout(codeRow);
    m_devicePanel->hide();
    layout->addWidget(m_devicePanel);

    m_status = new QLabel;
    m_status->setObjectName(u"signInStatus"_s);
    m_status->setAccessibleName(tr("Sign-in status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_error = new QLabel;
    m_error->setObjectName(u"signInError"_s);
    m_error->setAccessibleName(tr("Sign-in error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x20, 0x20));
    m_error->setPalette(errorPalette);
    m_error->hide();
    layout->addWidget(m_error);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Cancel);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, [this] {
        if (m_session) {
            m_session->cancelSignIn();
            m_session->dropStagedProfile(); // the current session, if any, goes on
        }
    });

    connect(m_browser, &QPushButton::clicked, this, &SignInDialog::startBrowser);
    connect(m_device, &QPushButton::clicked, this, &SignInDialog::startDeviceCode);
    connect(session, &Session::deviceCodeReady, this, &SignInDialog::onDeviceCode);
    connect(session, &Session::signedIn, this, &QDialog::accept);
    connect(session, &Session::signInFailed, this, &SignInDialog::showError);
    resize(480, sizeHint().height());
}

void SignInDialog::setWorking(bool working, const QString &status)
{
    m_browser->setEnabled(!working);
    m_device->setEnabled(!working);
    m_status->setText(status);
    if (working)
        m_error->hide();
}

void SignInDialog::startBrowser()
{
    m_devicePanel->hide();
    setWorking(true, tr("Waiting for you to finish signing in in the browser…"));
    m_session->signInWithBrowser(m_session->signInProfile().loginHint);
}

void SignInDialog::startDeviceCode()
{
    setWorking(true, tr("Asking for a device code…"));
    m_session->signInWithDeviceCode();
}

void SignInDialog::onDeviceCode(const QString &userCode, const QUrl &url, const QString &message,
                                int expiresIn)
{
    m_code->setText(userCode);
    m_url->setText(u"<a href=\"%1\">%2</a>"_s.arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                  url.toDisplayString().toHtmlEscaped()));
    m_deviceMessage->setText(message.isEmpty() ? tr("Open this page on any device and enter the code:")
                                               : message);
    m_devicePanel->show();
    setWorking(true, tr("Waiting for the code to be entered (it expires in %n minute(s))…", nullptr,
                        qMax(1, expiresIn / 60)));
    adjustSize();
}

void SignInDialog::showError(const ApiError &error)
{
    // The identity service's own words (AADSTS codes included) help users and admins most.
    QString text = error.message;
    if (!error.code.isEmpty() && !text.contains(error.code))
        text = error.code + u": "_s + text;
    m_error->setText(text);
    m_error->show();
    setWorking(false, tr("Sign-in failed."));
}

} // namespace fc
