#include "PageWalk.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

namespace fc {

void PageWalk::reset()
{
    m_seen.clear();
    m_pages = 0;
}

std::optional<ApiError> PageWalk::admit(const QString &nextLink, const QString &operation,
                                        const QString &what)
{
    ++m_pages;
    if (nextLink.isEmpty())
        return std::nullopt;
    if (m_pages >= m_maxPages) {
        return ApiError::make(ApiError::Kind::Refused,
                              QCoreApplication::translate(
                                  "fc::PageWalk", "Stopped reading %1 after %2 pages: the service kept "
                                                  "answering with another page. What was read is shown.")
                                  .arg(what, QLocale().toString(m_pages)),
                              operation);
    }
    const size_t key = qHash(nextLink);
    if (m_seen.contains(key)) {
        return ApiError::make(ApiError::Kind::Refused,
                              QCoreApplication::translate("fc::PageWalk",
                                                          "Stopped reading %1 after %2 pages: the service "
                                                          "sent a next-page link it had already sent, so "
                                                          "reading on would never end.")
                                  .arg(what, QLocale().toString(m_pages)),
                              operation);
    }
    m_seen.insert(key);
    return std::nullopt;
}

} // namespace fc
