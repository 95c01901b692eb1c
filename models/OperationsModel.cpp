#include "OperationsModel.h"

#include "ops/BulkEngine.h"
#include "ops/OperationManager.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return QCoreApplication::translate("fc::OperationsModel", "%n s", nullptr, static_cast<int>(s));
    if (s < 3600)
        return QCoreApplication::translate("fc::OperationsModel", "%1 min %2 s").arg(s / 60).arg(s % 60);
    return QCoreApplication::translate("fc::OperationsModel", "%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
}

bool isRunning(const BulkEngine &engine)
{
    return engine.state() == OperationState::Running || engine.inFlight() > 0;
}

QVariant stateColour(ItemState state)
{
    switch (state) {
    case ItemState::Failed:
        return QBrush(QColor(0xc4, 0x2b, 0x1c));
    case ItemState::Unknown:
        return QBrush(QColor(0xb3, 0x6b, 0x00));
    case ItemState::Succeeded:
        return QBrush(QColor(0x10, 0x7c, 0x10));
    default:
        return {};
    }
}

} // namespace

OperationsModel::OperationsModel(OperationManager *manager, QObject *parent)
    : QAbstractItemModel(parent)
    , m_manager(manager)
    , m_flush(new QTimer(this))
    , m_tick(new QTimer(this))
{
    m_flush->setSingleShot(true);
    m_flush->setInterval(100);
    connect(m_flush, &QTimer::timeout, this, &OperationsModel::flush);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &OperationsModel::tick);
    for (BulkEngine *engine : manager->operations())
        addOperation(engine);
    connect(manager, &OperationManager::operationAdded, this, &OperationsModel::addOperation);
    connect(manager, &OperationManager::operationRemoved, this, &OperationsModel::removeOperation);
    // "Interrupted" turns into "Paused" or goes away without a signal of the engine's own.
    connect(manager, &OperationManager::unfinishedResolved, this, [this] {
        if (!m_entries.empty())
            emit dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
    });
}

OperationsModel::~OperationsModel() = default;

void OperationsModel::addOperation(BulkEngine *engine)
{
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows({}, row, row);
    auto entry = std::make_unique<Entry>();
    entry->key = engine;
    entry->engine = engine;
    entry->itemCount = static_cast<int>(engine->items().size());
    Entry *e = entry.get();
    m_entries.push_back(std::move(entry));
    endInsertRows();
    connect(engine, &BulkEngine::itemChanged, this, [this, e](int item) { markDirty(e, item); });
    connect(engine, &BulkEngine::progressChanged, this, [this, e] { markDirty(e, -1); });
    connect(engine, &BulkEngine::stateChanged, this, [this, e] {
        markDirty(e, -1);
        if (e->engine && e->engine->state() == OperationState::Running && !m_tick->isActive())
            m_tick->start();
    });
    connect(engine, &BulkEngine::finished, this, [this, e] { markDirty(e, -1); });
    if (isRunning(*engine) && !m_tick->isActive())
        m_tick->start();
}

void OperationsModel::removeOperation(const BulkEngine *engine)
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i]->key != engine)
            continue;
        if (m_entries[i]->engine)
            disconnect(m_entries[i]->engine, nullptr, this, nullptr);
        const int row = static_cast<int>(i);
        beginRemoveRows({}, row, row);
        m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(i));
        endRemoveRows();
        return;
    }
}

int OperationsModel::rowOf(const Entry *entry) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].get() == entry)
            return static_cast<int>(i);
    }
    return -1;
}

void OperationsModel::markDirty(Entry *entry, int item)
{
    entry->dirty = true;
    if (item >= 0) {
        entry->firstItem = entry->firstItem < 0 ? item : std::min(entry->firstItem, item);
        entry->lastItem = std::max(entry->lastItem, item);
    }
    if (!m_flush->isActive())
        m_flush->start();
}

void OperationsModel::flush()
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        Entry &entry = *m_entries[i];
        if (!entry.dirty)
            continue;
        const int row = static_cast<int>(i);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        if (entry.firstItem >= 0) {
            const QModelIndex parentIndex = index(row, 0);
            emit dataChanged(index(entry.firstItem, 0, parentIndex),
                             index(entry.lastItem, ColumnCount - 1, parentIndex));
        }
        entry.dirty = false;
        entry.firstItem = entry.lastItem = -1;
    }
}

void OperationsModel::tick()
{
    bool any = false;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = *m_entries[i];
        if (!entry.engine || !isRunning(*entry.engine))
            continue;
        any = true;
        const int row = static_cast<int>(i);
        emit dataChanged(index(row, RateColumn), index(row, RemainingColumn));
    }
    if (!any)
        m_tick->stop();
}

QModelIndex OperationsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= static_cast<int>(m_entries.size()))
            return {};
        return createIndex(row, column, nullptr);
    }
    if (parent.internalPointer() || parent.row() >= static_cast<int>(m_entries.size()))
        return {}; // items have no children
    Entry *entry = m_entries[static_cast<std::size_t>(parent.row())].get();
    if (row >= entry->itemCount)
        return {};
    return createIndex(row, column, entry);
}

QModelIndex OperationsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const int row = rowOf(static_cast<const Entry *>(child.internalPointer()));
    return row < 0 ? QModelIndex() : createIndex(row, 0, nullptr);
}

int OperationsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_entries.size());
    if (parent.internalPointer() || parent.column() != 0 ||
        parent.row() >= static_cast<int>(m_entries.size()))
        return 0;
    return m_entries[static_cast<std::size_t>(parent.row())]->itemCount;
}

int OperationsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

BulkEngine *OperationsModel::operationAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (const auto *entry = static_cast<const Entry *>(index.internalPointer()))
        return entry->engine;
    return index.row() < static_cast<int>(m_entries.size())
               ? m_entries[static_cast<std::size_t>(index.row())]->engine
               : nullptr;
}

QModelIndex OperationsModel::indexOf(const BulkEngine *engine) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i]->key == engine)
            return index(static_cast<int>(i), 0);
    }
    return {};
}

int OperationsModel::itemRow(const QModelIndex &index)
{
    return index.isValid() && index.internalPointer() ? index.row() : -1;
}

QVariant OperationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (const auto *entry = static_cast<const Entry *>(index.internalPointer())) {
        if (!entry->engine || index.row() >= entry->engine->items().size())
            return {};
        return itemData(*entry->engine, index.row(), index.column(), role);
    }
    if (index.row() >= static_cast<int>(m_entries.size()))
        return {};
    return operationData(*m_entries[static_cast<std::size_t>(index.row())], index.column(), role);
}

QVariant OperationsModel::operationData(const Entry &entry, int column, int role) const
{
    const BulkEngine *engine = entry.engine;
    if (!engine)
        return {};
    const ItemCounts c = engine->counts();
    const bool interrupted = m_manager->unfinished().contains(const_cast<BulkEngine *>(engine));
    if (role == ProgressRole) {
        if (column != ProgressColumn)
            return {};
        return c.total > 0 ? 100 * c.done() / c.total : 100;
    }
    if (role == StateRole)
        return static_cast<int>(engine->state());
    if (role == Qt::TextAlignmentRole && column >= SucceededColumn && column <= RemainingColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column == FailedColumn && c.failed > 0)
        return stateColour(ItemState::Failed);
    if (role == Qt::ToolTipRole && column == MessageColumn && !engine->stopReason().isEmpty())
        return engine->stopReason();
    if (role == Qt::ToolTipRole && column == NameColumn)
        return engine->title();
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return engine->title();
    case ActionColumn:
        return engine->items().isEmpty() ? QString() : bulkActionDisplayName(engine->items().first().action);
    case StateColumn:
        if (!engine->stopReason().isEmpty())
            return tr("Stopped");
        if (interrupted)
            return tr("Interrupted");
        if (engine->state() == OperationState::Cancelled && engine->inFlight() > 0)
            return tr("Cancelling");
        return operationStateName(engine->state());
    case ProgressColumn:
        return tr("%1 of %2").arg(locale.toString(c.done()), locale.toString(c.total));
    case SucceededColumn:
        return locale.toString(c.succeeded);
    case FailedColumn:
        return locale.toString(c.failed);
    case SkippedColumn:
        return locale.toString(c.skipped);
    case PendingColumn:
        return locale.toString(c.total - c.done());
    case RateColumn: {
        if (!isRunning(*engine))
            return {};
        const double rate = engine->itemsPerSecond();
        return rate > 0 ? tr("%1/s").arg(locale.toString(rate, 'f', rate < 10 ? 1 : 0)) : QString();
    }
    case RemainingColumn:
        if (isRunning(*engine))
            return formatDuration(engine->remainingMs());
        if (engine->state() == OperationState::Finished)
            return tr("took %1").arg(formatDuration(engine->elapsedMs()));
        return {};
    case MessageColumn: {
        if (!engine->stopReason().isEmpty())
            return engine->stopReason();
        QStringList parts;
        if (c.failed > 0)
            parts << tr("%n item(s) failed", nullptr, c.failed);
        // Maybe sent: never shown as failed, so that Retry cannot send them twice; they are
        // checked against the service first.
        if (c.unknown > 0)
            parts << tr("%n item(s) with an unknown outcome, checked before anything is sent again", nullptr,
                        c.unknown);
        return parts.join(u"; "_s);
    }
    }
    return {};
}

QVariant OperationsModel::itemData(const BulkEngine &engine, int item, int column, int role) const
{
    const BulkItem &it = engine.items().at(item);
    if (role == StateRole)
        return static_cast<int>(it.state);
    if (role == Qt::ForegroundRole && (column == StateColumn || column == MessageColumn))
        return stateColour(it.state);
    if (role == Qt::ToolTipRole && column == MessageColumn && !it.message.isEmpty())
        return it.message;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case NameColumn:
        return it.label.isEmpty() ? (it.run.isEmpty() ? it.flow : it.run) : it.label;
    case ActionColumn:
        return bulkActionDisplayName(it.action);
    case StateColumn:
        return itemStateName(it.state);
    case MessageColumn:
        return it.message;
    }
    return {};
}

QVariant OperationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Operation");
    case ActionColumn:
        return tr("Action");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case SucceededColumn:
        return tr("Succeeded");
    case FailedColumn:
        return tr("Failed");
    case SkippedColumn:
        return tr("Skipped");
    case PendingColumn:
        return tr("Pending");
    case RateColumn:
        return tr("Rate");
    case RemainingColumn:
        return tr("Time left");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace fc
