#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace fc {

// The tree as people read it: environments and flows by name in the user's language's order
// ("Flow 2" before "Flow 10", "Émilie" beside "Emma"), the default environment first; and the
// filter box's text matched against names, a flow keeping its environment.
class NavigationProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NavigationProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QCollator m_collator;
};

} // namespace fc
