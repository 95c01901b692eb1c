#include "NavigationModel.h"

#include "api/PrincipalNames.h"

#include "Formatting.h"

#include <QFont>

using namespace Qt::Literals::StringLiterals;

namespace fc {

NavigationModel::NavigationModel(ApiClient *client, QObject *parent)
    : QAbstractItemModel(parent)
    , m_client(client)
    , m_names(new PrincipalNames(client, this))
{
    connect(m_names, &PrincipalNames::resolved, this, &NavigationModel::onNameResolved);
}

void NavigationModel::onNameResolved(const QString &objectId)
{
    for (std::size_t e = 0; e < m_envs.size(); ++e) {
        const QList<Flow> &flows = m_envs[e]->flows;
        for (int row = 0; row < flows.size(); ++row) {
            if (flows[row].creatorObjectId == objectId) {
                const QModelIndex cell = createIndex(row, OwnerColumn, quintptr(e) + 1);
                emit dataChanged(cell, cell, {Qt::DisplayRole});
            }
        }
    }
}

NavigationModel::~NavigationModel()
{
    cancelAll();
}

void NavigationModel::cancelAll()
{
    if (!m_client)
        return;
    if (m_envCall)
        m_client->cancel(m_envCall);
    m_envCall = 0;
    for (auto &node : m_envs) {
        if (node->call)
            m_client->cancel(node->call);
        node->call = 0;
    }
}

void NavigationModel::clear()
{
    cancelAll();
    beginResetModel();
    m_envs.clear();
    m_envNextLink.clear();
    m_envWalk.reset();
    m_envsLoaded = false;
    endResetModel();
    updateBusy();
}

void NavigationModel::reload()
{
    clear();
    fetchEnvironments({});
}

void NavigationModel::updateBusy()
{
    bool busy = m_envCall != 0;
    for (const auto &node : m_envs)
        busy = busy || node->call != 0;
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

void NavigationModel::fetchEnvironments(const QString &nextLink)
{
    if (!m_client)
        return;
    m_envCall = m_client->listEnvironments(
        this,
        [this](Result<Page<Environment>> result) {
            m_envCall = 0;
            if (!result) {
                m_envNextLink.clear();
                updateBusy();
                if (result.error().kind != ApiError::Kind::Cancelled)
                    emit loadFailed(result.error());
                return;
            }
            Page<Environment> page = std::move(result).value();
            const std::optional<ApiError> stop =
                m_envWalk.admit(page.nextLink, u"listEnvironments"_s, tr("the environments"));
            m_envNextLink = stop ? QString() : page.nextLink;
            if (stop)
                emit loadFailed(*stop);
            if (!page.items.isEmpty()) {
                const int first = static_cast<int>(m_envs.size());
                beginInsertRows({}, first, first + static_cast<int>(page.items.size()) - 1);
                for (Environment &env : page.items) {
                    auto node = std::make_unique<EnvNode>();
                    node->env = std::move(env);
                    node->adminRows = m_admin;
                    m_envs.push_back(std::move(node));
                }
                endInsertRows();
            }
            m_envsLoaded = true;
            updateBusy();
            emit environmentsLoaded();
        },
        nextLink);
    updateBusy();
}

void NavigationModel::fetchFlows(int row, const QString &nextLink)
{
    if (!m_client)
        return;
    EnvNode &node = *m_envs[static_cast<size_t>(row)];
    node.requested = true;
    const QString envName = node.env.name;
    node.call = m_client->listFlows(
        envName, this,
        [this, envName](Result<Page<Flow>> result) {
            const int r = envRow(envName);
            if (r < 0)
                return;
            EnvNode &n = *m_envs[static_cast<size_t>(r)];
            n.call = 0;
            if (!result) {
                n.nextLink.clear();
                updateBusy();
                if (result.error().kind != ApiError::Kind::Cancelled)
                    emit loadFailed(result.error());
                return;
            }
            Page<Flow> page = std::move(result).value();
            const std::optional<ApiError> stop =
                n.walk.admit(page.nextLink, u"listFlows"_s, tr("the flows of %1").arg(n.env.displayName));
            n.nextLink = stop ? QString() : page.nextLink;
            if (stop)
                emit loadFailed(*stop);
            // A flow created here may already be listed (upsertFlow); skip it rather than show it twice.
            QList<Flow> fresh;
            fresh.reserve(page.items.size());
            for (Flow &flow : page.items) {
                if (flow.environment.isEmpty())
                    flow.environment = envName;
                bool known = false;
                for (const Flow &existing : std::as_const(n.flows))
                    known = known || existing.name == flow.name;
                if (!known)
                    fresh.append(std::move(flow));
            }
            if (!fresh.isEmpty()) {
                const int first = static_cast<int>(n.flows.size());
                beginInsertRows(index(r, 0), first, first + static_cast<int>(fresh.size()) - 1);
                n.flows.append(std::move(fresh));
                endInsertRows();
            } else {
                // The expander may have to disappear now that the environment is known to be empty.
                const QModelIndex idx = index(r, 0);
                emit dataChanged(idx, idx);
            }
            updateBusy();
            emit flowsPageLoaded(envName);
        },
        nextLink);
    updateBusy();
}

void NavigationModel::refreshFlows(const QString &environment)
{
    const int row = envRow(environment);
    if (row < 0)
        return;
    EnvNode &node = *m_envs[static_cast<size_t>(row)];
    if (node.call && m_client)
        m_client->cancel(node.call);
    node.call = 0;
    node.walk.reset();
    if (!node.flows.isEmpty()) {
        beginRemoveRows(index(row, 0), 0, static_cast<int>(node.flows.size()) - 1);
        node.flows.clear();
        endRemoveRows();
    }
    node.nextLink.clear();
    fetchFlows(row, {});
}

int NavigationModel::envRow(const QString &environment) const
{
    for (size_t i = 0; i < m_envs.size(); ++i) {
        if (m_envs[i]->env.name == environment)
            return static_cast<int>(i);
    }
    return -1;
}

namespace {
// Children of an environment carry its row + 1 as internal ID; the administrator's rows also
// carry this bit, so that a flow can be told from them without the model at hand.
constexpr quintptr kAdminBit = quintptr(1) << 30;
size_t parentRowOf(const QModelIndex &child)
{
    return (child.internalId() & ~kAdminBit) - 1;
}
} // namespace

bool NavigationModel::isFlow(const QModelIndex &index)
{
    return index.isValid() && index.internalId() != 0 && (index.internalId() & kAdminBit) == 0;
}

NavigationModel::NodeKind NavigationModel::nodeKind(const QModelIndex &index)
{
    if (!index.isValid() || index.internalId() == 0)
        return NodeKind::Environment;
    if ((index.internalId() & kAdminBit) == 0)
        return NodeKind::Flow;
    const auto *model = qobject_cast<const NavigationModel *>(index.model());
    const int flows = model ? model->rowCount(index.parent()) - kAdminRows : 0;
    return index.row() - flows == 0 ? NodeKind::AdminFlows : NodeKind::RecycleBin;
}

void NavigationModel::setAdminEntries(bool on)
{
    m_admin = on;
    for (size_t e = 0; e < m_envs.size(); ++e) {
        EnvNode &node = *m_envs[e];
        if (node.adminRows == on)
            continue;
        const int flows = static_cast<int>(node.flows.size());
        const QModelIndex env = index(static_cast<int>(e), 0);
        if (on) {
            beginInsertRows(env, flows, flows + kAdminRows - 1);
            node.adminRows = true;
            endInsertRows();
        } else {
            beginRemoveRows(env, flows, flows + kAdminRows - 1);
            node.adminRows = false;
            endRemoveRows();
        }
    }
}

QModelIndex NavigationModel::adminIndex(const QString &environment, NodeKind kind) const
{
    const int row = envRow(environment);
    if (row < 0 || !m_envs[static_cast<size_t>(row)]->adminRows ||
        (kind != NodeKind::AdminFlows && kind != NodeKind::RecycleBin))
        return {};
    const int flows = static_cast<int>(m_envs[static_cast<size_t>(row)]->flows.size());
    return createIndex(flows + (kind == NodeKind::AdminFlows ? 0 : 1), 0, (quintptr(row) + 1) | kAdminBit);
}

const Environment *NavigationModel::environmentAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const size_t row = index.internalId() != 0 ? parentRowOf(index) : static_cast<size_t>(index.row());
    return row < m_envs.size() ? &m_envs[row]->env : nullptr;
}

const Flow *NavigationModel::flowAt(const QModelIndex &index) const
{
    if (!isFlow(index) || index.model() != this)
        return nullptr;
    const size_t envIdx = index.internalId() - 1;
    if (envIdx >= m_envs.size() || index.row() >= m_envs[envIdx]->flows.size())
        return nullptr;
    return &m_envs[envIdx]->flows[index.row()];
}

QModelIndex NavigationModel::environmentIndex(const QString &environment) const
{
    const int row = envRow(environment);
    return row < 0 ? QModelIndex() : index(row, 0);
}

QModelIndex NavigationModel::flowIndex(const QString &environment, const QString &flow) const
{
    const int row = envRow(environment);
    if (row < 0)
        return {};
    const QList<Flow> &flows = m_envs[static_cast<size_t>(row)]->flows;
    for (int i = 0; i < flows.size(); ++i) {
        if (flows[i].name == flow)
            return createIndex(i, 0, quintptr(row) + 1);
    }
    return {};
}

bool NavigationModel::isLoadingFlows(const QString &environment) const
{
    const int row = envRow(environment);
    return row >= 0 && m_envs[static_cast<size_t>(row)]->call != 0;
}

bool NavigationModel::flowsComplete(const QString &environment) const
{
    const int row = envRow(environment);
    if (row < 0)
        return false;
    const EnvNode &node = *m_envs[static_cast<size_t>(row)];
    return node.requested && node.call == 0 && node.nextLink.isEmpty();
}

void NavigationModel::upsertFlow(const Flow &flow)
{
    const int row = envRow(flow.environment);
    if (row < 0)
        return;
    EnvNode &node = *m_envs[static_cast<size_t>(row)];
    const QModelIndex existing = flowIndex(flow.environment, flow.name);
    if (existing.isValid()) {
        Flow &stored = node.flows[existing.row()];
        // A list row carries no definition; keep the one we have rather than lose it.
        QJsonObject definition = flow.definition.isEmpty() ? stored.definition : flow.definition;
        stored = flow;
        stored.definition = std::move(definition);
        emit dataChanged(existing, existing.siblingAtColumn(ColumnCount - 1));
        return;
    }
    const int at = static_cast<int>(node.flows.size());
    beginInsertRows(index(row, 0), at, at);
    node.flows.append(flow);
    endInsertRows();
}

void NavigationModel::removeFlow(const QString &environment, const QString &flow)
{
    const QModelIndex idx = flowIndex(environment, flow);
    if (!idx.isValid())
        return;
    beginRemoveRows(idx.parent(), idx.row(), idx.row());
    m_envs[idx.internalId() - 1]->flows.removeAt(idx.row());
    endRemoveRows();
}

void NavigationModel::setFlowState(const QString &environment, const QString &flow, FlowState state)
{
    const QModelIndex idx = flowIndex(environment, flow);
    if (!idx.isValid())
        return;
    m_envs[idx.internalId() - 1]->flows[idx.row()].state = state;
    emit dataChanged(idx, idx.siblingAtColumn(ColumnCount - 1));
}

QModelIndex NavigationModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return static_cast<size_t>(row) < m_envs.size() ? createIndex(row, column, quintptr(0))
                                                        : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0)
        return {};
    const size_t envIdx = static_cast<size_t>(parent.row());
    if (envIdx >= m_envs.size())
        return {};
    const int flows = static_cast<int>(m_envs[envIdx]->flows.size());
    if (row < flows)
        return createIndex(row, column, quintptr(envIdx) + 1);
    if (m_envs[envIdx]->adminRows && row < flows + kAdminRows)
        return createIndex(row, column, (quintptr(envIdx) + 1) | kAdminBit);
    return {};
}

