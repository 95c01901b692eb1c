#include "Messages.h"

#include "api/ApiError.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QMessageBox>

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

QMessageBox *showApiError(QWidget *parent, const QString &title, const ApiError &error)
{
    QString details;
    if (!error.requestId.isEmpty())
        details = QCoreApplication::translate("Messages", "Request id: %1").arg(error.requestId);
    return showError(parent, title, error.toString(), details);
}

QMessageBox *askToConfirm(QWidget *parent, const QString &objectName, const QString &title,
                          const QString &text, const QString &yesText, std::function<void()> onYes)
{
    auto *box =
        new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(yesText);
    QObject::connect(box, &QMessageBox::finished, parent, [onYes = std::move(onYes)](int result) {
        if (result == QMessageBox::Yes)
            onYes();
    });
    box->open();
    return box;
}

} // namespace fc
