#include "FlowActions.h"

#include "FlowDraft.h"
#include "FlowEditorDialog.h"
#include "Messages.h"
#include "NavigationModel.h"
#include "RunNowDialog.h"
#include "api/ApiClient.h"
#include "ops/BulkEngine.h"
#include "ops/OperationManager.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStyle>
#include <QToolBar>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace fc {

FlowActions::FlowActions(ApiClient *client, NavigationModel *model, QWidget *window)
    : QObject(window)
    , m_client(client)
    , m_model(model)
    , m_window(window)
{
    QStyle *style = QApplication::style();
    auto make = [this](const QString &text, const QString &name, const QIcon &icon = {}) {
        auto *action = new QAction(icon, text, this);
        action->setObjectName(name);
        m_window->addAction(action);
        return action;
    };
    m_new = make(tr("&New flow…"), u"actionNewFlow"_s, style->standardIcon(QStyle::SP_FileIcon));
    m_new->setShortcut(QKeySequence::New);
    m_edit = make(tr("&Edit…"), u"actionEditFlow"_s, style->standardIcon(QStyle::SP_FileDialogDetailedView));
    m_edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_delete = make(tr("&Delete…"), u"actionDeleteFlow"_s, style->standardIcon(QStyle::SP_TrashIcon));
    m_delete->setShortcut(QKeySequence::Delete);
    m_turnOn = make(tr("Turn &on"), u"actionTurnOn"_s, style->standardIcon(QStyle::SP_MediaPlay));
    m_turnOff = make(tr("Turn o&ff"), u"actionTurnOff"_s, style->standardIcon(QStyle::SP_MediaPause));
    m_copyUrl = make(tr("&Copy trigger URL"), u"actionCopyTriggerUrl"_s);
    m_runNow = make(tr("R&un now…"), u"actionRunNow"_s, style->standardIcon(QStyle::SP_MediaSeekForward));
    m_runNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_runNow->setToolTip(tr("Start a run of a flow with a manual or HTTP request trigger, with a JSON body"));
    m_export = make(tr("E&xport definition…"), u"actionExportDefinition"_s,
                    style->standardIcon(QStyle::SP_DialogSaveButton));
    m_import = make(tr("&Import flow from file…"), u"actionImportFlow"_s,
                    style->standardIcon(QStyle::SP_DialogOpenButton));
    m_refresh = make(tr("&Refresh"), u"actionRefresh"_s, style->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setShortcut(QKeySequence::Refresh);
    // Delete must not steal the key from text fields such as the filter box.
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    connect(m_new, &QAction::triggered, this, [this] { openEditor(nullptr); });
    connect(m_edit, &QAction::triggered, this, [this] {
        const QList<Flow> flows = m_selection ? m_selection() : QList<Flow>();
        if (flows.size() == 1)
            openEditor(&flows.first());
    });
    connect(m_delete, &QAction::triggered, this, &FlowActions::deleteSelected);
    connect(m_turnOn, &QAction::triggered, this, [this] { setStateOfSelected(true); });
    connect(m_turnOff, &QAction::triggered, this, [this] { setStateOfSelected(false); });
    connect(m_copyUrl, &QAction::triggered, this, &FlowActions::copyUrl);
    connect(m_runNow, &QAction::triggered, this, &FlowActions::runSelectedNow);
    connect(m_export, &QAction::triggered, this, &FlowActions::exportSelected);
    connect(m_import, &QAction::triggered, this, &FlowActions::importFromFile);
    connect(m_refresh, &QAction::triggered, this, &FlowActions::refreshRequested);
    updateEnabled();
}

void FlowActions::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    updateEnabled();
}

