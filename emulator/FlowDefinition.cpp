#include "FlowDefinition.h"

#include <QHash>

#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

QString FlowDefinition::validate() const
{
    const QJsonValue triggers = m_definition.value("triggers"_L1);
    if (!triggers.isObject() || triggers.toObject().isEmpty())
        return u"properties.definition.triggers must be an object with at least one trigger."_s;
    const QJsonObject t = triggers.toObject();
    for (auto it = t.begin(); it != t.end(); ++it) {
        if (!it.value().isObject() || !it.value().toObject().value("type"_L1).isString())
            return QString(u"properties.definition.triggers."_s + it.key() + u".type must be a string."_s);
    }
    const QJsonValue actions = m_definition.value("actions"_L1);
    if (!actions.isUndefined() && !actions.isObject())
        return u"properties.definition.actions must be an object."_s;
    const QJsonObject a = actions.toObject();
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (!it.value().isObject() || !it.value().toObject().value("type"_L1).isString())
            return QString(u"properties.definition.actions."_s + it.key() + u".type must be a string."_s);
    }
    return {};
}

QStringList FlowDefinition::triggerNames() const
{
    return m_definition.value("triggers"_L1).toObject().keys();
}

QJsonObject FlowDefinition::trigger(const QString &name) const
{
    return m_definition.value("triggers"_L1).toObject().value(name).toObject();
}

QString FlowDefinition::callableTrigger() const
{
    const QJsonObject triggers = m_definition.value("triggers"_L1).toObject();
    for (auto it = triggers.begin(); it != triggers.end(); ++it) {
        if (it.value().toObject().value("type"_L1).toString() == "Request"_L1)
            return it.key();
    }
    return {};
}

QJsonObject FlowDefinition::action(const QString &name) const
{
    return m_definition.value("actions"_L1).toObject().value(name).toObject();
}

QStringList FlowDefinition::actionsInOrder() const
{
    // The order in which the engine runs top-level actions: in passes over the actions in name
    // order, an action runs once every action it runs after (of these) has run, including those
    // run earlier in the same pass. Actions in or behind a cycle never run; they follow in name
    // order. Computed without the passes, which take time quadratic in the actions when a chain
    // runs against name order (a 4 MB definition would hold the emulator for minutes): an
    // action's pass is the latest of its predecessors' passes, one later for a predecessor that
    // comes after it by name; the order is by pass, then by name.
    const QJsonObject actions = m_definition.value("actions"_L1).toObject();
    const QStringList names = actions.keys();
    const qsizetype n = names.size();
    QHash<QString, qsizetype> index;
    index.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        index.insert(names.at(i), i);
    const auto count = static_cast<size_t>(n);
    std::vector<std::vector<qsizetype>> successors(count);
    std::vector<qsizetype> waiting(count, 0); // predecessors not placed yet
    for (qsizetype i = 0; i < n; ++i) {
        const QJsonObject after = actions.value(names.at(i)).toObject().value("runAfter"_L1).toObject();
        for (auto it = after.begin(); it != after.end(); ++it) {
            const auto found = index.constFind(it.key());
            if (found == index.constEnd())
                continue; // not an action of this level: no wait
            successors[size_t(*found)].push_back(i);
            ++waiting[size_t(i)];
        }
    }
    std::vector<qsizetype> pass(count, 0);
    std::vector<qsizetype> placed;
    placed.reserve(count);
    for (qsizetype i = 0; i < n; ++i) {
        if (waiting[size_t(i)] == 0)
            placed.push_back(i);
    }
    for (size_t k = 0; k < placed.size(); ++k) {
        const qsizetype u = placed[k];
        for (const qsizetype v : successors[size_t(u)]) {
            pass[size_t(v)] = std::max(pass[size_t(v)], pass[size_t(u)] + (u > v ? 1 : 0));
            if (--waiting[size_t(v)] == 0)
                placed.push_back(v);
        }
    }
    std::sort(placed.begin(), placed.end(), [&pass](qsizetype a, qsizetype b) {
        return pass[size_t(a)] != pass[size_t(b)] ? pass[size_t(a)] < pass[size_t(b)] : a < b;
    });
    QStringList order;
    order.reserve(n);
    for (const qsizetype i : placed)
        order.append(names.at(i));
    for (qsizetype i = 0; i < n; ++i) {
        if (waiting[size_t(i)] > 0)
            order.append(names.at(i));
    }
    return order;
}

QJsonObject FlowDefinition::summary() const
{
    QJsonArray triggers;
    const QJsonObject t = m_definition.value("triggers"_L1).toObject();
    for (auto it = t.begin(); it != t.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        QJsonObject s{{u"type"_s, o.value("type"_L1)}};
        if (o.contains("kind"_L1))
            s.insert(u"kind"_s, o.value("kind"_L1));
        if (o.contains("recurrence"_L1))
            s.insert(u"metadata"_s, QJsonObject{});
        triggers.append(s);
    }
    QJsonArray actions;
    for (const QString &name : actionsInOrder()) {
        const QJsonObject o = action(name);
        QJsonObject s{{u"type"_s, o.value("type"_L1)}};
        const QJsonObject host = o.value("inputs"_L1).toObject().value("host"_L1).toObject();
        if (host.contains("operationId"_L1)) {
            s.insert(u"swaggerOperationId"_s, host.value("operationId"_L1));
            const QString api = host.value("apiId"_L1).toString();
            s.insert(u"api"_s, QJsonObject{{u"name"_s, api.section(u'/', -1)},
                                           {u"id"_s, api},
                                           {u"type"_s, u"Microsoft.PowerApps/apis"_s}});
        }
        actions.append(s);
    }
    return QJsonObject{{u"triggers"_s, triggers}, {u"actions"_s, actions}};
}

QJsonObject FlowDefinition::defaultDefinition()
{
    return QJsonObject{
        {u"$schema"_s,
         u"https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#"_s},
        {u"contentVersion"_s, u"1.0.0.0"_s},
        {u"parameters"_s, QJsonObject{{u"$authentication"_s, QJsonObject{{u"defaultValue"_s, QJsonObject{}},
                                                                         {u"type"_s, u"SecureObject"_s}}},
                                      {u"$connections"_s, QJsonObject{{u"defaultValue"_s, QJsonObject{}},
                                                                      {u"type"_s, u"Object"_s}}}}},
        {u"triggers"_s, QJsonObject{{u"manual"_s, QJsonObject{{u"type"_s, u"Request"_s},
                                                              {u"kind"_s, u"Button"_s},
                                                              {u"inputs"_s, QJsonObject{}}}}}},
        {u"actions"_s, QJsonObject{{u"Compose"_s, QJsonObject{{u"type"_s, u"Compose"_s},
                                                              {u"runAfter"_s, QJsonObject{}},
                                                              {u"inputs"_s, u"hello"_s}}}}},
    };
}

} // namespace fc::emu