QModelIndex NavigationModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(parentRowOf(child)), 0, quintptr(0));
}

int NavigationModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_envs.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    const EnvNode &node = *m_envs[static_cast<size_t>(parent.row())];
    return static_cast<int>(node.flows.size()) + (node.adminRows ? kAdminRows : 0);
}

int NavigationModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

bool NavigationModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_envs.empty();
    if (parent.internalId() != 0 || parent.column() != 0)
        return false;
    const EnvNode &node = *m_envs[static_cast<size_t>(parent.row())];
    // Until the first page is in, an environment may have flows: show the expander.
    return node.adminRows || !node.requested || node.call != 0 || !node.flows.isEmpty() ||
           !node.nextLink.isEmpty();
}

bool NavigationModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_envCall == 0 && !m_envNextLink.isEmpty();
    if (parent.internalId() != 0 || parent.column() != 0)
        return false;
    const EnvNode &node = *m_envs[static_cast<size_t>(parent.row())];
    return node.call == 0 && (!node.requested || !node.nextLink.isEmpty());
}

void NavigationModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (!parent.isValid()) {
        fetchEnvironments(m_envNextLink);
        return;
    }
    const EnvNode &node = *m_envs[static_cast<size_t>(parent.row())];
    fetchFlows(parent.row(), node.requested ? node.nextLink : QString());
}

