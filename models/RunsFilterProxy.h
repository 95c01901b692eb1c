#pragma once

#include <QSortFilterProxyModel>

namespace fc {

class RunsModel;

// Sorts the runs grid on every column by raw value and filters the loaded rows by text (run
// name, status, code, trigger, correlation ID) and by failure code. It reads the model's rows
// directly instead of going through data(): filtering 100,000 rows takes a few milliseconds this way.
class RunsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RunsFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setTextFilter(const QString &text);
    const QString &textFilter() const { return m_text; }
    // Only the failed runs with exactly this code (the Insight tab's failure codes); an empty
    // code matches failed runs without one. clearCodeFilter() shows every run again.
    void setCodeFilter(const QString &code);
    void clearCodeFilter();
    bool hasCodeFilter() const { return m_hasCode; }
    const QString &codeFilter() const { return m_code; }
    // Whether any filter over the loaded rows is on.
    bool isFiltered() const { return m_hasCode || !m_text.isEmpty(); }
    // The source rows of a list of proxy indexes (one per row).
    QList<int> sourceRows(const QModelIndexList &proxyIndexes) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    RunsModel *m_runs = nullptr;
    QString m_text;
    QString m_code;
    bool m_hasCode = false;
};

} // namespace fc
