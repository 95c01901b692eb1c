#include "ApiError.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace fc {

ApiError ApiError::make(Kind kind, const QString &message, const QString &operation)
{
    ApiError error;
    error.kind = kind;
    error.message = message;
    error.operation = operation;
    return error;
}

QString ApiError::toString() const
{
    if (!isError())
        return {};
    QString text;
    if (!operation.isEmpty())
        text += operation + u": "_s;
    if (kind == Kind::Http)
        text += u"HTTP "_s + QString::number(httpStatus) + u' ';
    if (!code.isEmpty())
        text += u'[' + code + u"] "_s;
    text += message.isEmpty() ? QCoreApplication::translate("fc::ApiError", "unknown error") : message;
    if (!requestId.isEmpty())
        text += u" (request id "_s + requestId + u')';
    return text;
}

} // namespace fc
