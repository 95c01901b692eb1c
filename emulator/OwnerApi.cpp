#include "OwnerApi.h"

#include "ApiContext.h"
#include "Directory.h"
#include "JsonWriter.h"
#include "Store.h"

#include <QJsonArray>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
const QString kFlow = u"providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}"_s;
const QString kAdminFlow =
    u"providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/flows/{flow}"_s;
const QStringList kVersions{u"2016-11-01"_s, u"2017-06-01"_s};

bool isRole(const QString &role)
{
    return role == "CanView"_L1 || role == "CanViewWithShare"_L1 || role == "CanEdit"_L1;
}
} // namespace

void OwnerApi::registerRoutes(Router &router)
{
    router.add(
        "GET", kFlow + u"/owners"_s, Area::Management, [this](Request &r) { return list(r); }, kVersions);
    router.add(
        "POST", kFlow + u"/owners"_s, Area::Management, [this](Request &r) { return modifySpec(r); },
        kVersions);
    for (const QString &flow : {kFlow, kAdminFlow}) {
        router.add(
            "GET", flow + u"/permissions"_s, Area::Management, [this](Request &r) { return list(r); },
            kVersions);
        router.add(
            "POST", flow + u"/modifyPermissions"_s, Area::Management,
            [this](Request &r) { return modifyLive(r); }, kVersions);
    }
}

Response OwnerApi::ownersList(const FlowRow &flow)
{
    QSqlQuery &q = m_ctx.store.prepared(
        u"SELECT principal_id, principal_type, role FROM flow_owners WHERE env=? AND flow=? ORDER BY added_ms, principal_id"_s);
    q.bindValue(0, flow.env);
    q.bindValue(1, flow.name);
    const bool ran = q.exec();
    QByteArray items;
    JsonWriter w(items);
    const QString prefix = m_ctx.flowId(flow.env, flow.name) + u"/permissions/"_s;
    while (q.next()) {
        const QString id = q.value(0).toString();
        const QString type = q.value(1).toString();
        QString displayName, mail, upn;
        if (const auto user = m_ctx.directory.userById(id)) {
            displayName = user->displayName;
            mail = user->mail;
            upn = user->upn;
        } else if (const auto group = m_ctx.directory.groupById(id)) {
            displayName = group->displayName;
            mail = group->mail;
        }
        w.beginObject()
            .field("name", id)
            .field("id", QString(prefix + id))
            .field("type", "Microsoft.ProcessSimple/environments/flows/permissions")
            .key("properties")
            .beginObject()
            .field("roleName", q.value(2).toString())
            .field("permissionType", "Principal")
            .key("principal")
            .beginObject()
            .field("id", id)
            .field("displayName", displayName)
            .field("email", mail)
            .field("type", type)
            .field("tenantId", "00000000-0000-4000-8000-00000000c0de");
        if (!upn.isEmpty())
            w.field("userPrincipalName", upn);
        w.endObject().endObject().endObject();
    }
    if (!ran || q.lastError().isValid()) {
        const Response failed = ApiContext::readFailed(u"owners"_s, q);
        q.finish();
        return failed;
    }
    q.finish();
    return ApiContext::listResponse(items, {});
}

Response OwnerApi::list(Request &req)
{
    Response error;
    const auto flow = m_ctx.requestedFlow(req, FlowAccess::Read, &error);
    if (!flow)
        return error;
    return ownersList(*flow);
}

std::optional<OwnerChanges> readOwnerChanges(const QJsonObject &body, QString *problem)
{
    OwnerChanges changes;
    for (const char *field : {"add", "remove"}) {
        const QJsonValue list = body.value(QLatin1StringView(field));
        if (list.isUndefined())
            continue;
        if (!list.isArray()) {
            *problem = QString(u"The property '"_s + QLatin1StringView(field) + u"' must be an array."_s);
            return std::nullopt;
        }
        int i = 0;
        for (const QJsonValue &v : list.toArray()) {
            const QJsonObject o = v.toObject();
            if (!o.value("id"_L1).isString() || o.value("id"_L1).toString().isEmpty()) {
                *problem = QString(u"The property '"_s + QLatin1StringView(field) + u'[' +
                                   QString::number(i) + u"].id' is missing or is not a string."_s);
                return std::nullopt;
            }
            (qstrcmp(field, "add") == 0 ? changes.add : changes.remove)
                .append({o.value("id"_L1).toString(), o.value("type"_L1).toString(), {}});
            ++i;
        }
    }
    if (changes.add.isEmpty() && changes.remove.isEmpty()) {
        *problem = u"The request must contain a non-empty 'add' or 'remove' array."_s;
        return std::nullopt;
    }
    return changes;
}

