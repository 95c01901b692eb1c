#pragma once

#include "api/ApiClient.h"
#include "api/PageWalk.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QPointer>

#include <memory>
#include <vector>

namespace fc {

class PrincipalNames;

// The navigation tree: environments at the top level, each with its flows beneath. Both levels
// load lazily, page by page, through canFetchMore/fetchMore. The columns beyond the first carry
// the flow's properties so that one environment's flows can be shown as a sortable table
// (a view rooted at the environment's index) from the same rows the tree shows.
class NavigationModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StateColumn,
        TriggerColumn,
        ModifiedColumn,
        CreatedColumn,
        OwnerColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        IsFlowRole,
        EnvironmentNameRole,
        FlowNameRole,
        FlowStateRole, // int(FlowState)
        FilterTextRole,
        NodeKindRole, // int(NodeKind)
    };
    // What a row is. Administrators get two more rows under each environment, after its flows:
    // every flow of the environment, and its recycle bin (pages of their own, not flows).
    enum class NodeKind { Environment, Flow, AdminFlows, RecycleBin };
    static constexpr int kAdminRows = 2;

    explicit NavigationModel(ApiClient *client, QObject *parent = nullptr);
    ~NavigationModel() override;

    // Forgets everything and loads the first page of environments.
    void reload();
    void clear();
    bool isLoadingEnvironments() const { return m_envCall != 0; }
    bool environmentsReady() const { return m_envsLoaded; }

    static bool isFlow(const QModelIndex &index);
    static NodeKind nodeKind(const QModelIndex &index);
    // Shows or hides the administrator's rows under every environment.
    void setAdminEntries(bool on);
    bool hasAdminEntries() const { return m_admin; }
    QModelIndex adminIndex(const QString &environment, NodeKind kind) const;
    const Environment *environmentAt(const QModelIndex &index) const;
    const Flow *flowAt(const QModelIndex &index) const;
    QModelIndex environmentIndex(const QString &environment) const;
    QModelIndex flowIndex(const QString &environment, const QString &flow) const;
    bool isLoadingFlows(const QString &environment) const;
    bool flowsComplete(const QString &environment) const;

    // Keeps the rows in step with what the console did or learned: a flow read, created or
    // saved is updated in place (or appended), a deleted one removed.
    void upsertFlow(const Flow &flow);
    void removeFlow(const QString &environment, const QString &flow);
    void setFlowState(const QString &environment, const QString &flow, FlowState state);
    // Drops an environment's flows and loads their first page again.
    void refreshFlows(const QString &environment);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static QIcon iconForState(FlowState state);
    static QString stateText(FlowState state);

signals:
    void environmentsLoaded();
    void flowsPageLoaded(const QString &environment);
    void loadFailed(const fc::ApiError &error);
    void busyChanged(bool busy);

private:
    struct EnvNode
    {
        Environment env;
        QList<Flow> flows;
        QString nextLink;
        PageWalk walk;
        bool requested = false; // the first page was asked for
        bool adminRows = false; // the administrator's rows follow the flows
        ApiClient::CallId call = 0;
    };

    int envRow(const QString &environment) const;
    void fetchEnvironments(const QString &nextLink);
    void fetchFlows(int envRow, const QString &nextLink);
    void cancelAll();
    void updateBusy();
    QVariant flowData(const Flow &flow, int column, int role) const;

    void onNameResolved(const QString &objectId);

    QPointer<ApiClient> m_client;
    PrincipalNames *m_names; // owners shown by name, not GUID
    std::vector<std::unique_ptr<EnvNode>> m_envs;
    QString m_envNextLink;
    PageWalk m_envWalk;
    ApiClient::CallId m_envCall = 0;
    bool m_envsLoaded = false;
    bool m_busy = false;
    bool m_admin = false;
};

} // namespace fc