void FlowActions::updateEnabled()
{
    const QList<Flow> flows = m_selection && m_signedIn ? m_selection() : QList<Flow>();
    const bool hasEnv = m_signedIn && m_environment && !m_environment().isEmpty();
    bool anyOff = false, anyOn = false, oneRequest = false;
    for (const Flow &flow : flows) {
        anyOn = anyOn || flow.state == FlowState::Started;
        anyOff = anyOff || flow.state == FlowState::Stopped || flow.state == FlowState::Suspended;
    }
    if (flows.size() == 1)
        oneRequest = flows.first().triggerType.startsWith("Request"_L1);
    const bool idle = !m_batchRunning;
    m_new->setEnabled(hasEnv);
    m_import->setEnabled(hasEnv);
    m_edit->setEnabled(flows.size() == 1);
    m_delete->setEnabled(!flows.isEmpty() && idle);
    m_turnOn->setEnabled(anyOff && idle);
    m_turnOff->setEnabled(anyOn && idle);
    m_copyUrl->setEnabled(oneRequest);
    m_runNow->setEnabled(oneRequest);
    m_export->setEnabled(flows.size() == 1);
    m_refresh->setEnabled(m_signedIn);
    emit enabledUpdated();
}

void FlowActions::addTo(QToolBar *toolBar) const
{
    toolBar->addAction(m_refresh);
    toolBar->addSeparator();
    toolBar->addAction(m_new);
    toolBar->addAction(m_edit);
    toolBar->addAction(m_delete);
    toolBar->addSeparator();
    toolBar->addAction(m_turnOn);
    toolBar->addAction(m_turnOff);
}

void FlowActions::addTo(QMenu *menu) const
{
    menu->addAction(m_new);
    menu->addAction(m_edit);
    menu->addAction(m_delete);
    menu->addSeparator();
    menu->addAction(m_turnOn);
    menu->addAction(m_turnOff);
    menu->addSeparator();
    menu->addAction(m_runNow);
    menu->addAction(m_copyUrl);
    menu->addAction(m_export);
    menu->addAction(m_import);
}

void FlowActions::fillContextMenu(QMenu *menu) const
{
    menu->addAction(m_edit);
    menu->addAction(m_turnOn);
    menu->addAction(m_turnOff);
    menu->addAction(m_runNow);
    menu->addAction(m_copyUrl);
    menu->addAction(m_export);
    menu->addSeparator();
    menu->addAction(m_delete);
    menu->addSeparator();
    menu->addAction(m_new);
    menu->addAction(m_refresh);
}

void FlowActions::openEditor(const Flow *flow)
{
    const QString env = flow ? flow->environment : (m_environment ? m_environment() : QString());
    if (env.isEmpty() || !m_client)
        return;
    auto *editor = new FlowEditorDialog(m_client, env, flow ? flow->name : QString(), m_window);
    connect(editor, &FlowEditorDialog::saved, this, [this](const Flow &saved) {
        m_model->upsertFlow(saved);
        emit statusMessage(tr("Saved \"%1\".").arg(saved.displayName));
        emit flowSaved(saved);
        updateEnabled();
    });
    editor->open();
}

static QString flowList(const QList<Flow> &flows)
{
    QStringList names;
    for (qsizetype i = 0; i < flows.size() && i < 15; ++i)
        names.append(u"• "_s + flows[i].displayName);
    if (flows.size() > 15)
        names.append(QCoreApplication::translate("FlowActions", "… and %n more", nullptr,
                                                 static_cast<int>(flows.size() - 15)));
    return names.join(u'\n');
}

