#pragma once

#include <QString>

namespace fc {

// Display helpers shared by the models; locale-aware, empty for missing values.
QString formatTime(qint64 msSinceEpoch);
// "shared_office365" from "/providers/Microsoft.PowerApps/apis/shared_office365".
QString apiShortName(const QString &apiId);

} // namespace fc
