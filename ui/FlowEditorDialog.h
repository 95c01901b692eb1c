#pragma once

#include "FlowDraft.h"
#include "api/Types.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMessageBox;
class QPushButton;
class QTableWidget;
class QTimer;

namespace fc {

class ApiClient;
class CodeEditor;
struct ApiError;

// Creates or edits a flow: display name, state, the definition as JSON (validated as you type)
// and the connection references. Save sends only what changed (PATCH) or creates (POST); a
// change made on the server since the editor opened is shown side by side before anything is
// overwritten; a failed save keeps the dialog open with everything typed.
class FlowEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // flowName empty: create a new flow in environment.
    FlowEditorDialog(ApiClient *client, const QString &environment, const QString &flowName,
                     QWidget *parent = nullptr);

    // Prefills a new flow (a template, or an imported file).
    void setDraft(const FlowDraft &draft);
    FlowDraft currentDraft(bool *valid = nullptr) const;
    bool isCreating() const { return m_flowName.isEmpty(); }

    static FlowDraft newFlowTemplate();
    bool hasUnsavedChanges() const;

public slots:
    // Asks (Save / Discard / Keep editing) before unsaved changes are thrown away.
    void reject() override;

signals:
    void saved(const fc::Flow &flow);

private:
    void load();
    void fill(const FlowDraft &draft);
    void validate();
    void save();
    void checkServerThenSave();
    void send(const FlowDraft &base);
    void onSaveFailed(const ApiError &error);
    void setBusy(bool busy, const QString &message = {});
    void readReferences(QJsonObject *references) const;
    void fillReferences(const QJsonObject &references);
    QString snapshot() const;

    QPointer<ApiClient> m_client;
    QString m_environment;
    QString m_flowName;
    FlowDraft m_original;
    QString m_baseModified; // lastModifiedTime when the editor opened (or last took the server's)
    bool m_loaded = false;
    QString m_clean; // snapshot() when the editor was last filled
    bool m_discardConfirmed = false;
    QPointer<QMessageBox> m_discardQuestion;

    QLineEdit *m_name = nullptr;
    QComboBox *m_state = nullptr;
    CodeEditor *m_definition = nullptr;
    QListWidget *m_issues = nullptr;
    QLabel *m_validation = nullptr;
    QTableWidget *m_references = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_validateTimer = nullptr;
};

} // namespace fc
