#pragma once

#include "ApiError.h"

#include <QSet>
#include <QString>

#include <optional>

namespace fc {

// The guard every follower of `nextLink` goes through, so that no pager loops: a server that
// answers a link it already gave (a page pointing to itself, or a cycle) or an endless chain of
// new links is stopped with a clear error instead of being followed forever.
class PageWalk
{
public:
    // 20,000 pages: a million runs even at the service's smallest page size of 50.
    static constexpr int kDefaultMaxPages = 20000;

    explicit PageWalk(int maxPages = kDefaultMaxPages) : m_maxPages(maxPages) {}

    // Starts a new chain (a new query): links of the last one may be followed again.
    void reset();
    // Counts one page read and checks the link it named: nullopt when it may be followed, an error
    // (kind Refused) when it was followed before or the page cap is reached. `what` names the list
    // for the message ("the runs of 'Expense approval'").
    std::optional<ApiError> admit(const QString &nextLink, const QString &operation, const QString &what);
    int pages() const { return m_pages; }
    // Counts pages read by another walker of the same list (they count against the cap too).
    void countPages(int pages) { m_pages += pages; }
    int maxPages() const { return m_maxPages; }
    void setMaxPages(int pages) { m_maxPages = pages; }

private:
    QSet<size_t> m_seen; // hashes of the links followed: a few bytes each, a million pages or not
    int m_pages = 0;
    int m_maxPages;
};

} // namespace fc
