#include "AdminFlowsPage.h"

#include "AdminFlowsFilter.h"
#include "AdminFlowsModel.h"
#include "Messages.h"
#include "OwnersDialog.h"
#include "PeoplePicker.h"

#include "api/ApiClient.h"
#include "ops/BulkEngine.h"
#include "ops/OperationManager.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

// Chooses the co-owner with the people picker; OK hands the principal over.
class CoOwnerDialog : public QDialog
{
public:
    CoOwnerDialog(ApiClient *client, int flowCount, QWidget *parent) : QDialog(parent)
    {
        setObjectName(u"coOwnerDialog"_s);
        setWindowTitle(tr("Add co-owner"));
        auto *layout = new QVBoxLayout(this);
        auto *intro = new QLabel(tr("Find the person or group who will co-own %n flow(s). They are "
                                    "added with the role Can edit; existing owners stay.",
                                    nullptr, flowCount));
        intro->setWordWrap(true);
        layout->addWidget(intro);
        m_picker = new PeoplePicker(client);
        layout->addWidget(m_picker);
        m_chosen = new QLabel(tr("Nobody chosen yet."));
        m_chosen->setObjectName(u"coOwnerChosen"_s);
        m_chosen->setWordWrap(true);
        layout->addWidget(m_chosen);
        m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
        m_ok = m_buttons->addButton(tr("Add co-owner"), QDialogButtonBox::AcceptRole);
        m_ok->setEnabled(false);
        layout->addWidget(m_buttons);
        connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_picker, &PeoplePicker::principalChosen, this, [this](const Principal &p) {
            m_principal = p;
            const QString contact = p.email.isEmpty() ? p.userPrincipalName : p.email;
            m_chosen->setText(contact.isEmpty() ? tr("Chosen: %1").arg(p.displayName)
                                                : tr("Chosen: %1 (%2)").arg(p.displayName, contact));
            m_ok->setEnabled(true);
            m_ok->setFocus();
        });
        resize(480, 420);
    }
    Principal principal() const { return m_principal; }

private:
    PeoplePicker *m_picker;
    QLabel *m_chosen;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    Principal m_principal;
};

QPushButton *button(const QString &text, const QString &objectName, const QString &tip)
{
    auto *b = new QPushButton(text);
    b->setObjectName(objectName);
    b->setToolTip(tip);
    return b;
}

} // namespace

