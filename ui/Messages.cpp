#include "Messages.h"

#include "api/ApiError.h"

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

} // namespace fc
