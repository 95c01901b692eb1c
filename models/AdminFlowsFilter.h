#pragma once

#include <QSortFilterProxyModel>

namespace fc {

// The administrator's table as filtered: text against flow and owner names, and "Orphaned
// only". Sorted by the model's SortRole.
class AdminFlowsFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AdminFlowsFilter(QObject *parent = nullptr);

    void setOrphanedOnly(bool on);
    bool orphanedOnly() const { return m_orphanedOnly; }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_orphanedOnly = false;
    QString m_text;
};

} // namespace fc