AdminFlowsPage::AdminFlowsPage(ApiClient *client, OperationManager *operations, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_operations(operations)
    , m_model(new AdminFlowsModel(client, this))
    , m_proxy(new AdminFlowsFilter(this))
{
    setObjectName(u"adminFlowsPage"_s);
    m_proxy->setSourceModel(m_model);

    m_title = new QLabel;
    m_title->setObjectName(u"adminFlowsTitle"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"adminFlowsFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by flow or owner"));
    m_filter->setAccessibleName(tr("Filter flows"));
    m_filter->setClearButtonEnabled(true);
    auto *clearFilter = new QAction(m_filter);
    clearFilter->setShortcut(Qt::Key_Escape);
    clearFilter->setShortcutContext(Qt::WidgetShortcut);
    connect(clearFilter, &QAction::triggered, m_filter, &QLineEdit::clear);
    m_filter->addAction(clearFilter);
    m_orphanedOnly = new QCheckBox(tr("&Orphaned only"));
    m_orphanedOnly->setObjectName(u"orphanedOnly"_s);
    m_orphanedOnly->setToolTip(
        tr("Only flows with no valid owner: every user owner disabled or deleted, no group."));
    m_counts = new QLabel;
    m_counts->setObjectName(u"adminFlowsCounts"_s);
    m_refresh = button(tr("&Refresh"), u"adminRefresh"_s, tr("List every flow again (F5)"));
    m_export = button(tr("E&xport CSV…"), u"adminExport"_s, tr("Save the flows shown as a CSV file"));

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_orphanedOnly);
    filterRow->addWidget(m_counts);
    filterRow->addWidget(m_refresh);
    filterRow->addWidget(m_export);

    m_progress = new QProgressBar;
    m_progress->setObjectName(u"adminProgress"_s);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_progressText = new QLabel;
    m_progressText->setObjectName(u"adminProgressText"_s);
    m_stop = button(tr("&Stop"), u"adminStop"_s, tr("Stop listing and checking owners; what was read stays"));
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressText, 1);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_stop);

    m_error = new QLabel;
    m_error->setObjectName(u"adminFlowsError"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // never widens the window
    m_error->hide();

    m_table = new QTableView;
    m_table->setObjectName(u"adminFlowTable"_s);
    m_table->setAccessibleName(tr("Every flow of the environment"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AdminFlowsModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(AdminFlowsModel::NameColumn, 260);
    m_table->setColumnWidth(AdminFlowsModel::OwnersColumn, 260);
    m_table->setColumnWidth(AdminFlowsModel::OwnerCheckColumn, 140);
    m_table->setColumnWidth(AdminFlowsModel::CreatorColumn, 180);
    m_table->setWordWrap(false);

    m_addCoOwner = button(tr("&Add co-owner…"), u"addCoOwner"_s,
                          tr("Add a person or group as co-owner of the selected flows (Ctrl+Shift+A)"));
    m_owners = button(tr("O&wners…"), u"adminOwners"_s, tr("See and change the owners of the selected flow"));
    m_turnOn = button(tr("Turn o&n"), u"adminTurnOn"_s, tr("Turn the selected flows on"));
    m_turnOff = button(tr("Turn o&ff"), u"adminTurnOff"_s, tr("Turn the selected flows off"));
    m_delete = button(tr("&Delete…"), u"adminDelete"_s,
                      tr("Delete the selected flows (they stay in the recycle bin for 21 days)"));
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_addCoOwner);
    actionRow->addWidget(m_owners);
    actionRow->addStretch(1);
    actionRow->addWidget(m_turnOn);
    actionRow->addWidget(m_turnOff);
    actionRow->addWidget(m_delete);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(filterRow);
    layout->addLayout(progressRow);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addLayout(actionRow);

    // Shortcuts of this page only, so that they never collide with the main window's.
    const auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence(Qt::Key_F5), [this] { setEnvironment(m_env, true); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), [this] { chooseCoOwner(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_F), [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &AdminFlowsFilter::setText);
    connect(m_filter, &QLineEdit::textChanged, this, &AdminFlowsPage::updateProgress);
    connect(m_orphanedOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setOrphanedOnly(on);
        updateProgress();
    });
    connect(m_model, &AdminFlowsModel::progressChanged, this, &AdminFlowsPage::updateProgress);
    connect(m_model, &AdminFlowsModel::finished, this, &AdminFlowsPage::updateProgress);
    connect(m_model, &AdminFlowsModel::loadFailed, this, [this](const ApiError &error) {
        showError(describeFailure(tr("Could not list every flow of %1").arg(m_env.displayName), error));
    });
    connect(m_stop, &QPushButton::clicked, m_model, &AdminFlowsModel::stop);
    connect(m_refresh, &QPushButton::clicked, this, [this] { setEnvironment(m_env, true); });
    connect(m_export, &QPushButton::clicked, this, &AdminFlowsPage::exportCsv);
    connect(m_addCoOwner, &QPushButton::clicked, this, &AdminFlowsPage::chooseCoOwner);
    connect(m_owners, &QPushButton::clicked, this, &AdminFlowsPage::openOwners);
    connect(m_turnOn, &QPushButton::clicked, this,
            [this] { runBulk(BulkAction::TurnOnFlow, tr("Turning on flows")); });
    connect(m_turnOff, &QPushButton::clicked, this,
            [this] { runBulk(BulkAction::TurnOffFlow, tr("Turning off flows")); });
    connect(m_delete, &QPushButton::clicked, this, &AdminFlowsPage::confirmDelete);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AdminFlowsPage::updateButtons);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const int row = m_proxy->mapToSource(index).row();
        if (row >= 0)
            emit openFlowRequested(m_model->rowAt(row).flow);
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(tr("Open"), this,
                        [this] {
                            const QList<Flow> flows = selectedFlows();
                            if (flows.size() == 1)
                                emit openFlowRequested(flows.first());
                        })
            ->setEnabled(selectedFlows().size() == 1);
        menu->addAction(m_addCoOwner->text(), this, &AdminFlowsPage::chooseCoOwner)
            ->setEnabled(m_addCoOwner->isEnabled());
        menu->addAction(m_owners->text(), this, &AdminFlowsPage::openOwners)
            ->setEnabled(m_owners->isEnabled());
        menu->addSeparator();
        menu->addAction(m_turnOn->text(), m_turnOn, &QPushButton::click)->setEnabled(m_turnOn->isEnabled());
        menu->addAction(m_turnOff->text(), m_turnOff, &QPushButton::click)
            ->setEnabled(m_turnOff->isEnabled());
        menu->addAction(m_delete->text(), m_delete, &QPushButton::click)->setEnabled(m_delete->isEnabled());
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    updateProgress();
    updateButtons();
}

