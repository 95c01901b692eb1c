#include "FlowEditorDialog.h"

#include "CodeEditor.h"
#include "ConflictDialog.h"
#include "DefinitionValidator.h"
#include "Messages.h"
#include "api/ApiClient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

enum RefColumn { RefKey, RefConnection, RefApi, RefColumns };

FlowEditorDialog::FlowEditorDialog(ApiClient *client, const QString &environment, const QString &flowName,
                                   QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_environment(environment)
    , m_flowName(flowName)
{
    setObjectName(u"flowEditorDialog"_s);
    setWindowTitle(isCreating() ? tr("New flow") : tr("Edit flow"));
    setAccessibleName(windowTitle());
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(u"displayNameEdit"_s);
    m_name->setAccessibleName(tr("Display name"));
    m_state = new QComboBox;
    m_state->setObjectName(u"stateCombo"_s);
    m_state->setAccessibleName(tr("State"));
    m_state->addItem(tr("On (started)"), static_cast<int>(FlowState::Started));
    m_state->addItem(tr("Off (stopped)"), static_cast<int>(FlowState::Stopped));
    form->addRow(tr("&Display name:"), m_name);
    form->addRow(tr("&State:"), m_state);
    layout->addLayout(form);

    auto *tabs = new QTabWidget;
    tabs->setObjectName(u"editorTabs"_s);
    tabs->setAccessibleName(tr("Editor tabs"));
    auto *defTab = new QWidget;
    auto *defLayout = new QVBoxLayout(defTab);
    m_definition = new CodeEditor;
    m_definition->setObjectName(u"definitionEditor"_s);
    m_definition->setAccessibleName(tr("Definition (JSON)"));
    defLayout->addWidget(m_definition, 1);
    m_validation = new QLabel;
    m_validation->setObjectName(u"validationLabel"_s);
    m_validation->setAccessibleName(tr("Validation result"));
    m_validation->setWordWrap(true);
    defLayout->addWidget(m_validation);
    m_issues = new QListWidget;
    m_issues->setObjectName(u"validationList"_s);
    m_issues->setAccessibleName(tr("Problems in the definition"));
    m_issues->setMaximumHeight(90);
    defLayout->addWidget(m_issues);
    tabs->addTab(defTab, tr("De&finition"));

    auto *refTab = new QWidget;
    auto *refLayout = new QVBoxLayout(refTab);
    m_references = new QTableWidget(0, RefColumns);
    m_references->setObjectName(u"connectionReferencesTable"_s);
    m_references->setAccessibleName(tr("Connection references"));
    m_references->setHorizontalHeaderLabels({tr("Reference"), tr("Connection name"), tr("Connector id")});
    m_references->horizontalHeader()->setStretchLastSection(true);
    m_references->horizontalHeader()->setDefaultSectionSize(200);
    m_references->verticalHeader()->hide();
    refLayout->addWidget(m_references, 1);
    auto *refButtons = new QHBoxLayout;
    auto *addRef = new QPushButton(tr("&Add reference"));
    addRef->setObjectName(u"addReferenceButton"_s);
    auto *removeRef = new QPushButton(tr("&Remove reference"));
    removeRef->setObjectName(u"removeReferenceButton"_s);
    refButtons->addWidget(addRef);
    refButtons->addWidget(removeRef);
    refButtons->addStretch();
    refLayout->addLayout(refButtons);
    tabs->addTab(refTab, tr("&Connection references"));
    layout->addWidget(tabs, 1);
    connect(addRef, &QPushButton::clicked, this, [this] {
        const int row = m_references->rowCount();
        m_references->insertRow(row);
        for (int c = 0; c < RefColumns; ++c)
            m_references->setItem(row, c, new QTableWidgetItem);
        m_references->editItem(m_references->item(row, RefKey));
    });
    connect(removeRef, &QPushButton::clicked, this, [this] {
        const int row = m_references->currentRow();
        if (row >= 0)
            m_references->removeRow(row);
    });

    auto *bottom = new QHBoxLayout;
    m_status = new QLabel;
    m_status->setObjectName(u"editorStatus"_s);
    m_status->setAccessibleName(tr("Editor status"));
    bottom->addWidget(m_status, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(u"saveButton"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FlowEditorDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Ctrl+S saves, as in every editor; only while this dialog (or a child) has the focus.
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_save->isEnabled())
            save();
    });
    m_save->setToolTip(
        tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));

    // Validate shortly after typing stops, not on every key, so big definitions stay fluid.
    m_validateTimer = new QTimer(this);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(150);
    connect(m_validateTimer, &QTimer::timeout, this, &FlowEditorDialog::validate);
    connect(m_definition, &QPlainTextEdit::textChanged, m_validateTimer, qOverload<>(&QTimer::start));
    connect(m_issues, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_definition->goToLine(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });

    resize(900, 700);
    if (isCreating()) {
        m_loaded = true;
        fill(newFlowTemplate());
        m_original = FlowDraft{};
    } else {
        m_clean = snapshot(); // nothing typed yet while it loads
        load();
    }
}

