#include "EnvironmentPage.h"

#include "ConnectionListModel.h"
#include "ConnectorListModel.h"
#include "Formatting.h"
#include "NavigationModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
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
    m_tabs->addTab(m_connections, tr("Connections"));

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
        m_connectionModel->setEnvironment({});
        m_connectorModel->setEnvironment({});
        loadVisibleTab();
    }
}

void EnvironmentPage::loadVisibleTab()
{
    if (m_environment.name.isEmpty())
        return;
    if (m_tabs->currentWidget() == m_connections && m_connectionModel->environment() != m_environment.name)
        m_connectionModel->setEnvironment(m_environment.name);
    if (m_tabs->currentWidget() == m_connectors && m_connectorModel->environment() != m_environment.name)
        m_connectorModel->setEnvironment(m_environment.name);
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
