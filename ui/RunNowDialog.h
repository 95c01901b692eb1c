#pragma once

#include "api/Types.h"

#include <QDialog>
#include <QJsonValue>
#include <QPointer>

class QLabel;
class QPushButton;

namespace fc {

class ApiClient;
class CodeEditor;

// Run now: starts a run of a flow with a manual (Button) or HTTP request trigger. The body is
// typed as JSON, prefilled from the trigger's inputs.schema when the definition has one, and
// checked before anything is sent; then the trigger's callback URL is asked for and the body is
// POSTed to it without the bearer token (the URL carries its own signature). Any failure names
// the step that failed and keeps what was typed.
class RunNowDialog : public QDialog
{
    Q_OBJECT
public:
    RunNowDialog(ApiClient *client, const Flow &flow, QWidget *parent = nullptr);

    // A body that fits a JSON schema: an object of each property's example or default, else an
    // empty value of its type (nested objects the same way).
    static QJsonValue sampleFromSchema(const QJsonObject &schema);
    // The body as JSON, or nullopt with the reason in *problem (and the 1-based line in *line).
    static std::optional<QByteArray> validBody(const QString &text, QString *problem, int *line);

    CodeEditor *editor() const { return m_editor; }
    QString message() const;
    QPushButton *runButton() const { return m_run; }
    bool isBusy() const { return m_busy; }
    bool isPrefilled() const { return m_prefilled; }

signals:
    // A run was started at sentMs (the service's clock may differ a little); run is its name
    // when the service gave it.
    void runStarted(const QString &env, const QString &flow, const QString &run, qint64 sentMs);

private:
    void loadSchema();
    void start();
    void setBusy(bool busy, const QString &message);
    void showProblem(const QString &message);

    QPointer<ApiClient> m_client;
    Flow m_flow;
    CodeEditor *m_editor;
    QLabel *m_message;
    QPushButton *m_run;
    bool m_busy = false;
    bool m_prefilled = false;
};

} // namespace fc