FlowDraft FlowEditorDialog::newFlowTemplate()
{
    FlowDraft d;
    d.displayName = tr("New flow");
    d.state = FlowState::Stopped;
    d.definition =
        QJsonDocument::fromJson(
            R"({"$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
 "contentVersion": "1.0.0.0",
 "parameters": {"$authentication": {"defaultValue": {}, "type": "SecureObject"},
                "$connections": {"defaultValue": {}, "type": "Object"}},
 "triggers": {"manual": {"type": "Request", "kind": "Button", "inputs": {}}},
 "actions": {"Compose": {"type": "Compose", "runAfter": {}, "inputs": "hello"}}})")
            .object();
    return d;
}

void FlowEditorDialog::setDraft(const FlowDraft &draft)
{
    fill(draft);
}

void FlowEditorDialog::load()
{
    setBusy(true, tr("Loading the flow…"));
    m_client->getFlow(m_environment, m_flowName, this, [this](Result<Flow> flow) {
        if (!flow) {
            setBusy(false);
            m_save->setEnabled(false);
            m_status->setText(tr("The flow could not be loaded: %1").arg(plainReason(flow.error())));
            return;
        }
        m_loaded = true;
        m_original = draftFromFlow(flow.value());
        m_baseModified = flow->lastModifiedRaw;
        fill(m_original);
        setBusy(false);
    });
}

void FlowEditorDialog::fill(const FlowDraft &draft)
{
    m_name->setText(draft.displayName);
    m_state->setCurrentIndex(draft.state == FlowState::Started ? 0 : 1);
    m_definition->setPlainText(
        QString::fromUtf8(QJsonDocument(draft.definition).toJson(QJsonDocument::Indented)));
    fillReferences(draft.connectionReferences);
    m_clean = snapshot(); // what "unchanged" means from now on
    validate();
}

QString FlowEditorDialog::snapshot() const
{
    // Everything the user can change, as typed (an invalid definition is a change too).
    QJsonObject references;
    readReferences(&references);
    return m_name->text() + u'\n' + QString::number(m_state->currentIndex()) + u'\n' +
           m_definition->toPlainText() + u'\n' +
           QString::fromUtf8(QJsonDocument(references).toJson(QJsonDocument::Compact));
}

bool FlowEditorDialog::hasUnsavedChanges() const
{
    return snapshot() != m_clean;
}

void FlowEditorDialog::reject()
{
    if (m_discardConfirmed || !hasUnsavedChanges()) {
        QDialog::reject();
        return;
    }
    // Esc, Cancel and the window's close button all come here: edits are never thrown away
    // without asking.
    if (m_discardQuestion) {
        m_discardQuestion->raise();
        return;
    }
    const QString name = m_name->text().trimmed();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                name.isEmpty() ? tr("Save the changes to this flow?")
                                               : tr("Save the changes to '%1'?").arg(name),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(u"unsavedChangesQuestion"_s);
    box->setInformativeText(tr("If you discard them, what you changed is lost."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Cancel)->setText(tr("&Keep editing"));
    box->button(QMessageBox::Discard)->setText(tr("&Discard"));
    box->setDefaultButton(QMessageBox::Save);
    box->setEscapeButton(QMessageBox::Cancel);
    box->button(QMessageBox::Save)->setEnabled(m_save->isEnabled());
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Save) {
            save();
        } else if (result == QMessageBox::Discard) {
            m_discardConfirmed = true;
            QTimer::singleShot(0, this, &FlowEditorDialog::reject);
        }
    });
    m_discardQuestion = box;
    box->open();
}

void FlowEditorDialog::fillReferences(const QJsonObject &references)
{
    m_references->setRowCount(0);
    for (auto it = references.begin(); it != references.end(); ++it) {
        const QJsonObject ref = it.value().toObject();
        const int row = m_references->rowCount();
        m_references->insertRow(row);
        auto *key = new QTableWidgetItem(it.key());
        // Keep what the table does not show (source, tier, display name ...) so a save keeps it.
        key->setData(Qt::UserRole, ref);
        m_references->setItem(row, RefKey, key);
        m_references->setItem(row, RefConnection,
                              new QTableWidgetItem(ref.value("connectionName"_L1).toString()));
        m_references->setItem(row, RefApi, new QTableWidgetItem(ref.value("id"_L1).toString()));
    }
}

void FlowEditorDialog::readReferences(QJsonObject *references) const
{
    for (int row = 0; row < m_references->rowCount(); ++row) {
        const QTableWidgetItem *key = m_references->item(row, RefKey);
        if (!key || key->text().trimmed().isEmpty())
            continue;
        QJsonObject ref = key->data(Qt::UserRole).toJsonObject();
        const QTableWidgetItem *conn = m_references->item(row, RefConnection);
        const QTableWidgetItem *api = m_references->item(row, RefApi);
        ref.insert("connectionName"_L1, conn ? conn->text().trimmed() : QString());
        ref.insert("id"_L1, api ? api->text().trimmed() : QString());
        references->insert(key->text().trimmed(), ref);
    }
}

