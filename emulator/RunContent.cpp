#include "RunContent.h"

#include "FlowDefinition.h"
#include "JsonWriter.h"
#include "Util.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu::RunContent {

namespace {

QByteArray compact(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // A bare value (Compose "hello"): JSON text too, without the array around it.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// A number from the run and the part it is for; the same on every start (seed 0).
quint64 sample(const QString &run, const QString &part)
{
    return quint64(qHash(QString(run + u'|' + part), 0));
}

// Inputs as the run shows them: the connection's secret stays out.
QJsonValue shownInputs(const QJsonValue &inputs)
{
    if (!inputs.isObject())
        return inputs;
    QJsonObject o = inputs.toObject();
    o.remove("authentication"_L1);
    return o;
}

QJsonObject sampleItem(const QString &run, const QString &part)
{
    const quint64 n = sample(run, part);
    const qint64 when = 1767225600000LL + qint64(n % (365ULL * 86400000ULL)); // in 2026
    return QJsonObject{{u"ID"_s, qint64(n % 5000) + 1},
                       {u"Title"_s, QString(u"Item "_s + QString::number(n % 100000))},
                       {u"Created"_s, isoTime(when)},
                       {u"Modified"_s, isoTime(when + 60000)}};
}

} // namespace

TriggerContent::TriggerContent(const FlowDefinition &definition, const QString &trigger)
{
    const QJsonObject t = definition.trigger(trigger);
    const QString type = t.value("type"_L1).toString();
    if (t.isEmpty() || type == "Recurrence"_L1)
        return;
    const QJsonObject inputs = t.value("inputs"_L1).toObject();
    m_inputs = compact(shownInputs(inputs));
    if (type != "Request"_L1) {
        m_kind = Kind::Connector;
        return;
    }
    m_kind = t.value("kind"_L1).toString() == "Button"_L1 ? Kind::Button : Kind::Request;
    const QJsonObject properties = inputs.value("schema"_L1).toObject().value("properties"_L1).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        m_fields.append({it.key(), p.value("type"_L1).toString()});
        m_titles.append(p.value("title"_L1).toString(it.key()));
    }
}

QByteArray TriggerContent::outputs(const QString &run) const
{
    if (m_kind == Kind::None)
        return {};
    // Written directly: a page of runs makes one per run.
    QByteArray out;
    out.reserve(256);
    JsonWriter w(out);
    w.beginObject()
        .key("headers")
        .beginObject()
        .field("Accept-Language", "en-US")
        .field("Content-Type", "application/json; charset=utf-8");
    if (m_kind == Kind::Button)
        w.field("User-Agent", "PowerAutomate/3.24 (Button)");
    w.endObject().key("body").beginObject();
    if (m_kind == Kind::Connector) {
        // A connector's polling trigger: the item that fired it.
        const quint64 n = sample(run, u"item"_s);
        const qint64 when = 1767225600000LL + qint64(n % (365ULL * 86400000ULL)); // in 2026
        w.key("ID")
            .value(qint64(n % 5000) + 1)
            .field("Title", QString(u"Item "_s + QString::number(n % 100000)))
            .timeField("Created", when)
            .timeField("Modified", when + 60000);
    } else {
        // A body that fits the Request trigger's JSON schema.
        for (qsizetype i = 0; i < m_fields.size(); ++i) {
            const auto &[name, type] = m_fields.at(i);
            const quint64 n = sample(run, name);
            w.key(name);
            if (type == "number"_L1 || type == "integer"_L1)
                w.value(qint64(n % 1000000));
            else if (type == "boolean"_L1)
                w.value(n % 2 == 0);
            else if (type == "object"_L1)
                w.beginObject().endObject();
            else
                w.value(QString(m_titles.at(i) + u' ' + QString::number(n % 10000)));
        }
    }
    w.endObject().endObject();
    return out;
}

QByteArray trigger(const FlowDefinition &definition, const QString &name, const QString &run,
                   ContentKind kind)
{
    const TriggerContent content(definition, name);
    return kind == ContentKind::TriggerInputs    ? content.inputs()
           : kind == ContentKind::TriggerOutputs ? content.outputs(run)
                                                 : QByteArray();
}

QByteArray action(const FlowDefinition &definition, const QString &name, const QString &run,
                  const QString &status, ContentKind kind)
{
    const QJsonObject a = definition.action(name);
    if (!a.contains("inputs"_L1) || status == "Skipped"_L1)
        return {};
    if (kind == ContentKind::ActionInputs)
        return compact(shownInputs(a.value("inputs"_L1)));
    if (kind != ContentKind::ActionOutputs || (status != "Succeeded"_L1 && status != "Failed"_L1))
        return {};
    const QString type = a.value("type"_L1).toString();
    if (type == "Compose"_L1 && status == "Succeeded"_L1)
        return compact(a.value("inputs"_L1)); // what a Compose makes is its input
    const QJsonObject headers{{u"Content-Type"_s, u"application/json; charset=utf-8"_s},
                              {u"x-ms-request-id"_s, stableGuid(run + u'|' + name)}};
    if (status == "Failed"_L1)
        return compact(QJsonObject{
            {u"statusCode"_s, 400},
            {u"headers"_s, headers},
            {u"body"_s,
             QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, u"BadRequest"_s},
                                                  {u"message"_s, u"The item was not found."_s}}}}}});
    const QString operation =
        a.value("inputs"_L1).toObject().value("host"_L1).toObject().value("operationId"_L1).toString();
    QJsonObject body;
    if (operation.startsWith("Get"_L1) || operation.startsWith("List"_L1))
        body = QJsonObject{{u"value"_s, QJsonArray{sampleItem(run, name), sampleItem(run, name + u'2')}}};
    else
        body = QJsonObject{{u"id"_s, stableGuid(run + u'|' + name + u"|id"_s)}};
    return compact(QJsonObject{{u"statusCode"_s, 200}, {u"headers"_s, headers}, {u"body"_s, body}});
}

QByteArray md5Base64(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Md5).toBase64();
}

} // namespace fc::emu::RunContent
