#include "Formatting.h"

#include <QDateTime>
#include <QLocale>

namespace fc {

QString formatTime(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch), QLocale::ShortFormat);
}

QString apiShortName(const QString &apiId)
{
    const qsizetype slash = apiId.lastIndexOf(u'/');
    return slash < 0 ? apiId : apiId.mid(slash + 1);
}

} // namespace fc
