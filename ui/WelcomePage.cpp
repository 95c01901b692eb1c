#include "WelcomePage.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"welcomePage"_s);
    setAccessibleName(tr("Welcome"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    auto *icon = new QLabel;
    icon->setPixmap(QIcon(u":/icons/flowconsole.svg"_s).pixmap(72, 72));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    auto *title = new QLabel(tr("Welcome to FlowConsole"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    auto *intro = new QLabel(tr("Manage the Power Automate flows of a Microsoft tenant, or try everything "
                                "on the built-in demo service first."));
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);
    layout->addWidget(intro);
    m_message = new QLabel;
    m_message->setObjectName(u"welcomeMessage"_s);
    m_message->setAccessibleName(tr("Sign-in status"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_signIn = new QPushButton(tr("&Sign in to a tenant…"));
    m_signIn->setObjectName(u"welcomeSignInButton"_s);
    m_signIn->setAccessibleName(tr("Sign in to a tenant"));
    m_demo = new QPushButton(tr("Open the &demo"));
    m_demo->setObjectName(u"welcomeDemoButton"_s);
    m_demo->setAccessibleName(tr("Open the demo"));
    m_signIn->setMinimumWidth(200);
    m_demo->setMinimumWidth(200);
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_demo);
    buttons->addStretch();
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(3);
    connect(m_signIn, &QPushButton::clicked, this, &WelcomePage::signInRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
}

void WelcomePage::setMessage(const QString &message)
{
    m_message->setText(message);
}

void WelcomePage::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_demo->setEnabled(!busy);
}

} // namespace fc
