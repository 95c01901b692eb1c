#include "Messages.h"

#include "api/ApiError.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace fc {

QMessageBox *showError(QWidget *parent, const QString &title, const QString &text, const QString &details)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setObjectName(u"errorMessage"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->open();
    return box;
}

QString plainReason(const ApiError &error)
{
    const auto t = [](const char *text) { return QCoreApplication::translate("Messages", text); };
    switch (error.kind) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::Http:
        if (error.httpStatus == 429 || error.httpStatus == 503)
            return t("the service is busy and asked to slow down. Try again in a minute.");
        if (error.httpStatus >= 500)
            return t("the service had an internal error. Try again in a minute.");
        if (error.httpStatus == 401)
            return t("the service did not accept the sign-in. Sign in again.");
        if (error.httpStatus == 403)
            return t("your account is not allowed to do this.");
        if (error.httpStatus == 404)
            return t("it was not found; it may have been deleted or renamed.");
        if (error.httpStatus == 409 || error.httpStatus == 412)
            return t("it was changed elsewhere at the same time. Reload and try again.");
        if (!error.message.isEmpty())
            return QCoreApplication::translate("Messages", "the service refused it: %1").arg(error.message);
        return t("the service refused it.");
    case ApiError::Kind::Network:
        return t("the service could not be reached. Check the network connection and try again.");
    case ApiError::Kind::Timeout:
        return t("the service did not answer in time. Try again in a minute.");
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::NotSent:
        return t("it was cancelled.");
    case ApiError::Kind::Parse:
        return t("the service's answer could not be read.");
    case ApiError::Kind::Auth:
        return t("you are not signed in, or the sign-in could not be renewed. Sign in again.");
    case ApiError::Kind::Refused:
    case ApiError::Kind::Unsupported:
        // Already the client's own words for people.
        return error.message;
    }
    return error.message;
}

QString describeFailure(const QString &whatFailed, const ApiError &error)
{
    return whatFailed + u": "_s + plainReason(error);
}

QString technicalDetails(const ApiError &error)
{
    QString details = error.toString();
    if (!error.requestId.isEmpty() && !details.contains(error.requestId))
        details += u'\n' + QCoreApplication::translate("Messages", "Request id: %1").arg(error.requestId);
    return details;
}

QMessageBox *showApiError(QWidget *parent, const QString &whatFailed, const ApiError &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, whatFailed, describeFailure(whatFailed, error),
                                QMessageBox::Ok, parent);
    box->setObjectName(u"errorMessage"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString details = technicalDetails(error);
    box->setDetailedText(details);
    auto *copy =
        box->addButton(QCoreApplication::translate("Messages", "&Copy details"), QMessageBox::ActionRole);
    copy->setObjectName(u"copyErrorDetails"_s);
    // Copying must not close the box: the button's click goes to us only.
    QObject::disconnect(copy, &QAbstractButton::clicked, nullptr, nullptr);
    QObject::connect(copy, &QAbstractButton::clicked, box,
                     [details] { QGuiApplication::clipboard()->setText(details); });
    box->setDefaultButton(QMessageBox::Ok);
    box->open();
    return box;
}

QMessageBox *askToConfirm(QWidget *parent, const QString &objectName, const QString &title,
                          const QString &text, const QString &yesText, std::function<void()> onYes,
                          const QString &noText)
{
    auto *box =
        new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(yesText);
    if (!noText.isEmpty())
        box->button(QMessageBox::Cancel)->setText(noText);
    QObject::connect(box, &QMessageBox::finished, parent, [onYes = std::move(onYes)](int result) {
        if (result == QMessageBox::Yes)
            onYes();
    });
    box->open();
    return box;
}

} // namespace fc
