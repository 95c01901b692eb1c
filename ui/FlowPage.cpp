#include "FlowPage.h"

#include "api/PrincipalNames.h"

#include "CodeEditor.h"
#include "Formatting.h"
#include "InsightTab.h"
#include "NavigationModel.h"
#include "OwnersDialog.h"
#include "RunsTab.h"
#include "api/ApiClient.h"
#include "ops/BulkEngine.h" // FlowPage::operationStarted

#include <QAction>
#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

FlowPage::FlowPage(ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_names(new PrincipalNames(client, this))
{
    connect(m_names, &PrincipalNames::resolved, this, [this](const QString &objectId, const QString &name) {
        // Only the creator's row changes: the rest of the tree keeps what the user expanded.
        if (objectId == m_flow.creatorObjectId && m_creatorItem)
            m_creatorItem->setText(1, name);
    });
    setObjectName(u"flowPage"_s);
    setAccessibleName(tr("Flow"));
    auto *layout = new QVBoxLayout(this);

    m_title = new QLabel;
    m_title->setObjectName(u"flowTitle"_s);
    m_title->setAccessibleName(tr("Flow name"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(u"flowSubtitle"_s);
    m_subtitle->setAccessibleName(tr("Flow state and trigger"));
    m_share = new QAction(tr("&Share…"), this);
    m_share->setObjectName(u"shareFlowAction"_s);
    m_share->setToolTip(tr("Owners of this flow: add or remove people and groups"));
    m_share->setEnabled(false);
    connect(m_share, &QAction::triggered, this, [this] { openOwners(m_flow); });
    auto *shareButton = new QToolButton;
    shareButton->setObjectName(u"shareFlowButton"_s);
    shareButton->setAccessibleName(tr("Share the flow"));
    shareButton->setDefaultAction(m_share);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(shareButton);
    layout->addLayout(titleRow);
    layout->addWidget(m_subtitle);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"flowTabs"_s);
    m_tabs->setAccessibleName(tr("Flow tabs"));
    layout->addWidget(m_tabs, 1);

    // Details: callback URL on top, then every property, then the connection references.
    auto *details = new QWidget;
    details->setObjectName(u"flowDetailsTab"_s);
    auto *detailsLayout = new QVBoxLayout(details);
    auto *urlRow = new QHBoxLayout;
    auto *urlLabel = new QLabel(tr("Callback URL:"));
    m_callbackUrl = new QLineEdit;
    m_callbackUrl->setObjectName(u"callbackUrlEdit"_s);
    m_callbackUrl->setAccessibleName(tr("Callback URL"));
    m_callbackUrl->setReadOnly(true);
    urlLabel->setBuddy(m_callbackUrl);
    m_copyCallback = new QPushButton(tr("&Copy"));
    m_copyCallback->setObjectName(u"copyCallbackUrlButton"_s);
    m_copyCallback->setAccessibleName(tr("Copy callback URL"));
    m_copyCallback->setEnabled(false);
    connect(m_copyCallback, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_callbackUrl->text());
        emit statusMessage(tr("Callback URL copied to the clipboard."));
    });
    urlRow->addWidget(urlLabel);
    urlRow->addWidget(m_callbackUrl, 1);
    urlRow->addWidget(m_copyCallback);
    detailsLayout->addLayout(urlRow);

    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(u"flowDetailsSplitter"_s);
    m_properties = new QTreeWidget;
    m_properties->setObjectName(u"flowPropertiesTree"_s);
    m_properties->setAccessibleName(tr("Flow properties"));
    m_properties->setColumnCount(2);
    m_properties->setHeaderLabels({tr("Property"), tr("Value")});
    m_properties->setAlternatingRowColors(true);
    m_properties->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    split->addWidget(m_properties);

    auto *refsBox = new QWidget;
    auto *refsLayout = new QVBoxLayout(refsBox);
    refsLayout->setContentsMargins(0, 0, 0, 0);
    refsLayout->addWidget(new QLabel(tr("Connection references")));
    m_references = new QTableWidget(0, 4);
    m_references->setObjectName(u"connectionReferencesView"_s);
    m_references->setAccessibleName(tr("Connection references"));
    m_references->setHorizontalHeaderLabels(
        {tr("Reference"), tr("Connection"), tr("Connector"), tr("Source")});
    m_references->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_references->verticalHeader()->hide();
    m_references->setWordWrap(false);
    m_references->horizontalHeader()->setStretchLastSection(true);
    m_references->horizontalHeader()->setDefaultSectionSize(180);
    refsLayout->addWidget(m_references);
    split->addWidget(refsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    detailsLayout->addWidget(split, 1);
    m_tabs->addTab(details, tr("Details"));

    m_definition = new CodeEditor;
    m_definition->setObjectName(u"flowDefinitionView"_s);
    m_definition->setAccessibleName(tr("Flow definition"));
    m_definition->setReadOnly(true);
    m_tabs->addTab(m_definition, tr("Definition"));

    m_runs = new RunsTab(client);
    m_tabs->addTab(m_runs, tr("Runs"));
    connect(m_runs, &RunsTab::statusMessage, this, &FlowPage::statusMessage);
    connect(m_runs, &RunsTab::operationStarted, this, &FlowPage::operationStarted);

    m_insight = new InsightTab(m_runs);
    m_tabs->addTab(m_insight, tr("Insight"));
    // A failure code activated in Insight: its failed runs, in the grid.
    connect(m_insight, &InsightTab::failureCodeActivated, this, [this](const QString &code) {
        m_runs->showFailureCode(code);
        m_tabs->setCurrentWidget(m_runs);
    });
}

void FlowPage::openOwners(const Flow &flow)
{
    if (flow.name.isEmpty())
        return;
    auto *dialog = new OwnersDialog(m_client, flow.environment, flow.name, flow.displayName, this);
    dialog->open();
}

int FlowPage::currentTab() const
{
    return m_tabs->currentIndex();
}

void FlowPage::setCurrentTab(int index)
{
    if (index >= 0 && index < m_tabs->count())
        m_tabs->setCurrentIndex(index);
}

void FlowPage::setFlow(const Flow &flow)
{
    const bool other = flow.name != m_flow.name || flow.environment != m_flow.environment;
    m_flow = flow;
    m_title->setText(flow.displayName.isEmpty() ? flow.name : flow.displayName);
    QString subtitle = NavigationModel::stateText(flow.state);
    if (!flow.triggerType.isEmpty())
        subtitle = tr("%1 · trigger %2").arg(subtitle, flow.triggerType);
    if (!flow.suspensionReason.isEmpty() && flow.suspensionReason != "None"_L1)
        subtitle = tr("%1 · suspended: %2").arg(subtitle, flow.suspensionReason);
    m_subtitle->setText(subtitle);
    fillProperties();
    fillConnectionReferences();
    const QString definition =
        flow.definition.isEmpty()
            ? tr("Loading the definition…")
            : QString::fromUtf8(QJsonDocument(flow.definition).toJson(QJsonDocument::Indented));
    if (m_definition->toPlainText() != definition)
        m_definition->setPlainText(definition);
    m_share->setEnabled(!flow.name.isEmpty());
    m_runs->setFlow(flow.environment, flow.name);
    if (other)
        loadCallbackUrl();
}

void FlowPage::setEnvironmentNames(std::function<QString(const QString &)> nameOf)
{
    m_environmentName = std::move(nameOf);
}

static void addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value)
{
    auto *item = new QTreeWidgetItem(parent, {key});
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(item, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            addJson(item, QString(u'[' + QString::number(i) + u']'), a.at(i));
    } else {
        item->setText(1, value.isString() ? value.toString() : value.toVariant().toString());
        item->setToolTip(1, item->text(1));
    }
}