AdminFlowsPage::~AdminFlowsPage()
{
    // ~QWidget deletes the children after this object has stopped being a AdminFlowsPage: nothing they
    // announce on the way out (a model stopping its calls, a view losing its selection) may reach it.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

void AdminFlowsPage::setEnvironment(const Environment &environment, bool reload)
{
    const bool other = environment.name != m_model->environment();
    m_env = environment;
    m_title->setText(tr("All flows in %1 (administrator)").arg(environment.displayName));
    if (other || reload) {
        m_error->hide();
        m_model->load(environment.name);
    }
    updateProgress();
}

void AdminFlowsPage::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setToolTip(text);
    m_error->show();
}

void AdminFlowsPage::updateProgress()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    const int orphaned = m_model->orphanedCount();
    const int shown = m_proxy->rowCount();
    QString counts = tr("%n flow(s)", nullptr, total);
    if (orphaned > 0)
        counts += u" · "_s + tr("%n with no valid owner", nullptr, orphaned);
    if (shown != total)
        counts += u" · "_s + tr("%1 shown").arg(locale.toString(shown));
    m_counts->setText(counts);

    const bool busy = m_model->isBusy();
    m_progress->setVisible(busy);
    m_stop->setVisible(busy);
    if (m_model->isListing()) {
        m_progress->setRange(0, 0);
        m_progressText->setText(tr("Listing every flow: %1 so far…").arg(locale.toString(total)));
    } else if (busy) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(m_model->ownersChecked());
        m_progressText->setText(tr("Checking owners: %1 of %2…")
                                    .arg(locale.toString(m_model->ownersChecked()), locale.toString(total)));
    } else if (m_model->wasStopped()) {
        m_progressText->setText(
            tr("Stopped: %1 flows listed, owners of %2 checked. Refresh (F5) reads them all.")
                .arg(locale.toString(total), locale.toString(m_model->ownersChecked())));
    } else if (!m_model->environment().isEmpty() && total > 0) {
        m_progressText->setText(tr("Every flow listed and its owners checked."));
    } else {
        m_progressText->clear();
    }
    updateButtons();
}

void AdminFlowsPage::updateButtons()
{
    const int selected = m_table->selectionModel() ? m_table->selectionModel()->selectedRows().size() : 0;
    m_addCoOwner->setEnabled(selected > 0);
    m_owners->setEnabled(selected == 1);
    m_turnOn->setEnabled(selected > 0);
    m_turnOff->setEnabled(selected > 0);
    m_delete->setEnabled(selected > 0);
    m_export->setEnabled(m_proxy->rowCount() > 0);
}

QList<Flow> AdminFlowsPage::selectedFlows() const
{
    QList<Flow> flows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        flows.append(m_model->rowAt(m_proxy->mapToSource(index).row()).flow);
    return flows;
}

void AdminFlowsPage::selectAllVisible()
{
    m_table->selectAll();
}

void AdminFlowsPage::chooseCoOwner()
{
    const int count = static_cast<int>(selectedFlows().size());
    if (count == 0)
        return;
    auto *dialog = new CoOwnerDialog(m_client, count, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { addCoOwner(dialog->principal()); });
    dialog->open();
}

