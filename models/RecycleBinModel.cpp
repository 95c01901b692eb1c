#include "RecycleBinModel.h"

#include "Formatting.h"

#include "api/PrincipalNames.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace fc {

RecycleBinModel::RecycleBinModel(ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client ? client->adminScope() : nullptr)
    , m_names(new PrincipalNames(client, this))
{
    connect(m_names, &PrincipalNames::resolved, this, [this](const QString &id) {
        for (int row = 0; row < m_flows.size(); ++row) {
            if (m_flows[row].creatorObjectId == id)
                emit dataChanged(index(row, CreatorColumn), index(row, CreatorColumn));
        }
    });
}

RecycleBinModel::~RecycleBinModel()
{
    stop();
}

void RecycleBinModel::load(const QString &environment)
{
    stop();
    ++m_generation;
    beginResetModel();
    m_env = environment;
    m_flows.clear();
    endResetModel();
    m_walk.reset();
    fetchPage({});
}

void RecycleBinModel::stop()
{
    ++m_generation; // the cancelled call's answer (given during the cancel) is dropped
    if (m_call && m_client)
        m_client->cancel(m_call);
    m_call = 0;
}

void RecycleBinModel::fetchPage(const QString &nextLink)
{
    if (!m_client)
        return;
    m_call = m_client->listAllFlows(
        m_env, true, this,
        [this, generation = m_generation](Result<Page<Flow>> result) {
            if (generation != m_generation)
                return;
            m_call = 0;
            if (!result) {
                if (result.error().kind != ApiError::Kind::Cancelled)
                    emit loadFailed(result.error());
                return;
            }
            Page<Flow> page = std::move(result).value();
            QList<Flow> deleted;
            for (Flow &flow : page.items) {
                if (flow.state == FlowState::Deleted)
                    deleted.append(std::move(flow));
            }
            if (!deleted.isEmpty()) {
                const int first = static_cast<int>(m_flows.size());
                beginInsertRows({}, first, first + static_cast<int>(deleted.size()) - 1);
                m_flows.append(std::move(deleted));
                endInsertRows();
            }
            const std::optional<ApiError> walkStop =
                m_walk.admit(page.nextLink, u"listFlowsAsAdmin"_s, tr("the recycle bin"));
            if (walkStop)
                emit loadFailed(*walkStop);
            else if (!page.nextLink.isEmpty())
                fetchPage(page.nextLink);
            if (!m_call)
                emit loaded();
        },
        nextLink);
}

void RecycleBinModel::removeFlows(const QStringList &flowNames)
{
    for (int row = static_cast<int>(m_flows.size()) - 1; row >= 0; --row) {
        if (flowNames.contains(m_flows[row].name)) {
            beginRemoveRows({}, row, row);
            m_flows.removeAt(row);
            endRemoveRows();
        }
    }
}

int RecycleBinModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_flows.size());
}

int RecycleBinModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecycleBinModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_flows.size())
        return {};
    const Flow &flow = m_flows[index.row()];
    const qint64 deletedMs = flow.modifiedMs;
    const qint64 leftMs =
        deletedMs + qint64(kKeepDays) * 24 * 3600 * 1000 - QDateTime::currentMSecsSinceEpoch();
    const int daysLeft = static_cast<int>(std::max<qint64>(0, leftMs / (24 * 3600 * 1000)));
    if (role == FlowNameRole)
        return flow.name;
    if (role == SortRole) {
        switch (index.column()) {
        case DeletedColumn:
            return deletedMs;
        case DaysLeftColumn:
            return leftMs;
        case CreatedColumn:
            return flow.createdMs;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return flow.displayName;
    case DeletedColumn:
        return formatTime(deletedMs);
    case DaysLeftColumn:
        return tr("%n day(s)", nullptr, daysLeft);
    case CreatorColumn: {
        const QString name = m_names->nameOf(flow.creatorObjectId);
        return name.isEmpty() ? flow.creatorObjectId : name;
    }
    case CreatedColumn:
        return formatTime(flow.createdMs);
    default:
        return {};
    }
}

QVariant RecycleBinModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Flow");
    case DeletedColumn:
        return tr("Deleted");
    case DaysLeftColumn:
        return tr("Restorable for");
    case CreatorColumn:
        return tr("Created by");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace fc