void FlowPage::fillProperties()
{
    m_properties->clear();
    m_creatorItem = nullptr;
    auto add = [this](const QString &key, const QString &value) {
        auto *item = new QTreeWidgetItem(m_properties, {key, value});
        item->setToolTip(1, value);
    };
    add(tr("Display name"), m_flow.displayName);
    add(tr("Name"), m_flow.name);
    const QString environmentName = m_environmentName ? m_environmentName(m_flow.environment) : QString();
    add(tr("Environment"), environmentName.isEmpty() ? m_flow.environment : environmentName);
    m_properties->topLevelItem(m_properties->topLevelItemCount() - 1)->setToolTip(1, m_flow.environment);
    add(tr("State"), NavigationModel::stateText(m_flow.state));
    add(tr("Trigger type"), m_flow.triggerType);
    add(tr("Created"), formatTime(m_flow.createdMs));
    add(tr("Last modified"), formatTime(m_flow.modifiedMs));
    // The creator by name once the directory answered (the id stays in the tooltip).
    const QString creatorName = m_names->nameOf(m_flow.creatorObjectId);
    add(tr("Creator"), creatorName.isEmpty() ? m_flow.creatorObjectId : creatorName);
    m_creatorItem = m_properties->topLevelItem(m_properties->topLevelItemCount() - 1);
    m_creatorItem->setToolTip(1, m_flow.creatorObjectId);
    // Every property exactly as the service sent it, the definition aside (it has its own tab).
    auto *all = new QTreeWidgetItem(m_properties, {tr("All properties")});
    const QJsonObject props = m_flow.raw.value("properties"_L1).toObject();
    for (auto it = props.begin(); it != props.end(); ++it) {
        if (it.key() != "definition"_L1)
            addJson(all, it.key(), it.value());
    }
    for (const QString &key : {u"id"_s, u"type"_s}) {
        if (m_flow.raw.contains(key))
            addJson(all, key, m_flow.raw.value(key));
    }
    all->setExpanded(true);
}