QString NavigationModel::stateText(FlowState state)
{
    switch (state) {
    case FlowState::Started:
        return tr("On");
    case FlowState::Stopped:
        return tr("Off");
    case FlowState::Suspended:
        return tr("Suspended");
    case FlowState::Deleted:
        return tr("Deleted");
    case FlowState::Unknown:
        break;
    }
    return tr("Unknown");
}

QIcon NavigationModel::iconForState(FlowState state)
{
    // Built once: icons are requested for every painted row.
    static const QIcon on(u":/icons/flow-on.svg"_s);
    static const QIcon off(u":/icons/flow-off.svg"_s);
    static const QIcon suspended(u":/icons/flow-suspended.svg"_s);
    switch (state) {
    case FlowState::Started:
        return on;
    case FlowState::Suspended:
    case FlowState::Deleted:
        return suspended;
    default:
        return off;
    }
}

QVariant NavigationModel::flowData(const Flow &flow, int column, int role) const
{
    if (role == SortRole) {
        switch (column) {
        case NameColumn:
            return flow.displayName.toLower();
        case StateColumn:
            return static_cast<int>(flow.state);
        case ModifiedColumn:
            return flow.modifiedMs;
        case CreatedColumn:
            return flow.createdMs;
        default:
            return flowData(flow, column, Qt::DisplayRole);
        }
    }
    if (role == Qt::DecorationRole) {
        if (column == NameColumn)
            return iconForState(flow.state);
        return {};
    }
    if (role == Qt::ToolTipRole && column == NameColumn)
        return QString(flow.displayName + u'\n' + tr("State: %1").arg(stateText(flow.state)));
    if (role == Qt::AccessibleDescriptionRole && column == NameColumn)
        return tr("Flow, %1").arg(stateText(flow.state));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NameColumn:
        return flow.displayName.isEmpty() ? flow.name : flow.displayName;
    case StateColumn:
        return stateText(flow.state);
    case TriggerColumn:
        return flow.triggerType;
    case ModifiedColumn:
        return formatTime(flow.modifiedMs);
    case CreatedColumn:
        return formatTime(flow.createdMs);
    case OwnerColumn: {
        // The directory's name when it is known; until then (or without directory access) the id.
        const QString name = m_names->nameOf(flow.creatorObjectId);
        if (!name.isEmpty())
            return name;
        const QJsonObject creator = flow.raw.value("properties"_L1).toObject().value("creator"_L1).toObject();
        const QString user = creator.value("userId"_L1).toString();
        return user.isEmpty() ? flow.creatorObjectId : user;
    }
    default:
        return {};
    }
}

