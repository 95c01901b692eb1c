#include "EnvironmentPage.h"

#include "ConnectionListModel.h"
#include "ConnectorListModel.h"
#include "Formatting.h"
#include "NavigationModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

EnvironmentPage::EnvironmentPage(ApiClient *client, NavigationModel *navigation, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigation(navigation)
    , m_connectionModel(new ConnectionListModel(client, this))
    , m_connectorModel(new ConnectorListModel(client, this))
{
    setObjectName(u"environmentPage"_s);
    setAccessibleName(tr("Environment"));
    auto *layout = new QVBoxLayout(this);

    m_title = new QLabel;
    m_title->setObjectName(u"environmentTitle"_s);
    m_title->setAccessibleName(tr("Environment name"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QLabel;
    m_details->setObjectName(u"environmentDetails"_s);
    m_details->setAccessibleName(tr("Environment details"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::RichText);
    layout->addWidget(m_title);
    layout->addWidget(m_details);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"environmentTabs"_s);
    m_tabs->setAccessibleName(tr("Environment tabs"));
    layout->addWidget(m_tabs, 1);

    m_flowProxy = new QSortFilterProxyModel(this);
    m_flowProxy->setSourceModel(navigation);
    m_flowProxy->setSortRole(NavigationModel::SortRole);
    m_flowProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    // Environments and flows only: the administrator's rows are pages, not flows.
    m_flowProxy->setFilterRole(NavigationModel::NodeKindRole);
    m_flowProxy->setFilterRegularExpression(
        QRegularExpression(QString(u"^("_s + QString::number(int(NavigationModel::NodeKind::Environment)) +
                                   u'|' + QString::number(int(NavigationModel::NodeKind::Flow)) + u")$"_s)));
    m_flows = makeTable(u"environmentFlowTable"_s, tr("Flows"));
    m_flows->setModel(m_flowProxy);
    m_flows->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_flows->setContextMenuPolicy(Qt::CustomContextMenu);
    m_flows->sortByColumn(NavigationModel::NameColumn, Qt::AscendingOrder);
    // Room for the names; the owner's object ID takes what is left.
    m_flows->setColumnWidth(NavigationModel::NameColumn, 260);
    m_flows->setColumnWidth(NavigationModel::StateColumn, 90);
    m_flows->setColumnWidth(NavigationModel::TriggerColumn, 130);
    m_tabs->addTab(m_flows, tr("Flows"));
    connect(m_flows, &QTableView::activated, this,
            [this](const QModelIndex &index) { emit flowActivated(m_flowProxy->mapToSource(index)); });
    connect(m_flows->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EnvironmentPage::flowSelectionChanged);
    connect(m_flows, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { emit contextMenuRequested(m_flows->viewport()->mapToGlobal(pos)); });

    auto *connectionProxy = new QSortFilterProxyModel(this);
    connectionProxy->setSourceModel(m_connectionModel);
    connectionProxy->setSortRole(PagedModelBase::SortRole);
    connectionProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_connections = makeTable(u"connectionTable"_s, tr("Connections"));
    m_connections->setModel(connectionProxy);
    m_connections->sortByColumn(ConnectionListModel::NameColumn, Qt::AscendingOrder);
    m_connectionsTab = new QWidget;
    auto *connectionsLayout = new QVBoxLayout(m_connectionsTab);
    connectionsLayout->setContentsMargins(0, 0, 0, 0);
    connectionsLayout->addWidget(m_connections, 1);
    m_connectionDetails = new QLabel;
    m_connectionDetails->setObjectName(u"connectionDetails"_s);
    m_connectionDetails->setWordWrap(true);
    m_connectionDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectionDetails->hide();
    connectionsLayout->addWidget(m_connectionDetails);
    auto *usageRow = new QHBoxLayout;
    m_usageNote = new QLabel;
    m_usageNote->setObjectName(u"connectionUsageNote"_s);
    m_usageNote->setWordWrap(true);
    m_listAllFlows = new QPushButton(tr("&List every flow"));
    m_listAllFlows->setObjectName(u"listEveryFlowButton"_s);
    m_listAllFlows->setToolTip(
        tr("Lists the rest of the environment's flows, so that \"Used by\" counts them all"));
    usageRow->addWidget(m_usageNote, 1);
    usageRow->addWidget(m_listAllFlows);
    connectionsLayout->addLayout(usageRow);
    m_tabs->addTab(m_connectionsTab, tr("Connections"));
    connect(m_connections->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EnvironmentPage::showSelectedConnection);
    connect(m_connectionModel, &QAbstractItemModel::modelReset, this,
            &EnvironmentPage::showSelectedConnection);
    connect(m_listAllFlows, &QPushButton::clicked, this, [this] {
        m_listingAllFlows = true;
        m_listAllFlows->setEnabled(false);
        const QModelIndex env = m_navigation->environmentIndex(m_environment.name);
        if (m_navigation->canFetchMore(env))
            m_navigation->fetchMore(env);
    });
    // The navigation model's flows change page by page, and as flows are edited: the usage is
    // worked out again once the changes of one event-loop pass are in.
    m_usageTimer = new QTimer(this);
    m_usageTimer->setSingleShot(true);
    m_usageTimer->setInterval(0);
    connect(m_usageTimer, &QTimer::timeout, this, &EnvironmentPage::updateConnectionUsage);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(navigation, signal, m_usageTimer, qOverload<>(&QTimer::start));
    connect(navigation, &QAbstractItemModel::dataChanged, m_usageTimer, qOverload<>(&QTimer::start));
    connect(navigation, &QAbstractItemModel::modelReset, m_usageTimer, qOverload<>(&QTimer::start));
    connect(navigation, &NavigationModel::flowsPageLoaded, this, [this](const QString &environment) {
        if (environment != m_environment.name)
            return;
        const QModelIndex env = m_navigation->environmentIndex(environment);
        if (m_listingAllFlows && m_navigation->canFetchMore(env))
            m_navigation->fetchMore(env); // the next page, until every flow is listed
        m_usageTimer->start();
    });

    auto *connectorProxy = new QSortFilterProxyModel(this);
    connectorProxy->setSourceModel(m_connectorModel);
    connectorProxy->setSortRole(PagedModelBase::SortRole);
    connectorProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_connectors = makeTable(u"connectorTable"_s, tr("Connectors"));
    m_connectors->setModel(connectorProxy);
    m_tabs->addTab(m_connectors, tr("Connectors"));

    connect(m_tabs, &QTabWidget::currentChanged, this, &EnvironmentPage::loadVisibleTab);
}

QTableView *EnvironmentPage::makeTable(const QString &objectName, const QString &accessibleName)
{
    auto *table = new QTableView;
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultSectionSize(160);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

void EnvironmentPage::setEnvironment(const Environment &environment)
{
    const bool changed = environment.name != m_environment.name;
    m_environment = environment;
    m_title->setText(environment.displayName);
    const QString row = u"<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>"_s;
    QString html = u"<table>"_s;
    html += row.arg(tr("Name"), environment.name.toHtmlEscaped());
    html += row.arg(tr("Location"), environment.location.toHtmlEscaped());
    html += row.arg(tr("Type"),
                    (environment.type.isEmpty() ? environment.sku : environment.type).toHtmlEscaped());
    html += row.arg(tr("Default"), environment.isDefault ? tr("Yes") : tr("No"));
    html += row.arg(tr("Created"), formatTime(environment.createdMs));
    html += u"</table>"_s;
    m_details->setText(html);

    const QModelIndex root = m_flowProxy->mapFromSource(m_navigation->environmentIndex(environment.name));
    m_flows->setRootIndex(root);
    if (root.isValid() && m_navigation->canFetchMore(m_flowProxy->mapToSource(root)))
        m_navigation->fetchMore(m_flowProxy->mapToSource(root));
    if (changed) {
        m_listingAllFlows = false;
        m_connectionModel->setEnvironment({});
        m_connectorModel->setEnvironment({});
        loadVisibleTab();
    }
}

void EnvironmentPage::loadVisibleTab()
{
    if (m_environment.name.isEmpty())
        return;
    if (m_tabs->currentWidget() == m_connectionsTab &&
        m_connectionModel->environment() != m_environment.name) {
        m_connectionModel->setEnvironment(m_environment.name);
        updateConnectionUsage();
    }
    if (m_tabs->currentWidget() == m_connectors && m_connectorModel->environment() != m_environment.name)
        m_connectorModel->setEnvironment(m_environment.name);
}

void EnvironmentPage::updateConnectionUsage()
{
    if (m_environment.name.isEmpty())
        return;
    const QModelIndex env = m_navigation->environmentIndex(m_environment.name);
    QHash<QString, QStringList> usage;
    int flows = 0;
    for (int row = 0; row < m_navigation->rowCount(env); ++row) {
        const Flow *flow = m_navigation->flowAt(m_navigation->index(row, 0, env));
        if (!flow)
            continue;
        ++flows;
        for (const ConnectionReference &ref : flow->connectionReferences) {
            QStringList &users = usage[ref.connectionName];
            if (!ref.connectionName.isEmpty() && !users.contains(flow->displayName))
                users.append(flow->displayName);
        }
    }
    for (QStringList &users : usage)
        users.sort(Qt::CaseInsensitive);
    const bool complete = m_navigation->flowsComplete(m_environment.name);
    if (complete)
        m_listingAllFlows = false;
    m_connectionModel->setUsage(usage, complete);
    m_usageNote->setText(
        complete ? tr("\"Used by\" counts every flow of this environment (%n flow(s)).", nullptr, flows)
                 : tr("\"Used by\" counts the %n flow(s) listed so far.", nullptr, flows));
    m_listAllFlows->setVisible(!complete);
    m_listAllFlows->setEnabled(!m_listingAllFlows);
    showSelectedConnection();
}

void EnvironmentPage::showSelectedConnection()
{
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(m_connections->model());
    const QModelIndex current = proxy->mapToSource(m_connections->currentIndex());
    if (!current.isValid()) {
        m_connectionDetails->hide();
        return;
    }
    const Connection &connection = m_connectionModel->items().at(current.row());
    QStringList lines;
    const QString problem = ConnectionListModel::problemText(connection);
    if (!problem.isEmpty())
        lines << problem;
    const QStringList users = m_connectionModel->usedBy(connection.name);
    lines << (users.isEmpty() ? tr("No listed flow uses this connection.")
                              : tr("Used by: %1").arg(users.join(u", "_s)));
    m_connectionDetails->setText(lines.join(u'\n'));
    m_connectionDetails->show();
}

void EnvironmentPage::refreshLists()
{
    if (!m_connectionModel->environment().isEmpty())
        m_connectionModel->refresh();
    if (!m_connectorModel->environment().isEmpty())
        m_connectorModel->refresh();
}

QModelIndexList EnvironmentPage::selectedFlows() const
{
    QModelIndexList flows;
    const QModelIndexList rows = m_flows->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const QModelIndex source = m_flowProxy->mapToSource(row);
        if (NavigationModel::isFlow(source))
            flows.append(source);
    }
    return flows;
}

QByteArray EnvironmentPage::saveHeaderState() const
{
    return m_flows->horizontalHeader()->saveState();
}

void EnvironmentPage::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_flows->horizontalHeader()->restoreState(state);
}

} // namespace fc
