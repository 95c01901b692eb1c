#pragma once

#include <QSortFilterProxyModel>

namespace fc {

class RunsModel;

// Sorts the runs grid on every column by raw value and filters the loaded rows by text (run
// name, status, code, trigger, correlation ID). It reads the model's rows directly instead of
// going through data(): filtering 100,000 rows takes a few milliseconds this way.
class RunsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RunsFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setTextFilter(const QString &text);
    const QString &textFilter() const { return m_text; }
    // The source rows of a list of proxy indexes (one per row).
    QList<int> sourceRows(const QModelIndexList &proxyIndexes) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    RunsModel *m_runs = nullptr;
    QString m_text;
};

} // namespace fc
