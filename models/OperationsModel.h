#pragma once

#include "ops/BulkTypes.h"

#include <QAbstractItemModel>
#include <QPointer>

#include <memory>
#include <vector>

class QTimer;

namespace fc {

class BulkEngine;
class OperationManager;

// The bulk operations of the console as a tree: one row per operation (title, state, progress,
// counts, rate, time left), its items as children (label, action, state, message). Engines
// report every item; the model folds what changed into one dataChanged per operation and
// per range of items every 100 ms, and refreshes rate and time left once a second while
// something runs.
class OperationsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        ActionColumn,
        StateColumn,
        ProgressColumn,
        SucceededColumn,
        FailedColumn,
        SkippedColumn,
        PendingColumn,
        RateColumn,
        RemainingColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        ProgressRole = Qt::UserRole + 1, // operations: percent done, 0..100
        StateRole,                       // OperationState or ItemState, as int
    };

    explicit OperationsModel(OperationManager *manager, QObject *parent = nullptr);
    ~OperationsModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The operation of a row, or of an item row; null when gone.
    BulkEngine *operationAt(const QModelIndex &index) const;
    QModelIndex indexOf(const BulkEngine *engine) const;
    // The item's position in its operation, -1 for an operation row.
    static int itemRow(const QModelIndex &index);

private:
    struct Entry
    {
        const BulkEngine *key; // identity, valid even while the engine is being destroyed
        QPointer<BulkEngine> engine;
        int itemCount = 0;
        bool dirty = false;
        int firstItem = -1; // range of items changed since the last flush
        int lastItem = -1;
    };

    void addOperation(BulkEngine *engine);
    void removeOperation(const BulkEngine *engine);
    int rowOf(const Entry *entry) const;
    void markDirty(Entry *entry, int item);
    void flush();
    void tick();
    QVariant operationData(const Entry &entry, int column, int role) const;
    QVariant itemData(const BulkEngine &engine, int item, int column, int role) const;

    OperationManager *m_manager;
    std::vector<std::unique_ptr<Entry>> m_entries;
    QTimer *m_flush;
    QTimer *m_tick;
};

} // namespace fc