FlowDraft FlowEditorDialog::currentDraft(bool *valid) const
{
    FlowDraft d;
    d.displayName = m_name->text().trimmed();
    d.state = static_cast<FlowState>(m_state->currentData().toInt());
    bool jsonOk = false;
    const QList<ValidationIssue> issues =
        validateDefinitionText(m_definition->toPlainText(), &d.definition, &jsonOk);
    readReferences(&d.connectionReferences);
    if (valid)
        *valid = jsonOk && issues.isEmpty() && !d.displayName.isEmpty();
    return d;
}

void FlowEditorDialog::validate()
{
    m_validateTimer->stop();
    const QList<ValidationIssue> issues = validateDefinitionText(m_definition->toPlainText());
    m_issues->clear();
    for (const ValidationIssue &issue : issues) {
        auto *item = new QListWidgetItem(
            tr("Line %1, column %2: %3").arg(issue.line).arg(issue.column).arg(issue.message));
        item->setData(Qt::UserRole, issue.line);
        item->setData(Qt::UserRole + 1, issue.column);
        m_issues->addItem(item);
    }
    m_issues->setVisible(!issues.isEmpty());
    m_definition->setErrorLine(issues.isEmpty() ? 0 : issues.first().line);
    if (issues.isEmpty()) {
        m_validation->setText(tr("The definition is valid."));
    } else {
        const ValidationIssue &first = issues.first();
        m_validation->setText(
            tr("%n problem(s). Line %1, column %2: %3", nullptr, static_cast<int>(issues.size()))
                .arg(first.line)
                .arg(first.column)
                .arg(first.message));
    }
    m_save->setEnabled(m_loaded && issues.isEmpty());
}

void FlowEditorDialog::setBusy(bool busy, const QString &message)
{
    m_status->setText(message);
    m_save->setEnabled(!busy && m_loaded);
    m_name->setReadOnly(busy);
    m_definition->setReadOnly(busy);
    m_state->setEnabled(!busy);
    m_references->setEnabled(!busy);
    if (!busy)
        validate();
}

void FlowEditorDialog::save()
{
    bool valid = false;
    const FlowDraft draft = currentDraft(&valid);
    if (!valid) {
        validate();
        m_status->setText(draft.displayName.isEmpty() ? tr("Give the flow a display name.")
                                                      : tr("Fix the problems in the definition first."));
        return;
    }
    if (isCreating()) {
        setBusy(true, tr("Creating the flow…"));
        m_client->createFlow(m_environment, creationProperties(draft), this, [this](Result<Flow> flow) {
            if (!flow)
                return onSaveFailed(flow.error());
            emit saved(flow.value());
            accept();
        });
        return;
    }
    if (changedProperties(m_original, draft).isEmpty()) {
        accept();
        return;
    }
    checkServerThenSave();
}

// Reads the flow again just before saving: if its lastModifiedTime moved, someone else saved in
// between, and the user decides what happens instead of losing their change or the other's.
void FlowEditorDialog::checkServerThenSave()
{
    setBusy(true, tr("Checking the server's version…"));
    m_client->getFlow(m_environment, m_flowName, this, [this](Result<Flow> server) {
        if (!server)
            return onSaveFailed(server.error());
        if (server->lastModifiedRaw == m_baseModified) {
            send(m_original);
            return;
        }
        setBusy(false, tr("The flow changed on the server."));
        const FlowDraft serverDraft = draftFromFlow(server.value());
        const QString serverModified = server->lastModifiedRaw;
        auto *conflict = new ConflictDialog(draftToDisplayJson(currentDraft()),
                                            draftToDisplayJson(serverDraft), serverModified, this);
        conflict->setAttribute(Qt::WA_DeleteOnClose);
        connect(conflict, &ConflictDialog::chosen, this,
                [this, serverDraft, serverModified](ConflictDialog::Choice choice) {
                    if (choice == ConflictDialog::KeepMine) {
                        // Mine goes over theirs: send what differs from the server's version.
                        m_baseModified = serverModified;
                        send(serverDraft);
                    } else if (choice == ConflictDialog::TakeServers) {
                        m_original = serverDraft;
                        m_baseModified = serverModified;
                        fill(serverDraft);
                        m_status->setText(tr("Showing the server's version."));
                    }
                });
        conflict->open();
    });
}

void FlowEditorDialog::send(const FlowDraft &base)
{
    const FlowDraft draft = currentDraft();
    const QJsonObject changes = changedProperties(base, draft);
    if (changes.isEmpty()) {
        accept();
        return;
    }
    setBusy(true, tr("Saving…"));
    m_client->updateFlow(m_environment, m_flowName, changes, this, [this](Result<Flow> flow) {
        if (!flow)
            return onSaveFailed(flow.error());
        emit saved(flow.value());
        accept();
    });
}

void FlowEditorDialog::onSaveFailed(const ApiError &error)
{
    // Everything typed stays: only the buttons come back.
    setBusy(false, tr("Not saved."));
    const QString name = m_name->text().trimmed();
    showApiError(this,
                 isCreating() ? tr("Could not create '%1'").arg(name) : tr("Could not save '%1'").arg(name),
                 error);
}

} // namespace fc