QVariant NavigationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == IsFlowRole)
        return isFlow(index);
    const NodeKind kind = nodeKind(index);
    if (role == NodeKindRole)
        return static_cast<int>(kind);
    if (kind == NodeKind::AdminFlows || kind == NodeKind::RecycleBin) {
        const Environment *env = environmentAt(index);
        const bool all = kind == NodeKind::AdminFlows;
        switch (role) {
        case EnvironmentNameRole:
            return env ? env->name : QString();
        case Qt::DisplayRole:
        case SortRole:
        case FilterTextRole:
            if (index.column() != NameColumn)
                return {};
            return all ? tr("All flows (admin)") : tr("Recycle bin (admin)");
        case Qt::ToolTipRole:
            return all ? tr("Every flow of the environment, whoever owns it: owners, orphaned flows, bulk "
                            "rescue")
                       : tr("Flows deleted in the last 21 days; restore them from here");
        case Qt::DecorationRole: {
            if (index.column() != NameColumn)
                return {};
            static const QIcon admin =
                QIcon::fromTheme(u"system-users"_s, QIcon(u":/icons/flowconsole.svg"_s));
            static const QIcon bin = QIcon::fromTheme(u"user-trash"_s, QIcon(u":/icons/flow-off.svg"_s));
            return all ? admin : bin;
        }
        case Qt::FontRole: {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        default:
            return {};
        }
    }
    if (const Flow *flow = flowAt(index)) {
        switch (role) {
        case EnvironmentNameRole:
            return flow->environment;
        case FlowNameRole:
            return flow->name;
        case FlowStateRole:
            return static_cast<int>(flow->state);
        case FilterTextRole:
            return QString(flow->displayName + u' ' + flow->name);
        default:
            return flowData(*flow, index.column(), role);
        }
    }
    const Environment *env = environmentAt(index);
    if (!env)
        return {};
    switch (role) {
    case EnvironmentNameRole:
        return env->name;
    case FilterTextRole:
        return QString(env->displayName + u' ' + env->name);
    case Qt::DisplayRole:
    case SortRole:
        if (index.column() != NameColumn)
            return {};
        // The service often names the default environment "... (default)" already.
        if (env->isDefault && !env->displayName.contains(tr("default"), Qt::CaseInsensitive))
            return tr("%1 (default)").arg(env->displayName);
        return env->displayName;
    case Qt::ToolTipRole:
        return index.column() == NameColumn ? QString(env->displayName + u'\n' + env->name) : QVariant();
    case Qt::FontRole:
        if (env->isDefault && index.column() == NameColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole: {
        static const QIcon icon(u":/icons/environment.svg"_s);
        return index.column() == NameColumn ? icon : QVariant();
    }
    default:
        return {};
    }
}

QVariant NavigationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case TriggerColumn:
        return tr("Trigger");
    case ModifiedColumn:
        return tr("Modified");
    case CreatedColumn:
        return tr("Created");
    case OwnerColumn:
        return tr("Owner");
    default:
        return {};
    }
}

} // namespace fc
