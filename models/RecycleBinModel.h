#pragma once

#include "api/ApiClient.h"
#include "api/PageWalk.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace fc {

class PrincipalNames;

// An environment's recycle bin, as an administrator reads it: the flows deleted in the last 21
// days (scopes/admin … v2/flows?include=softDeletedFlows, state Deleted). The service gives the
// deletion time as the flow's last modification; it names no deleter, so none is shown.
class RecycleBinModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DeletedColumn, DaysLeftColumn, CreatorColumn, CreatedColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, FlowNameRole };
    static constexpr int kKeepDays = 21;

    explicit RecycleBinModel(ApiClient *client, QObject *parent = nullptr);
    ~RecycleBinModel() override;

    void load(const QString &environment);
    void stop();
    void removeFlows(const QStringList &flowNames);
    bool isLoading() const { return m_call != 0; }
    QString environment() const { return m_env; }
    const Flow &flowAt(int row) const { return m_flows[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void loadFailed(const fc::ApiError &error);

private:
    void fetchPage(const QString &nextLink);

    QPointer<ApiClient> m_client;
    PrincipalNames *m_names;
    QString m_env;
    QList<Flow> m_flows;
    PageWalk m_walk;
    ApiClient::CallId m_call = 0;
    quint64 m_generation = 0;
};

} // namespace fc