BulkEngine *AdminFlowsPage::addCoOwner(const Principal &principal)
{
    const QList<Flow> flows = selectedFlows();
    if (flows.isEmpty() || principal.id.isEmpty())
        return nullptr;
    QList<BulkItem> items;
    for (const Flow &flow : flows) {
        BulkItem item;
        item.action = BulkAction::AddOwner;
        item.env = flow.environment;
        item.flow = flow.name;
        item.label = flow.displayName;
        item.principalId = principal.id;
        item.principalType =
            principal.type == PrincipalType::Group ? PrincipalType::Group : PrincipalType::User;
        item.scope = Scope::Admin;
        items.append(item);
    }
    const QString title = tr("Adding %1 as co-owner of %n flow(s)", nullptr, static_cast<int>(items.size()))
                              .arg(principal.displayName.isEmpty() ? principal.id : principal.displayName);
    BulkEngine *engine = m_operations->start(title, std::move(items));
    track(engine, BulkAction::AddOwner);
    return engine;
}

void AdminFlowsPage::runBulk(BulkAction action, const QString &title)
{
    const QList<Flow> flows = selectedFlows();
    if (flows.isEmpty())
        return;
    QList<BulkItem> items;
    for (const Flow &flow : flows) {
        BulkItem item;
        item.action = action;
        item.env = flow.environment;
        item.flow = flow.name;
        item.label = flow.displayName;
        item.scope = Scope::Admin;
        items.append(item);
    }
    track(m_operations->start(QString(title + u" (" + QLocale().toString(items.size()) + u')'),
                              std::move(items)),
          action);
}

void AdminFlowsPage::track(BulkEngine *engine, BulkAction action)
{
    if (!engine) {
        emit statusMessage(tr("The operation could not be started: its journal could not be written."));
        return;
    }
    emit statusMessage(tr("%1: started; progress in the Activity panel.").arg(engine->title()));
    // Rows follow each flow's own success, not the end of the operation.
    connect(engine, &BulkEngine::itemChanged, this, [this, engine, action](int index) {
        const BulkItem &item = engine->items().at(index);
        if (item.state != ItemState::Succeeded || item.env != m_model->environment())
            return;
        switch (action) {
        case BulkAction::TurnOnFlow:
            m_model->setFlowState(item.flow, FlowState::Started);
            break;
        case BulkAction::TurnOffFlow:
            m_model->setFlowState(item.flow, FlowState::Stopped);
            break;
        case BulkAction::DeleteFlow:
            m_model->removeFlows({item.flow});
            break;
        case BulkAction::AddOwner:
            m_model->refreshOwners({item.flow});
            break;
        default:
            break;
        }
    });
    connect(engine, &BulkEngine::finished, this,
            [this, engine] { emit flowsChanged(engine->items().value(0).env); });
}

void AdminFlowsPage::confirmDelete()
{
    const QList<Flow> flows = selectedFlows();
    if (flows.isEmpty())
        return;
    const QString text =
        flows.size() == 1
            ? tr("Delete '%1'? It stays in the recycle bin for 21 days and can be restored until then.")
                  .arg(flows.first().displayName)
            : tr("Delete %n flows? They stay in the recycle bin for 21 days and can be restored until then.",
                 nullptr, static_cast<int>(flows.size()));
    askToConfirm(
        this, u"adminDeleteQuestion"_s, tr("Delete flows"), text, tr("Delete"),
        [this] { runBulk(BulkAction::DeleteFlow, tr("Deleting flows")); }, tr("Keep them"));
}

void AdminFlowsPage::openOwners()
{
    const QList<Flow> flows = selectedFlows();
    if (flows.size() != 1)
        return;
    const Flow flow = flows.first();
    auto *dialog =
        new OwnersDialog(m_client->adminScope(), flow.environment, flow.name, flow.displayName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OwnersDialog::applied, this,
            [this, name = flow.name] { m_model->refreshOwners({name}); });
    dialog->open();
}

void AdminFlowsPage::exportCsv()
{
    auto *dialog = new QFileDialog(this, tr("Export flows"));
    dialog->setObjectName(u"exportAdminFlowsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(u"csv"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QList<int> rows;
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            rows << m_proxy->mapToSource(m_proxy->index(r, 0)).row();
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && m_model->writeCsv(file, rows) && file.commit())
            emit statusMessage(
                tr("%n flow(s) exported to %1.", nullptr, static_cast<int>(rows.size())).arg(path));
        else
            fc::showError(this, tr("Export flows"), tr("The flows could not be written to %1.").arg(path),
                          file.errorString());
    });
    dialog->open();
}

} // namespace fc
