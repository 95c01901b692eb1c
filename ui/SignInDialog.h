#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace fc {

class Session;
struct ApiError;

// Signs in with the session's profile: through the browser (authorization code + PKCE) or with
// a device code, shown with its URL and a copy button. Identity errors appear in the words the
// service used. Non-modal in effect: it is opened with open() and closes itself once signed in.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(Session *session, QWidget *parent = nullptr);

    void showError(const ApiError &error);

private:
    void startBrowser();
    void startDeviceCode();
    void onDeviceCode(const QString &userCode, const QUrl &url, const QString &message, int expiresIn);
    void setWorking(bool working, const QString &status);

    QPointer<Session> m_session;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_devicePanel = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_deviceMessage = nullptr;
    QPushButton *m_browser = nullptr;
    QPushButton *m_device = nullptr;
};

} // namespace fc
