#pragma once

#include "api/ApiClient.h"
#include "api/PageWalk.h"
#include "api/PrincipalDirectory.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <deque>

class QIODevice;

namespace fc {

// Every flow of one environment as an administrator sees it (scopes/admin, page by page), with
// each flow's owners (one permissions call per flow, a few at a time) resolved to names and
// account states through the directory in batches. A flow whose owners are all disabled or
// deleted users — no enabled user, no group — has "No valid owner": it is orphaned.
class AdminFlowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        OwnersColumn,
        OwnerCheckColumn,
        CreatorColumn,
        StateColumn,
        CreatedColumn,
        ModifiedColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, OrphanedRole, FlowNameRole, FilterTextRole };
    // Pending: owners or their directory entries not read yet. Unknown: a read failed, so the
    // flow is neither called orphaned nor valid.
    enum class OwnerCheck { Pending, Valid, Orphaned, Unknown };

    struct Row
    {
        Flow flow;
        QList<FlowOwner> owners;
        bool ownersLoaded = false;
        QString ownersError; // why the owners could not be read
    };

    explicit AdminFlowsModel(ApiClient *client, QObject *parent = nullptr);
    ~AdminFlowsModel() override;

    // Forgets the rows and lists the environment's flows again, then checks their owners.
    void load(const QString &environment);
    // Stops listing and checking; what was read stays.
    void stop();
    // Reads the owners of these flows again (after a bulk change of owners).
    void refreshOwners(const QStringList &flowNames);
    void removeFlows(const QStringList &flowNames);
    void setFlowState(const QString &flowName, FlowState state);

    QString environment() const { return m_env; }
    bool isListing() const { return m_listCall != 0 || m_listQueued; }
    bool isCheckingOwners() const;
    bool isBusy() const { return isListing() || isCheckingOwners(); }
    bool wasStopped() const { return m_stopped; }
    int ownersChecked() const { return m_ownersDone; }
    int orphanedCount() const;
    QStringList orphanedFlowNames() const;
    OwnerCheck ownerCheck(int row) const;
    const Row &rowAt(int row) const { return m_rows[row]; }
    int rowOf(const QString &flowName) const { return m_rowOf.value(flowName, -1); }
    PrincipalDirectory *directory() const { return m_directory; }
    QString ownerNames(int row) const;

    // CSV (RFC 4180, UTF-8) of the given rows, or of every row when rows is empty.
    bool writeCsv(QIODevice &out, const QList<int> &rows = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString ownerCheckText(OwnerCheck check);

signals:
    void progressChanged();
    void loadFailed(const fc::ApiError &error);
    void finished(); // listing and owner checks are over (done or stopped)

private:
    void fetchPage(const QString &nextLink);
    void pumpOwners();
    void onDirectoryAnswer(const QStringList &ids);
    void rowChanged(int row);
    void maybeFinished();
    QString principalName(const Principal &principal) const;

    static constexpr int kOwnerCallsInFlight = 6; // the transport's connections per host
    QPointer<ApiClient> m_client;
    PrincipalDirectory *m_directory;
    QString m_env;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    QHash<QString, QList<int>> m_rowsOfPrincipal; // owner or creator ID -> rows that show it
    PageWalk m_walk;
    ApiClient::CallId m_listCall = 0;
    bool m_listQueued = false;
    std::deque<QString> m_ownerQueue;
    QHash<QString, ApiClient::CallId> m_ownerCalls; // flow -> call
    int m_ownersDone = 0;
    bool m_stopped = false;
    quint64 m_generation = 0;
};

} // namespace fc
