#include "RunsFilterProxy.h"

#include "RunDisplay.h"
#include "RunsModel.h"

#include <limits>

namespace fc {

RunsFilterProxy::RunsFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunsModel::SortRole);
    setDynamicSortFilter(true);
}

void RunsFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_runs = qobject_cast<RunsModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void RunsFilterProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    // One layout change instead of a removal per interval of hidden rows: with 100,000 rows
    // the incremental way emits thousands of signals to the view.
    invalidate();
}

void RunsFilterProxy::setCodeFilter(const QString &code)
{
    if (m_hasCode && code == m_code)
        return;
    m_hasCode = true;
    m_code = code;
    invalidate();
}

void RunsFilterProxy::clearCodeFilter()
{
    if (!m_hasCode)
        return;
    m_hasCode = false;
    m_code.clear();
    invalidate();
}

QList<int> RunsFilterProxy::sourceRows(const QModelIndexList &proxyIndexes) const
{
    QList<int> rows;
    rows.reserve(proxyIndexes.size());
    for (const QModelIndex &index : proxyIndexes)
        rows.append(mapToSource(index).row());
    return rows;
}

bool RunsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if ((m_text.isEmpty() && !m_hasCode) || !m_runs || sourceParent.isValid())
        return true;
    const FlowRun &run = m_runs->runAt(sourceRow);
    if (m_hasCode && (run.status != RunStatus::Failed || run.code != m_code))
        return false;
    if (m_text.isEmpty())
        return true;
    const auto has = [this](const QString &field) { return field.contains(m_text, Qt::CaseInsensitive); };
    return has(run.name) || has(run.code) || has(run.triggerName) || has(run.correlationId) ||
           has(RunDisplay::statusText(run.status));
}

bool RunsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_runs)
        return QSortFilterProxyModel::lessThan(left, right);
    const FlowRun &a = m_runs->runAt(left.row());
    const FlowRun &b = m_runs->runAt(right.row());
    const auto duration = [](const FlowRun &r) {
        return r.endMs > 0 ? r.endMs - r.startMs : std::numeric_limits<qint64>::max() - r.startMs;
    };
    switch (left.column()) {
    case RunsModel::StatusColumn:
        if (a.status != b.status)
            return a.status < b.status;
        break;
    case RunsModel::EndColumn:
        if (a.endMs != b.endMs)
            return a.endMs < b.endMs;
        break;
    case RunsModel::DurationColumn:
        if (duration(a) != duration(b))
            return duration(a) < duration(b);
        break;
    case RunsModel::TriggerColumn:
        if (const int c = a.triggerName.compare(b.triggerName); c != 0)
            return c < 0;
        break;
    case RunsModel::CodeColumn:
        if (const int c = a.code.compare(b.code); c != 0)
            return c < 0;
        break;
    case RunsModel::NameColumn:
        return a.name < b.name;
    default:
        break;
    }
    // Ties (and the start column) go by start time, then name, so the order is stable.
    if (a.startMs != b.startMs)
        return a.startMs < b.startMs;
    return a.name < b.name;
}

} // namespace fc