void FlowActions::deleteSelected()
{
    const QList<Flow> flows = m_selection ? m_selection() : QList<Flow>();
    if (flows.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Delete flows"),
                    tr("Delete %n flow(s)? This cannot be undone.", nullptr, static_cast<int>(flows.size())),
                    QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box.setObjectName(u"confirmDeleteBox"_s);
    box.setInformativeText(flowList(flows));
    box.setDefaultButton(QMessageBox::Cancel);
    box.button(QMessageBox::Yes)->setText(tr("&Delete"));
    if (box.exec() != QMessageBox::Yes)
        return;
    // Confirmed: act on the flows the user saw named, not on whatever is selected now.
    if (m_operations && flows.size() > 1) {
        runOperation(tr("Delete %n flow(s)", nullptr, static_cast<int>(flows.size())), BulkAction::DeleteFlow,
                     flows, [this](const BulkItem &item) { m_model->removeFlow(item.env, item.flow); });
        return;
    }
    runBatch(
        tr("Deleting"), flows,
        [this](const Flow &flow, std::function<void(const ApiError *)> done) {
            m_client->deleteFlow(flow.environment, flow.name, this,
                                 [done](Result<Done> r) { done(r ? nullptr : &r.error()); });
        },
        [this](const Flow &flow) { m_model->removeFlow(flow.environment, flow.name); });
}

void FlowActions::setStateOfSelected(bool on)
{
    QList<Flow> flows;
    const QList<Flow> selected = m_selection ? m_selection() : QList<Flow>();
    for (const Flow &flow : selected) {
        if ((flow.state == FlowState::Started) != on)
            flows.append(flow);
    }
    if (flows.isEmpty())
        return;
    if (m_operations && flows.size() > 1) {
        const int n = static_cast<int>(flows.size());
        runOperation(
            on ? tr("Turn on %n flow(s)", nullptr, n) : tr("Turn off %n flow(s)", nullptr, n),
            on ? BulkAction::TurnOnFlow : BulkAction::TurnOffFlow, flows, [this, on](const BulkItem &item) {
                m_model->setFlowState(item.env, item.flow, on ? FlowState::Started : FlowState::Stopped);
            });
        return;
    }
    runBatch(
        on ? tr("Turning on") : tr("Turning off"), flows,
        [this, on](const Flow &flow, std::function<void(const ApiError *)> done) {
            auto cb = [done](Result<Done> r) { done(r ? nullptr : &r.error()); };
            if (on)
                m_client->turnOnFlow(flow.environment, flow.name, this, cb);
            else
                m_client->turnOffFlow(flow.environment, flow.name, this, cb);
        },
        [this, on](const Flow &flow) {
            m_model->setFlowState(flow.environment, flow.name, on ? FlowState::Started : FlowState::Stopped);
        });
}

void FlowActions::runBatch(const QString &label, const QList<Flow> &flows, Step step,
                           std::function<void(const Flow &)> onSuccess)
{
    struct Batch
    {
        QList<Flow> flows;
        qsizetype next = 0;
        QStringList failures;
    };
    auto batch = std::make_shared<Batch>();
    batch->flows = flows;
    m_batchRunning = true;
    updateEnabled();
    auto runNext = std::make_shared<std::function<void()>>();
    *runNext = [this, batch, label, step, onSuccess, runNext] {
        const int total = static_cast<int>(batch->flows.size());
        if (batch->next >= batch->flows.size()) {
            m_batchRunning = false;
            emit progress(label, total, 0);
            updateEnabled();
            const int failed = static_cast<int>(batch->failures.size());
            emit statusMessage(tr("%1: %2 of %3 done.").arg(label).arg(total - failed).arg(total));
            if (failed)
                showError(m_window, tr("Some flows failed"),
                          tr("%n flow(s) could not be changed.", nullptr, failed),
                          batch->failures.join(u'\n'));
            *runNext = nullptr; // break the cycle
            return;
        }
        const Flow flow = batch->flows[batch->next++];
        emit progress(label, static_cast<int>(batch->next - 1), total);
        step(flow, [batch, flow, onSuccess, runNext](const ApiError *error) {
            if (error)
                batch->failures.append(flow.displayName + u": "_s + error->toString());
            else
                onSuccess(flow);
            if (*runNext)
                (*runNext)();
        });
    };
    (*runNext)();
}

void FlowActions::runOperation(const QString &title, BulkAction action, const QList<Flow> &flows,
                               std::function<void(const BulkItem &)> onSuccess)
{
    QList<BulkItem> items;
    items.reserve(flows.size());
    for (const Flow &flow : flows) {
        BulkItem item;
        item.action = action;
        item.env = flow.environment;
        item.flow = flow.name;
        item.label = flow.displayName;
        items.append(item);
    }
    BulkEngine *engine = m_operations->start(title, std::move(items));
    if (!engine)
        return;
    // Each flow's row follows as soon as its own call succeeds, not at the end.
    connect(engine, &BulkEngine::itemChanged, this, [engine, onSuccess](int index) {
        const BulkItem &item = engine->items().at(index);
        if (item.state == ItemState::Succeeded)
            onSuccess(item);
    });
    emit statusMessage(tr("%1: started; progress in the Activity panel.").arg(title));
}

void FlowActions::copyUrl()
{
    const QList<Flow> flows = m_selection ? m_selection() : QList<Flow>();
    if (flows.size() != 1)
        return;
    const Flow flow = flows.first();
    m_client->listCallbackUrl(flow.environment, flow.name, this, [this, flow](Result<QString> url) {
        if (!url) {
            showApiError(m_window, tr("No trigger URL"), url.error());
            return;
        }
        QApplication::clipboard()->setText(url.value());
        emit statusMessage(tr("Trigger URL of \"%1\" copied to the clipboard.").arg(flow.displayName));
    });
}

void FlowActions::runSelectedNow()
{
    const QList<Flow> flows = m_selection ? m_selection() : QList<Flow>();
    if (flows.size() != 1 || !m_client)
        return;
    auto *dialog = new RunNowDialog(m_client, flows.first(), m_window);
    connect(dialog, &RunNowDialog::runStarted, this,
            [this, name = flows.first().displayName](const QString &env, const QString &flow,
                                                     const QString &run, qint64 sentMs) {
                emit statusMessage(run.isEmpty() ? tr("\"%1\" has started a run.").arg(name)
                                                 : tr("\"%1\" has started run %2.").arg(name, run));
                emit runStarted(env, flow, run, sentMs);
            });
    dialog->open();
}

void FlowActions::exportSelected()
{
    const QList<Flow> flows = m_selection ? m_selection() : QList<Flow>();
    if (flows.size() != 1)
        return;
    const Flow flow = flows.first();
    // Ask for the file first, before any network call: no dialog runs inside a callback chain.
    QString suggested = flow.displayName;
    suggested.replace(QRegularExpression(u"[^\\w\\- ]+"_s), u"_"_s);
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export definition"), suggested + u".json"_s, tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    emit statusMessage(tr("Exporting \"%1\"…").arg(flow.displayName), 0);
    m_client->getFlow(flow.environment, flow.name, this, [this, path](Result<Flow> full) {
        if (!full) {
            showApiError(m_window, tr("Export failed"), full.error());
            return;
        }
        const QJsonObject props = exportFlow(full.value());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(props).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
            showError(m_window, tr("Export failed"),
                      tr("Could not write %1: %2").arg(path, file.errorString()));
            return;
        }
        emit statusMessage(tr("Exported to %1.").arg(path));
    });
}

void FlowActions::importFromFile()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import a flow"), QString(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(m_window, tr("Import failed"), tr("Could not read %1: %2").arg(path, file.errorString()));
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    std::optional<FlowDraft> draft = doc.isObject() ? draftFromImport(doc.object()) : std::nullopt;
    if (!draft) {
        showError(m_window, tr("Import failed"),
                  tr("%1 is neither an exported flow nor a flow definition.").arg(path),
                  error.error != QJsonParseError::NoError ? error.errorString() : QString());
        return;
    }
    const QString env = m_environment ? m_environment() : QString();
    if (env.isEmpty())
        return;
    // The import opens in the editor: the user reviews the flow before it is created.
    auto *editor = new FlowEditorDialog(m_client, env, {}, m_window);
    editor->setDraft(*draft);
    connect(editor, &FlowEditorDialog::saved, this, [this](const Flow &saved) {
        m_model->upsertFlow(saved);
        emit statusMessage(tr("Imported \"%1\".").arg(saved.displayName));
        emit flowSaved(saved);
    });
    editor->open();
}

} // namespace fc
