#include "RecycleBinPage.h"

#include "Messages.h"
#include "RecycleBinModel.h"

#include "ops/BulkEngine.h"
#include "ops/OperationManager.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

RecycleBinPage::RecycleBinPage(ApiClient *client, OperationManager *operations, QWidget *parent)
    : QWidget(parent)
    , m_operations(operations)
    , m_model(new RecycleBinModel(client, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"recycleBinPage"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RecycleBinModel::SortRole);

    m_title = new QLabel;
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_summary = new QLabel;
    m_summary->setObjectName(u"recycleBinSummary"_s);
    m_summary->setWordWrap(true);
    m_error = new QLabel;
    m_error->setObjectName(u"recycleBinError"_s);
    m_error->setWordWrap(true);
    m_error->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_error->hide();

    m_table = new QTableView;
    m_table->setObjectName(u"recycleBinTable"_s);
    m_table->setAccessibleName(tr("Deleted flows"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RecycleBinModel::DeletedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(RecycleBinModel::NameColumn, 280);
    m_table->setColumnWidth(RecycleBinModel::DeletedColumn, 170);
    m_table->setColumnWidth(RecycleBinModel::DaysLeftColumn, 120);
    m_table->setColumnWidth(RecycleBinModel::CreatorColumn, 180);

    m_restore = new QPushButton(tr("&Restore"));
    m_restore->setObjectName(u"restoreFlows"_s);
    m_restore->setToolTip(tr("Bring the selected flows back (turned off) (Ctrl+R)"));
    m_refresh = new QPushButton(tr("Re&fresh"));
    m_refresh->setObjectName(u"recycleBinRefresh"_s);
    m_refresh->setToolTip(tr("Read the recycle bin again (F5)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_restore);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    auto *restore = new QAction(this);
    restore->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    restore->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(restore, &QAction::triggered, this, &RecycleBinPage::restoreSelected);
    addAction(restore);
    auto *refresh = new QAction(this);
    refresh->setShortcut(QKeySequence(Qt::Key_F5));
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QAction::triggered, this, [this] { setEnvironment(m_env, true); });
    addAction(refresh);

    connect(m_restore, &QPushButton::clicked, this, &RecycleBinPage::restoreSelected);
    connect(m_refresh, &QPushButton::clicked, this, [this] { setEnvironment(m_env, true); });
    connect(m_model, &RecycleBinModel::loaded, this, &RecycleBinPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RecycleBinPage::updateState);
    connect(m_model, &RecycleBinModel::loadFailed, this, [this](const ApiError &error) {
        m_error->setText(
            describeFailure(tr("Could not read the recycle bin of %1").arg(m_env.displayName), error));
        m_error->show();
        updateState();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RecycleBinPage::updateState);
    updateState();
}

RecycleBinPage::~RecycleBinPage()
{
    // ~QWidget deletes the children after this object has stopped being a RecycleBinPage: nothing they
    // announce on the way out (a model stopping its calls, a view losing its selection) may reach it.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

void RecycleBinPage::setEnvironment(const Environment &environment, bool reload)
{
    const bool other = environment.name != m_model->environment();
    m_env = environment;
    m_title->setText(tr("Recycle bin of %1 (administrator)").arg(environment.displayName));
    if (other || reload) {
        m_error->hide();
        m_model->load(environment.name);
    }
    updateState();
}

void RecycleBinPage::updateState()
{
    const int selected = static_cast<int>(m_table->selectionModel()->selectedRows().size());
    m_restore->setEnabled(selected > 0);
    if (m_model->isLoading())
        m_summary->setText(tr("Reading the recycle bin…"));
    else if (m_model->rowCount() == 0)
        m_summary->setText(
            tr("No flow was deleted in the last %n day(s).", nullptr, RecycleBinModel::kKeepDays));
    else
        m_summary->setText(tr("%n deleted flow(s); each can be restored for 21 days after its deletion.",
                              nullptr, m_model->rowCount()));
}

BulkEngine *RecycleBinPage::restoreSelected()
{
    QList<BulkItem> items;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const Flow &flow = m_model->flowAt(m_proxy->mapToSource(index).row());
        BulkItem item;
        item.action = BulkAction::RestoreFlow;
        item.env = m_env.name;
        item.flow = flow.name;
        item.label = flow.displayName;
        item.scope = Scope::Admin;
        items.append(item);
    }
    if (items.isEmpty())
        return nullptr;
    const QString title = tr("Restoring %n flow(s)", nullptr, static_cast<int>(items.size()));
    BulkEngine *engine = m_operations->start(title, std::move(items));
    if (!engine) {
        emit statusMessage(tr("The operation could not be started: its journal could not be written."));
        return nullptr;
    }
    emit statusMessage(tr("%1: started; progress in the Activity panel.").arg(title));
    connect(engine, &BulkEngine::itemChanged, this, [this, engine](int index) {
        const BulkItem &item = engine->items().at(index);
        if (item.state == ItemState::Succeeded || item.state == ItemState::Skipped)
            m_model->removeFlows({item.flow});
    });
    connect(engine, &BulkEngine::finished, this, [this, env = m_env.name] { emit flowsRestored(env); });
    return engine;
}

} // namespace fc
