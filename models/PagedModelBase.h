#pragma once

#include "api/ApiError.h"

#include <QAbstractTableModel>

namespace fc {

// The signals and state every lazily paged table shares. Lives apart from the PagedTableModel
// template because a template cannot declare signals.
class PagedModelBase : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, KeyRole };

    using QAbstractTableModel::QAbstractTableModel;

    bool isLoading() const { return m_loading; }
    // Whether the first page has arrived (or failed) since the last reset.
    bool isLoaded() const { return m_loaded; }

signals:
    void loadingChanged(bool loading);
    void pageLoaded(int rowsAdded);
    void loadFailed(const fc::ApiError &error);

protected:
    void setLoading(bool loading)
    {
        if (m_loading == loading)
            return;
        m_loading = loading;
        emit loadingChanged(loading);
    }
    bool m_loading = false;
    bool m_loaded = false;
};

} // namespace fc
