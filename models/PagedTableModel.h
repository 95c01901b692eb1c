#pragma once

#include "PagedModelBase.h"
#include "api/ApiClient.h"
#include "api/PageWalk.h"

#include <QCoreApplication>
#include <QPointer>

namespace fc {

// A table of one environment's items, loaded page by page as the view scrolls: canFetchMore is
// false while a page is in flight and once the cursor is exhausted, and each page is inserted
// with one beginInsertRows.
template <typename T>
class PagedTableModel : public PagedModelBase
{
public:
    explicit PagedTableModel(ApiClient *client, QObject *parent = nullptr)
        : PagedModelBase(parent)
        , m_client(client)
    {}
    ~PagedTableModel() override { cancelCall(); }

    // Empties the table and loads the first page of this environment (empty: nothing).
    void setEnvironment(const QString &environment)
    {
        m_environment = environment;
        refresh();
    }
    const QString &environment() const { return m_environment; }

    void refresh()
    {
        cancelCall();
        beginResetModel();
        m_items.clear();
        m_nextLink.clear();
        m_walk.reset();
        m_loaded = false;
        endResetModel();
        if (!m_environment.isEmpty())
            requestPage({});
    }

    const QList<T> &items() const { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_items.size());
    }
    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && !m_loading && !m_nextLink.isEmpty();
    }
    void fetchMore(const QModelIndex &parent) override
    {
        if (canFetchMore(parent))
            requestPage(m_nextLink);
    }

protected:
    using Callback = ApiClient::Callback<Page<T>>;
    // Starts the call for one page; nextLink is empty for the first.
    virtual ApiClient::CallId callPage(const QString &nextLink, Callback callback) = 0;

    ApiClient *client() const { return m_client; }
    const T &item(const QModelIndex &index) const { return m_items[index.row()]; }

private:
    void cancelCall()
    {
        if (m_call && m_client)
            m_client->cancel(m_call);
        m_call = 0;
        setLoading(false);
    }

    void requestPage(const QString &nextLink)
    {
        setLoading(true);
        m_call = callPage(nextLink, [this](Result<Page<T>> result) {
            m_call = 0;
            m_loaded = true;
            setLoading(false);
            if (!result) {
                m_nextLink.clear();
                if (result.error().kind != ApiError::Kind::Cancelled)
                    emit loadFailed(result.error());
                return;
            }
            Page<T> page = std::move(result).value();
            const std::optional<ApiError> stop = m_walk.admit(
                page.nextLink, QString(), QCoreApplication::translate("fc::PagedTableModel", "this list"));
            m_nextLink = stop ? QString() : page.nextLink;
            const int first = static_cast<int>(m_items.size());
            const int count = static_cast<int>(page.items.size());
            if (count > 0) {
                beginInsertRows({}, first, first + count - 1);
                m_items.append(std::move(page.items));
                endInsertRows();
            }
            emit pageLoaded(count);
            if (stop)
                emit loadFailed(*stop);
        });
    }

    QPointer<ApiClient> m_client;
    QString m_environment;
    QList<T> m_items;
    QString m_nextLink;
    PageWalk m_walk;
    ApiClient::CallId m_call = 0;
};

} // namespace fc
