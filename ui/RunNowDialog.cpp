#include "RunNowDialog.h"
#include "Messages.h"

#include "CodeEditor.h"
#include "api/ApiClient.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

QByteArray jsonText(const QJsonValue &value, QJsonDocument::JsonFormat format)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(format);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(format);
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

QJsonValue RunNowDialog::sampleFromSchema(const QJsonObject &schema)
{
    if (schema.contains("example"_L1))
        return schema.value("example"_L1);
    if (schema.contains("default"_L1))
        return schema.value("default"_L1);
    QString type = schema.value("type"_L1).toString();
    if (type.isEmpty() && schema.value("type"_L1).isArray()) // ["string", "null"]
        type = schema.value("type"_L1).toArray().first().toString();
    if (type.isEmpty() && schema.contains("properties"_L1))
        type = u"object"_s;
    if (type == "object"_L1) {
        QJsonObject object;
        const QJsonObject properties = schema.value("properties"_L1).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            object.insert(it.key(), sampleFromSchema(it.value().toObject()));
        return object;
    }
    if (type == "array"_L1)
        return QJsonArray();
    if (type == "number"_L1 || type == "integer"_L1)
        return 0;
    if (type == "boolean"_L1)
        return false;
    if (type == "null"_L1)
        return QJsonValue::Null;
    return u""_s;
}

std::optional<QByteArray> RunNowDialog::validBody(const QString &text, QString *problem, int *line)
{
    *line = 0;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.trimmed().isEmpty()) {
        *problem = tr("The body is empty. Type a JSON body; {} sends an empty object.");
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (!doc.isNull())
        return doc.toJson(QJsonDocument::Compact);
    // A bare value ("text", 42) is a JSON body too.
    QJsonParseError wrappedError;
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + utf8 + ']', &wrappedError);
    if (wrapped.isArray() && wrapped.array().size() == 1)
        return jsonText(wrapped.array().first(), QJsonDocument::Compact);
    // Where the parser stopped, as a line and column of what was typed.
    const QByteArray before = utf8.left(error.offset);
    *line = static_cast<int>(before.count('\n')) + 1;
    const int column = static_cast<int>(before.size() - (before.lastIndexOf('\n') + 1)) + 1;
    *problem = tr("The body is not valid JSON: %1 at line %2, column %3. Nothing was sent.")
                   .arg(error.errorString())
                   .arg(*line)
                   .arg(column);
    return std::nullopt;
}

RunNowDialog::RunNowDialog(ApiClient *client, const Flow &flow, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_flow(flow)
{
    setObjectName(u"runNowDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Run \"%1\" now").arg(flow.displayName));
    resize(640, 480);
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("The body the trigger receives, as JSON. It is sent to the trigger's own URL, "
                      "which carries its signature: no sign-in token goes with it."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *label = new QLabel(tr("&Body:"));
    m_editor = new CodeEditor;
    m_editor->setObjectName(u"runNowBody"_s);
    m_editor->setAccessibleName(tr("Body of the run"));
    m_editor->setPlainText(u"{}"_s);
    m_editor->document()->setModified(false);
    label->setBuddy(m_editor);
    layout->addWidget(label);
    layout->addWidget(m_editor, 1);
    m_message = new QLabel;
    m_message->setObjectName(u"runNowMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_run = buttons->addButton(tr("&Run"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(u"runNowButton"_s);
    m_run->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &RunNowDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] { m_editor->setErrorLine(0); });
    layout->addWidget(buttons);
    loadSchema();
}

QString RunNowDialog::message() const
{
    return m_message->text();
}

void RunNowDialog::loadSchema()
{
    if (!m_client)
        return;
    m_message->setText(tr("Reading the trigger's schema…"));
    m_client->getFlow(m_flow.environment, m_flow.name, this, [this](Result<Flow> flow) {
        if (m_message->text() == tr("Reading the trigger's schema…"))
            m_message->clear();
        if (!flow) {
            m_message->setText(tr("The trigger's schema could not be read (%1); type the body yourself.")
                                   .arg(plainReason(flow.error())));
            return;
        }
        const QJsonObject triggers = flow->definition.value("triggers"_L1).toObject();
        QJsonObject schema;
        for (auto it = triggers.begin(); it != triggers.end(); ++it) {
            const QJsonObject trigger = it.value().toObject();
            if (trigger.value("type"_L1).toString() == "Request"_L1) {
                schema = trigger.value("inputs"_L1).toObject().value("schema"_L1).toObject();
                break;
            }
        }
        // What the user typed meanwhile wins over the sample.
        if (schema.isEmpty() || m_editor->document()->isModified())
            return;
        m_editor->setPlainText(
            QString::fromUtf8(jsonText(sampleFromSchema(schema), QJsonDocument::Indented)));
        m_editor->document()->setModified(false);
        m_prefilled = true;
    });
}

void RunNowDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    m_run->setEnabled(!busy);
    m_editor->setReadOnly(busy);
    m_message->setText(message);
}

void RunNowDialog::showProblem(const QString &message)
{
    setBusy(false, message);
}

void RunNowDialog::start()
{
    if (m_busy || !m_client)
        return;
    QString problem;
    int line = 0;
    const auto body = validBody(m_editor->toPlainText(), &problem, &line);
    if (!body) {
        m_message->setText(problem);
        if (line > 0) {
            m_editor->setErrorLine(line);
            m_editor->goToLine(line);
        }
        m_editor->setFocus();
        return;
    }
    setBusy(true, tr("Asking the service for the trigger's URL…"));
    const QString env = m_flow.environment, flow = m_flow.name;
    m_client->listCallbackUrl(env, flow, this, [this, env, flow, body = *body](Result<QString> url) {
        if (!url) {
            showProblem(
                tr("Could not get the trigger's URL, so nothing was sent: %1").arg(plainReason(url.error())));
            return;
        }
        if (!m_client)
            return;
        setBusy(true, tr("Starting the run…"));
        const qint64 sent = QDateTime::currentMSecsSinceEpoch();
        m_client->invokeCallback(QUrl(url.value()), body, this, [this, env, flow, sent](Result<QString> run) {
            if (!run) {
                const ApiError &error = run.error();
                const bool unknown =
                    error.kind == ApiError::Kind::Timeout || error.kind == ApiError::Kind::Network;
                showProblem(unknown ? tr("No answer from the trigger: the run may or may not have started. "
                                         "Look at the flow's runs before running it again. (%1)")
                                          .arg(plainReason(error))
                                    : tr("The trigger did not start a run: %1").arg(plainReason(error)));
                return;
            }
            setBusy(false,
                    run->isEmpty() ? tr("A run has started.") : tr("Run %1 has started.").arg(run.value()));
            emit runStarted(env, flow, run.value(), sent);
            accept();
        });
    });
}

} // namespace fc