void FlowPage::fillConnectionReferences()
{
    m_references->setRowCount(0);
    for (const ConnectionReference &ref : m_flow.connectionReferences) {
        const int row = m_references->rowCount();
        m_references->insertRow(row);
        m_references->setItem(row, 0, new QTableWidgetItem(ref.key));
        m_references->setItem(row, 1, new QTableWidgetItem(ref.connectionName));
        m_references->setItem(
            row, 2,
            new QTableWidgetItem(ref.displayName.isEmpty() ? apiShortName(ref.apiId) : ref.displayName));
        m_references->setItem(row, 3, new QTableWidgetItem(ref.source));
    }
}

void FlowPage::loadCallbackUrl()
{
    if (m_callbackCall)
        m_client->cancel(m_callbackCall);
    m_callbackCall = 0;
    m_copyCallback->setEnabled(false);
    // Only request (manual/HTTP) triggers have a callback URL; asking for others only yields an error.
    if (!m_flow.triggerType.startsWith("Request"_L1)) {
        m_callbackUrl->setText(QString());
        m_callbackUrl->setPlaceholderText(tr("This flow's trigger has no callback URL."));
        return;
    }
    if (!m_flow.flowTriggerUri.isEmpty()) {
        m_callbackUrl->setText(m_flow.flowTriggerUri);
        m_callbackUrl->setCursorPosition(0);
        m_copyCallback->setEnabled(true);
        return;
    }
    m_callbackUrl->setText(QString());
    m_callbackUrl->setPlaceholderText(tr("Looking up the callback URL…"));
    const QString flowName = m_flow.name;
    m_callbackCall =
        m_client->listCallbackUrl(m_flow.environment, flowName, this, [this, flowName](Result<QString> url) {
            m_callbackCall = 0;
            if (flowName != m_flow.name)
                return;
            if (!url) {
                m_callbackUrl->setPlaceholderText(tr("No callback URL: %1").arg(url.error().message));
                return;
            }
            m_callbackUrl->setText(url.value());
            m_callbackUrl->setCursorPosition(0);
            m_copyCallback->setEnabled(true);
        });
}

} // namespace fc
