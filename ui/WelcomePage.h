#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace fc {

// What the window shows while no one is signed in: sign in to a tenant, or open the demo.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // A line under the title: why we are here (signed out, sign-in failed, ...).
    void setMessage(const QString &message);
    void setBusy(bool busy);

signals:
    void signInRequested();
    void demoRequested();

private:
    QLabel *m_message = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_demo = nullptr;
};

} // namespace fc