std::optional<OwnerChanges> readPermissionChanges(const QJsonObject &body, QString *problem)
{
    OwnerChanges changes;
    const QJsonValue put = body.value("put"_L1);
    if (!put.isUndefined() && !put.isArray()) {
        *problem = u"The property 'put' must be an array."_s;
        return std::nullopt;
    }
    int i = 0;
    for (const QJsonValue &v : put.toArray()) {
        const QJsonObject principal =
            v.toObject().value("properties"_L1).toObject().value("principal"_L1).toObject();
        if (!principal.value("id"_L1).isString() || principal.value("id"_L1).toString().isEmpty()) {
            *problem = QString(u"The property 'put["_s + QString::number(i) +
                               u"].properties.principal.id' is missing or is not a string."_s);
            return std::nullopt;
        }
        const QJsonValue role = v.toObject().value("properties"_L1).toObject().value("roleName"_L1);
        if (!role.isUndefined() && !(role.isString() && isRole(role.toString()))) {
            *problem =
                QString(u"The property 'put["_s + QString::number(i) +
                        u"].properties.roleName' must be 'CanView', 'CanViewWithShare' or 'CanEdit'."_s);
            return std::nullopt;
        }
        changes.add.append(
            {principal.value("id"_L1).toString(), principal.value("type"_L1).toString(), role.toString()});
        ++i;
    }
    const QJsonValue del = body.value("delete"_L1);
    if (!del.isUndefined() && !del.isArray()) {
        *problem = u"The property 'delete' must be an array."_s;
        return std::nullopt;
    }
    i = 0;
    for (const QJsonValue &v : del.toArray()) {
        if (!v.toObject().value("id"_L1).isString()) {
            *problem = QString(u"The property 'delete["_s + QString::number(i) +
                               u"].id' is missing or is not a string."_s);
            return std::nullopt;
        }
        changes.remove.append({v.toObject().value("id"_L1).toString(), {}, {}});
        ++i;
    }
    if (changes.add.isEmpty() && changes.remove.isEmpty()) {
        *problem = u"The request must contain a non-empty 'put' or 'delete' array."_s;
        return std::nullopt;
    }
    return changes;
}

Response OwnerApi::modifySpec(Request &req)
{
    Response error;
    const auto body = m_ctx.jsonBody(req, &error);
    if (!body)
        return error;
    QString problem;
    const auto changes = readOwnerChanges(*body, &problem);
    if (!changes)
        return ApiContext::invalid(problem);
    return apply(req, changes->add, changes->remove);
}

Response OwnerApi::modifyLive(Request &req)
{
    Response error;
    const auto body = m_ctx.jsonBody(req, &error);
    if (!body)
        return error;
    QString problem;
    const auto changes = readPermissionChanges(*body, &problem);
    if (!changes)
        return ApiContext::invalid(problem);
    return apply(req, changes->add, changes->remove);
}

Response OwnerApi::apply(Request &req, const QList<Change> &add, const QList<Change> &remove)
{
    Response error;
    const auto flow = m_ctx.requestedFlow(req, FlowAccess::Write, &error);
    if (!flow)
        return error;
    for (const Change &c : add) {
        const bool user = m_ctx.directory.userById(c.id).has_value();
        const bool group = !user && m_ctx.directory.groupById(c.id).has_value();
        if (!user && !group)
            return Response::error(
                400, u"PrincipalNotFound"_s,
                QString(u"The principal '"_s + c.id + u"' does not exist in the directory."_s));
        if (!c.type.isEmpty() && c.type.compare(user ? "User"_L1 : "Group"_L1, Qt::CaseInsensitive) != 0)
            return ApiContext::invalid(QString(u"The principal '"_s + c.id + u"' is a "_s +
                                               (user ? u"User"_s : u"Group"_s) + u", not a "_s + c.type +
                                               u'.'));
    }
    // Count what would remain before changing anything: a flow keeps at least one owner.
    QStringList current;
    {
        QSqlQuery &q = m_ctx.store.prepared(u"SELECT principal_id FROM flow_owners WHERE env=? AND flow=?"_s);
        q.bindValue(0, flow->env);
        q.bindValue(1, flow->name);
        q.exec();
        while (q.next())
            current.append(q.value(0).toString());
        q.finish();
    }
    QStringList after = current;
    for (const Change &c : add) {
        if (!after.contains(c.id))
            after.append(c.id);
    }
    for (const Change &c : remove)
        after.removeAll(c.id);
    if (after.isEmpty())
        return Response::error(400, u"FlowMustHaveOwner"_s,
                               u"The last owner of a flow cannot be removed; add another owner first."_s);
    m_ctx.store.begin();
    for (const Change &c : remove)
        m_ctx.store.run(u"DELETE FROM flow_owners WHERE env=? AND flow=? AND principal_id=?"_s,
                        {flow->env, flow->name, c.id});
    for (const Change &c : add) {
        // The role asked for (live: roleName; the spec's add has none: CanEdit). A principal
        // already there gets the new role, except the flow's Owner, who stays one.
        const QString role = c.role.isEmpty() ? u"CanEdit"_s : c.role;
        const bool user = m_ctx.directory.userById(c.id).has_value();
        m_ctx.addOwner(flow->env, flow->name, c.id, user ? u"User"_s : u"Group"_s, role);
        m_ctx.store.run(
            u"UPDATE flow_owners SET role=? WHERE env=? AND flow=? AND principal_id=? AND role<>'Owner'"_s,
            {role, flow->env, flow->name, c.id});
    }
    m_ctx.store.commit();
    return ownersList(*flow);
}

} // namespace fc::emu
