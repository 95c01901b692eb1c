#pragma once

#include <QNetworkReply>
#include <QString>

namespace fc {

// One translated sentence for every QNetworkReply::NetworkError.
QString networkErrorMessage(QNetworkReply::NetworkError error);

} // namespace fc
