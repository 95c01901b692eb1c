#include "NavigationProxy.h"

#include "NavigationModel.h"

namespace fc {

NavigationProxy::NavigationProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(NavigationModel::FilterTextRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A flow that matches keeps its environment; an environment that matches keeps its flows.
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    sort(0, Qt::AscendingOrder);
}

bool NavigationProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The administrator's rows come first under their environment, in their own order.
    const auto leftKind = NavigationModel::nodeKind(left);
    const auto rightKind = NavigationModel::nodeKind(right);
    const bool leftAdmin = leftKind == NavigationModel::NodeKind::AdminFlows ||
                           leftKind == NavigationModel::NodeKind::RecycleBin;
    const bool rightAdmin = rightKind == NavigationModel::NodeKind::AdminFlows ||
                            rightKind == NavigationModel::NodeKind::RecycleBin;
    if (leftAdmin || rightAdmin)
        return leftAdmin && (!rightAdmin || static_cast<int>(leftKind) < static_cast<int>(rightKind));
    const auto *model = qobject_cast<const NavigationModel *>(sourceModel());
    if (model && !left.parent().isValid()) {
        const Environment *a = model->environmentAt(left);
        const Environment *b = model->environmentAt(right);
        if (a && b && a->isDefault != b->isDefault)
            return a->isDefault;
    }
    const int order =
        m_collator.compare(left.data(Qt::DisplayRole).toString(), right.data(Qt::DisplayRole).toString());
    if (order != 0)
        return order < 0;
    // Equal names keep a stable order: the service's name (a GUID) decides.
    const int key =
        left.parent().isValid() ? NavigationModel::FlowNameRole : NavigationModel::EnvironmentNameRole;
    return left.data(key).toString() < right.data(key).toString();
}

} // namespace fc
