#include "GraphApi.h"

#include "Directory.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
struct Prefix
{
    QString property;
    QString value;
};

Response graphError(int status, const QString &code, const QString &message)
{
    return Response::error(status, code, message);
}

// Parses startswith(prop,'x') [or startswith(prop,'y')]…; nullopt and an error otherwise.
std::optional<QList<Prefix>> parsePrefixes(const Request &req, const QStringList &allowed, Response *error)
{
    QList<Prefix> out;
    if (!req.hasQuery(u"$filter"_s))
        return out;
    static const QRegularExpression orSplit(u"\\s+or\\s+"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression clause(
        u"^\\s*startswith\\(\\s*(\\w+)\\s*,\\s*'((?:[^']|'')*)'\\s*\\)\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (const QString &part : req.queryValue(u"$filter"_s).split(orSplit)) {
        const auto m = clause.match(part);
        if (!m.hasMatch() || !allowed.contains(m.captured(1), Qt::CaseInsensitive)) {
            *error = graphError(400, u"Request_UnsupportedQuery"_s,
                                QString(u"Unsupported query: '"_s + part.trimmed() +
                                        u"'. Use startswith(displayName|mail|userPrincipalName,'…')."_s));
            return std::nullopt;
        }
        out.append({m.captured(1).toLower(), m.captured(2).replace("''"_L1, "'"_L1)});
    }
    return out;
}

std::optional<int> graphTop(const Request &req, Response *error)
{
    if (!req.hasQuery(u"$top"_s))
        return 100;
    bool ok = false;
    const int top = req.queryValue(u"$top"_s).toInt(&ok);
    if (!ok || top < 1 || top > 999) {
        *error = graphError(400, u"Request_BadRequest"_s,
                            u"Invalid value for '$top': it must be between 1 and 999."_s);
        return std::nullopt;
    }
    return top;
}

QJsonObject userJson(const DirectoryUser &u)
{
    return QJsonObject{{u"id"_s, u.id},
                       {u"displayName"_s, u.displayName},
                       {u"mail"_s, u.mail},
                       {u"userPrincipalName"_s, u.upn},
                       {u"jobTitle"_s, u.jobTitle},
                       {u"givenName"_s, u.displayName.section(u' ', 0, 0)},
                       {u"surname"_s, u.displayName.section(u' ', 1)}};
}

QJsonObject groupJson(const DirectoryGroup &g)
{
    return QJsonObject{{u"id"_s, g.id},
                       {u"displayName"_s, g.displayName},
                       {u"mail"_s, g.mail},
                       {u"description"_s, g.description},
                       {u"securityEnabled"_s, true},
                       {u"mailEnabled"_s, !g.mail.isEmpty()}};
}

bool matchesAny(const QList<Prefix> &prefixes, const QHash<QString, QString> &values)
{
    if (prefixes.isEmpty())
        return true;
    for (const Prefix &p : prefixes) {
        if (values.value(p.property).startsWith(p.value, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
} // namespace

void GraphApi::registerRoutes(Router &router)
{
    router.add("GET", u"v1.0/users"_s, Area::Graph, [this](Request &r) { return users(r); });
    router.add("GET", u"v1.0/groups"_s, Area::Graph, [this](Request &r) { return groups(r); });
    router.add("GET", u"v1.0/users/{id}"_s, Area::Graph,
               [this](Request &r) { return user(r, r.param(u"id"_s)); });
    router.add("GET", u"v1.0/me"_s, Area::Graph, [this](Request &r) { return user(r, r.caller.id); });
    router.add("GET", u"v1.0/groups/{id}"_s, Area::Graph, [this](Request &r) { return group(r); });
}

Response GraphApi::users(Request &req)
{
    Response error;
    const auto prefixes = parsePrefixes(
        req, {u"displayName"_s, u"mail"_s, u"userPrincipalName"_s, u"givenName"_s, u"surname"_s}, &error);
    const auto top = prefixes ? graphTop(req, &error) : std::nullopt;
    if (!top)
        return error;
    QJsonArray value;
    for (const DirectoryUser &u : m_directory.users()) {
        const QHash<QString, QString> fields{{u"displayname"_s, u.displayName},
                                             {u"mail"_s, u.mail},
                                             {u"userprincipalname"_s, u.upn},
                                             {u"givenname"_s, u.displayName.section(u' ', 0, 0)},
                                             {u"surname"_s, u.displayName.section(u' ', 1)}};
        if (matchesAny(*prefixes, fields) && value.size() < *top)
            value.append(userJson(u));
    }
    return Response::json(
        QJsonObject{{u"@odata.context"_s, QString(m_baseUrl.toString() + u"/v1.0/$metadata#users"_s)},
                    {u"value"_s, value}});
}

Response GraphApi::groups(Request &req)
{
    Response error;
    const auto prefixes = parsePrefixes(req, {u"displayName"_s, u"mail"_s}, &error);
    const auto top = prefixes ? graphTop(req, &error) : std::nullopt;
    if (!top)
        return error;
    QJsonArray value;
    for (const DirectoryGroup &g : m_directory.groups()) {
        const QHash<QString, QString> fields{{u"displayname"_s, g.displayName}, {u"mail"_s, g.mail}};
        if (matchesAny(*prefixes, fields) && value.size() < *top)
            value.append(groupJson(g));
    }
    return Response::json(
        QJsonObject{{u"@odata.context"_s, QString(m_baseUrl.toString() + u"/v1.0/$metadata#groups"_s)},
                    {u"value"_s, value}});
}

Response GraphApi::user(Request &, const QString &idOrUpn)
{
    auto u = m_directory.userById(idOrUpn);
    if (!u)
        u = m_directory.userByUpn(idOrUpn);
    if (!u)
        return graphError(
            404, u"Request_ResourceNotFound"_s,
            QString(u"Resource '"_s + idOrUpn +
                    u"' does not exist or one of its queried reference-property objects are not present."_s));
    return Response::json(userJson(*u));
}

Response GraphApi::group(Request &req)
{
    const auto g = m_directory.groupById(req.param(u"id"_s));
    if (!g)
        return graphError(404, u"Request_ResourceNotFound"_s,
                          QString(u"Resource '"_s + req.param(u"id"_s) + u"' does not exist."_s));
    return Response::json(groupJson(*g));
}

} // namespace fc::emu
