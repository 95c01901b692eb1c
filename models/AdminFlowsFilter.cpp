#include "AdminFlowsFilter.h"

#include "AdminFlowsModel.h"

namespace fc {

AdminFlowsFilter::AdminFlowsFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AdminFlowsModel::SortRole);
    setDynamicSortFilter(true);
}

void AdminFlowsFilter::setOrphanedOnly(bool on)
{
    if (on == m_orphanedOnly)
        return;
    m_orphanedOnly = on;
    invalidateFilter();
}

void AdminFlowsFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool AdminFlowsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_orphanedOnly && !index.data(AdminFlowsModel::OrphanedRole).toBool())
        return false;
    return m_text.isEmpty() ||
           index.data(AdminFlowsModel::FilterTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace fc
