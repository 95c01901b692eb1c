#include "AdminFlowsModel.h"

#include "Csv.h"
#include "Formatting.h"
#include "NavigationModel.h"

#include <QFont>
#include <QIODevice>
#include <QIcon>

using namespace Qt::Literals::StringLiterals;

namespace fc {

AdminFlowsModel::AdminFlowsModel(ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client ? client->adminScope() : nullptr)
    , m_directory(new PrincipalDirectory(client, this))
{
    connect(m_directory, &PrincipalDirectory::resolved, this, &AdminFlowsModel::onDirectoryAnswer);
}

AdminFlowsModel::~AdminFlowsModel()
{
    m_directory->clear(); // nothing is looked up for a table that is going away
    blockSignals(true);   // and nobody is told: its watchers may be going away too
    stop();
}

void AdminFlowsModel::load(const QString &environment)
{
    stop();
    ++m_generation;
    beginResetModel();
    m_env = environment;
    m_rows.clear();
    m_rowOf.clear();
    m_rowsOfPrincipal.clear();
    m_ownersDone = 0;
    endResetModel();
    m_stopped = false;
    m_walk.reset();
    m_directory->retryUnknown();
    fetchPage({});
    emit progressChanged();
}

void AdminFlowsModel::stop()
{
    const bool busy = isBusy();
    // Answers to what is cancelled here (some arrive during the cancel itself) are dropped.
    ++m_generation;
    if (m_client) {
        if (m_listCall)
            m_client->cancel(m_listCall);
        for (ApiClient::CallId call : std::as_const(m_ownerCalls))
            m_client->cancel(call);
    }
    m_listCall = 0;
    m_listQueued = false;
    m_ownerCalls.clear();
    m_ownerQueue.clear();
    m_directory->flush(); // the names of what was read are still wanted
    if (busy) {
        m_stopped = true;
        emit progressChanged();
        emit finished();
    }
}

bool AdminFlowsModel::isCheckingOwners() const
{
    return !m_ownerCalls.isEmpty() || !m_ownerQueue.empty() || m_directory->isBusy();
}

void AdminFlowsModel::fetchPage(const QString &nextLink)
{
    if (!m_client)
        return;
    m_listQueued = false;
    m_listCall = m_client->listAllFlows(
        m_env, false, this,
        [this, generation = m_generation](Result<Page<Flow>> result) {
            if (generation != m_generation)
                return;
            m_listCall = 0;
            if (!result) {
                if (result.error().kind != ApiError::Kind::Cancelled)
                    emit loadFailed(result.error());
                emit progressChanged();
                maybeFinished();
                return;
            }
            Page<Flow> page = std::move(result).value();
            const std::optional<ApiError> walkStop =
                m_walk.admit(page.nextLink, u"listFlowsAsAdmin"_s, tr("every flow of the environment"));
            QList<Row> fresh;
            for (Flow &flow : page.items) {
                // A page may repeat a flow of the one before (the list changed under us).
                if (m_rowOf.contains(flow.name) || flow.state == FlowState::Deleted)
                    continue;
                if (flow.environment.isEmpty())
                    flow.environment = m_env;
                Row row;
                row.flow = std::move(flow);
                fresh.append(std::move(row));
            }
            if (!fresh.isEmpty()) {
                const int first = static_cast<int>(m_rows.size());
                beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
                for (Row &row : fresh) {
                    const int at = static_cast<int>(m_rows.size());
                    m_rowOf.insert(row.flow.name, at);
                    m_rowsOfPrincipal[row.flow.creatorObjectId].append(at);
                    m_ownerQueue.push_back(row.flow.name);
                    m_rows.append(std::move(row));
                }
                endInsertRows();
                QStringList creators;
                for (int r = first; r < m_rows.size(); ++r)
                    creators << m_rows[r].flow.creatorObjectId;
                m_directory->request(creators, PrincipalType::User);
            }
            if (walkStop)
                emit loadFailed(*walkStop);
            else if (!page.nextLink.isEmpty() && !m_stopped)
                fetchPage(page.nextLink);
            pumpOwners();
            emit progressChanged();
            maybeFinished();
        },
        nextLink);
}

void AdminFlowsModel::pumpOwners()
{
    if (!m_client)
        return;
    while (m_ownerCalls.size() < kOwnerCallsInFlight && !m_ownerQueue.empty()) {
        const QString flow = m_ownerQueue.front();
        m_ownerQueue.pop_front();
        if (!m_rowOf.contains(flow) || m_ownerCalls.contains(flow))
            continue;
        const ApiClient::CallId call = m_client->listOwners(
            m_env, flow, this, [this, flow, generation = m_generation](Result<Page<FlowOwner>> result) {
                if (generation != m_generation)
                    return;
                m_ownerCalls.remove(flow);
                const int row = m_rowOf.value(flow, -1);
                if (row >= 0 && !(result.ok() == false && result.error().kind == ApiError::Kind::Cancelled)) {
                    Row &r = m_rows[row];
                    if (!r.ownersLoaded && r.ownersError.isEmpty())
                        ++m_ownersDone;
                    if (result) {
                        r.owners = result->items;
                        r.ownersLoaded = true;
                        r.ownersError.clear();
                        QStringList users, groups;
                        for (const FlowOwner &o : std::as_const(r.owners)) {
                            m_rowsOfPrincipal[o.principal.id].append(row);
                            if (o.principal.type == PrincipalType::Group)
                                groups << o.principal.id;
                            else if (o.principal.type == PrincipalType::User)
                                users << o.principal.id;
                            else
                                m_directory->request({o.principal.id}, o.principal.type);
                        }
                        m_directory->request(users, PrincipalType::User);
                        m_directory->request(groups, PrincipalType::Group);
                    } else {
                        r.ownersLoaded = false;
                        r.ownersError = result.error().message.isEmpty() ? result.error().toString()
                                                                         : result.error().message;
                    }
                    rowChanged(row);
                }
                pumpOwners();
                emit progressChanged();
                maybeFinished();
            });
        if (call)
            m_ownerCalls.insert(flow, call);
    }
}

void AdminFlowsModel::refreshOwners(const QStringList &flowNames)
{
    for (const QString &flow : flowNames) {
        const int row = m_rowOf.value(flow, -1);
        if (row < 0)
            continue;
        Row &r = m_rows[row];
        if (r.ownersLoaded || !r.ownersError.isEmpty())
            --m_ownersDone;
        r.ownersLoaded = false;
        r.ownersError.clear();
        m_ownerQueue.push_back(flow);
        rowChanged(row);
    }
    m_stopped = false;
    pumpOwners();
    emit progressChanged();
}

void AdminFlowsModel::removeFlows(const QStringList &flowNames)
{
    bool removed = false;
    for (const QString &flow : flowNames) {
        const int row = m_rowOf.value(flow, -1);
        if (row < 0)
            continue;
        if (m_ownerCalls.contains(flow) && m_client)
            m_client->cancel(m_ownerCalls.take(flow));
        if (m_rows[row].ownersLoaded || !m_rows[row].ownersError.isEmpty())
            --m_ownersDone;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        removed = true;
        // Row numbers after it moved: rebuild the indexes (rare, and linear).
        m_rowOf.clear();
        m_rowsOfPrincipal.clear();
        for (int r = 0; r < m_rows.size(); ++r) {
            m_rowOf.insert(m_rows[r].flow.name, r);
            m_rowsOfPrincipal[m_rows[r].flow.creatorObjectId].append(r);
            for (const FlowOwner &o : std::as_const(m_rows[r].owners))
                m_rowsOfPrincipal[o.principal.id].append(r);
        }
    }
    if (removed)
        emit progressChanged();
}

void AdminFlowsModel::setFlowState(const QString &flowName, FlowState state)
{
    const int row = m_rowOf.value(flowName, -1);
    if (row < 0)
        return;
    m_rows[row].flow.state = state;
    rowChanged(row);
}

void AdminFlowsModel::onDirectoryAnswer(const QStringList &ids)
{
    QSet<int> rows;
    for (const QString &id : ids) {
        for (int row : m_rowsOfPrincipal.value(id))
            rows.insert(row);
    }
    for (int row : std::as_const(rows))
        rowChanged(row);
    emit progressChanged();
    maybeFinished();
}

void AdminFlowsModel::rowChanged(int row)
{
    if (row >= 0 && row < m_rows.size())
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void AdminFlowsModel::maybeFinished()
{
    // Once no owner list is coming any more, the directory's last, partial batches may leave.
    if (!isListing() && m_ownerCalls.isEmpty() && m_ownerQueue.empty() && m_directory->hasQueued())
        m_directory->flush();
    if (!isBusy())
        emit finished();
}

AdminFlowsModel::OwnerCheck AdminFlowsModel::ownerCheck(int row) const
{
    const Row &r = m_rows[row];
    if (!r.ownersError.isEmpty())
        return OwnerCheck::Unknown;
    if (!r.ownersLoaded)
        return OwnerCheck::Pending;
    bool pending = false, unknown = false;
    for (const FlowOwner &o : r.owners) {
        switch (m_directory->entry(o.principal.id).status) {
        case DirectoryEntry::Status::Valid:
            return OwnerCheck::Valid; // one valid owner is enough
        case DirectoryEntry::Status::Pending:
            pending = true;
            break;
        case DirectoryEntry::Status::Unknown:
            unknown = true;
            break;
        case DirectoryEntry::Status::Disabled:
        case DirectoryEntry::Status::Gone:
            break;
        }
    }
    if (pending)
        return OwnerCheck::Pending;
    return unknown ? OwnerCheck::Unknown : OwnerCheck::Orphaned;
}

int AdminFlowsModel::orphanedCount() const
{
    int count = 0;
    for (int row = 0; row < m_rows.size(); ++row)
        count += ownerCheck(row) == OwnerCheck::Orphaned ? 1 : 0;
    return count;
}

QStringList AdminFlowsModel::orphanedFlowNames() const
{
    QStringList names;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (ownerCheck(row) == OwnerCheck::Orphaned)
            names << m_rows[row].flow.name;
    }
    return names;
}

QString AdminFlowsModel::ownerCheckText(OwnerCheck check)
{
    switch (check) {
    case OwnerCheck::Pending:
        return tr("Checking…");
    case OwnerCheck::Valid:
        return tr("OK");
    case OwnerCheck::Orphaned:
        return tr("No valid owner");
    case OwnerCheck::Unknown:
        return tr("Could not check");
    }
    return {};
}

QString AdminFlowsModel::principalName(const Principal &principal) const
{
    const DirectoryEntry e = m_directory->entry(principal.id);
    const QString name = !e.displayName.isEmpty()           ? e.displayName
                         : !principal.displayName.isEmpty() ? principal.displayName
                                                            : principal.id;
    switch (e.status) {
    case DirectoryEntry::Status::Disabled:
        return tr("%1 (disabled)").arg(name);
    case DirectoryEntry::Status::Gone:
        // The directory has forgotten the name with the account: say what it was, keep the ID.
        return name == principal.id ? tr("Deleted account (%1…)").arg(principal.id.left(8))
                                    : tr("%1 (deleted)").arg(name);
    default:
        return name;
    }
}

QString AdminFlowsModel::ownerNames(int row) const
{
    const Row &r = m_rows[row];
    if (!r.ownersError.isEmpty())
        return tr("Could not read the owners: %1").arg(r.ownersError);
    if (!r.ownersLoaded)
        return {};
    QStringList names;
    for (const FlowOwner &o : r.owners)
        names << principalName(o.principal);
    return names.join(u"; "_s);
}

int AdminFlowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AdminFlowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdminFlowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    const Flow &flow = r.flow;
    switch (role) {
    case OrphanedRole:
        return ownerCheck(index.row()) == OwnerCheck::Orphaned;
    case FlowNameRole:
        return flow.name;
    case FilterTextRole:
        return QString(flow.displayName + u' ' + flow.name + u' ' + ownerNames(index.row()));
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return NavigationModel::iconForState(flow.state);
        if (index.column() == OwnerCheckColumn && ownerCheck(index.row()) == OwnerCheck::Orphaned) {
            static const QIcon warning =
                QIcon::fromTheme(u"dialog-warning"_s, QIcon(u":/icons/flow-suspended.svg"_s));
            return warning;
        }
        return {};
    case Qt::FontRole:
        if (index.column() == OwnerCheckColumn && ownerCheck(index.row()) == OwnerCheck::Orphaned) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == OwnerCheckColumn && ownerCheck(index.row()) == OwnerCheck::Orphaned)
            return tr("Every user who owns this flow is disabled or deleted, and no group owns it. Add a "
                      "co-owner so that its connections keep working.");
        if (index.column() == OwnersColumn)
            return ownerNames(index.row());
        return {};
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return static_cast<int>(flow.state);
        case CreatedColumn:
            return flow.createdMs;
        case ModifiedColumn:
            return flow.modifiedMs;
        case OwnerCheckColumn:
            return static_cast<int>(ownerCheck(index.row()));
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return flow.displayName;
        case OwnersColumn:
            return r.ownersLoaded ? ownerNames(index.row()) : QString();
        case OwnerCheckColumn:
            return ownerCheckText(ownerCheck(index.row()));
        case CreatorColumn: {
            Principal creator;
            creator.id = flow.creatorObjectId;
            return flow.creatorObjectId.isEmpty() ? QString() : principalName(creator);
        }
        case StateColumn:
            return NavigationModel::stateText(flow.state);
        case CreatedColumn:
            return formatTime(flow.createdMs);
        case ModifiedColumn:
            return formatTime(flow.modifiedMs);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AdminFlowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Flow");
    case OwnersColumn:
        return tr("Owners");
    case OwnerCheckColumn:
        return tr("Owner check");
    case CreatorColumn:
        return tr("Created by");
    case StateColumn:
        return tr("State");
    case CreatedColumn:
        return tr("Created");
    case ModifiedColumn:
        return tr("Modified");
    default:
        return {};
    }
}

bool AdminFlowsModel::writeCsv(QIODevice &out, const QList<int> &rows) const
{
    QByteArray chunk = "flow,display_name,state,owners,owner_check,created_by,created,modified\r\n";
    const auto line = [&](int row) {
        const Flow &f = m_rows[row].flow;
        const QStringList fields{csv::field(f.name),
                                 csv::field(f.displayName),
                                 flowStateName(f.state),
                                 csv::field(ownerNames(row)),
                                 csv::field(ownerCheckText(ownerCheck(row))),
                                 csv::field(data(index(row, CreatorColumn)).toString()),
                                 csv::isoTime(f.createdMs),
                                 csv::isoTime(f.modifiedMs)};
        chunk += fields.join(u',').toUtf8();
        chunk += "\r\n";
        if (chunk.size() < 64 * 1024)
            return true;
        const bool ok = out.write(chunk) == chunk.size();
        chunk.clear();
        return ok;
    };
    if (rows.isEmpty()) {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (!line(row))
                return false;
        }
    } else {
        for (int row : rows) {
            if (row >= 0 && row < m_rows.size() && !line(row))
                return false;
        }
    }
    return out.write(chunk) == chunk.size();
}

} // namespace fc
